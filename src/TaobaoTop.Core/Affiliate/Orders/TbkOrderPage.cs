using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Affiliate.Orders
{
    /// <summary>
    /// One page of taobao.tbk.(sc.)order.details.get read straight from the answer's bytes into orders, with the rules
    /// of <see cref="JsonFields"/> (a field's text as <see cref="JsonFields.Text"/> gives it, then the same conversions),
    /// so it gives what <see cref="TbkOrder.FromJson"/> gives over the parsed document, without building the document.
    /// </summary>
    public sealed class TbkOrderPage
    {
        private TbkOrderPage(List<TbkOrder> orders, bool? hasNext, string? positionIndex)
        {
            Orders = orders;
            HasNext = hasNext;
            PositionIndex = positionIndex;
        }

        public List<TbkOrder> Orders { get; }

        public bool? HasNext { get; }

        public string? PositionIndex { get; }

        /// <summary>Reads the page from the answer's bytes; an answer of another shape (simplify=true) from its body.</summary>
        public static TbkOrderPage Read(TopResponse response)
        {
            var orders = new List<TbkOrder>();
            bool? hasNext = null;
            string? position = null;
            var reader = new Utf8JsonReader(response.Utf8.Span);
            reader.Read();
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueSpan.EndsWith(ResponseSuffix)) return FromBody(response.Body);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject) return FromBody(response.Body);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isData = reader.ValueTextEquals(Names.Data);
                reader.Read();
                if (isData && reader.TokenType == JsonTokenType.StartObject) ReadData(ref reader, orders, ref hasNext, ref position);
                else
                {
                    // Like JsonFields: the last of repeated fields counts, even when it is not an object.
                    if (isData)
                    {
                        orders.Clear();
                        hasNext = null;
                        position = null;
                    }
                    reader.Skip();
                }
            }
            return new TbkOrderPage(orders, hasNext, position);
        }

        /// <summary>The page from the parsed body: what the order sync read before it read bytes.</summary>
        public static TbkOrderPage FromBody(JsonElement body)
        {
            var data = body.Child("data");
            var orders = new List<TbkOrder>();
            foreach (var dto in data.Child("results").Items()) orders.Add(TbkOrder.FromJson(dto));
            return new TbkOrderPage(orders, data.Bool("has_next"), data.Text("position_index"));
        }

        private static readonly byte[] ResponseSuffix = Encoding.UTF8.GetBytes("_response");

        private static void ReadData(ref Utf8JsonReader reader, List<TbkOrder> orders, ref bool? hasNext, ref string? position)
        {
            orders.Clear();
            hasNext = null;
            position = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(Names.Results))
                {
                    reader.Read();
                    var found = new List<TbkOrder>();
                    ReadResults(ref reader, found);
                    // Like JsonFields: the last of repeated fields counts.
                    orders.Clear();
                    orders.AddRange(found);
                }
                else if (reader.ValueTextEquals(Names.HasNext))
                {
                    reader.Read();
                    hasNext = JsonFields.BoolOf(Scalar(ref reader));
                }
                else if (reader.ValueTextEquals(Names.PositionIndex))
                {
                    reader.Read();
                    position = Scalar(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }

        /// <summary>The orders of <c>results</c>: the bare array (simplify) or the first array inside its wrapper object.</summary>
        private static void ReadResults(ref Utf8JsonReader reader, List<TbkOrder> orders)
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                ReadArray(ref reader, orders);
                return;
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return;
            }
            var done = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                reader.Read();
                if (!done && reader.TokenType == JsonTokenType.StartArray)
                {
                    ReadArray(ref reader, orders);
                    done = true;
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        private static void ReadArray(ref Utf8JsonReader reader, List<TbkOrder> orders)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.StartObject) orders.Add(ReadOrder(ref reader));
                else reader.Skip();
            }
        }

        private static TbkOrder ReadOrder(ref Utf8JsonReader reader)
        {
            var order = new TbkOrder();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Names.Field(ref reader);
                reader.Read();
                if (field < 0)
                {
                    reader.Skip();
                    continue;
                }
                Set(order, field, Scalar(ref reader));
            }
            return order;
        }

        /// <summary>A scalar as <see cref="JsonFields.Text"/> gives it: empty text is null, numbers and booleans as written; null for anything else (skipped).</summary>
        private static string? Scalar(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    var text = reader.GetString();
                    return string.IsNullOrEmpty(text) ? null : text;
                case JsonTokenType.Number:
                    return Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                case JsonTokenType.True:
                    return "true";
                case JsonTokenType.False:
                    return "false";
                default:
                    reader.Skip();
                    return null;
            }
        }

        /// <summary>The same fields and conversions as <see cref="TbkOrder.FromJson"/>.</summary>
        private static void Set(TbkOrder order, int field, string? text)
        {
            switch (field)
            {
                case 0: order.TradeId = text ?? string.Empty; break;
                case 1: order.TradeParentId = text; break;
                case 2: order.Status = (TbkOrderStatus)(JsonFields.IntOf(text) ?? 0); break;
                case 3: order.ItemId = text; break;
                case 4: order.ItemTitle = text; break;
                case 5: order.ItemNum = JsonFields.IntOf(text) ?? 0; break;
                case 6: order.ItemPrice = JsonFields.MoneyOf(text); break;
                case 7: order.ItemCategoryName = text; break;
                case 8: order.SellerNick = text; break;
                case 9: order.ShopTitle = text; break;
                case 10: order.OrderType = text; break;
                case 11: order.PaidAmount = JsonFields.MoneyOf(text); break;
                case 12: order.SettledAmount = JsonFields.MoneyOf(text); break;
                case 13: order.EstimatedIncome = JsonFields.MoneyOf(text); break;
                case 14: order.SettledIncome = JsonFields.MoneyOf(text); break;
                case 15: order.CommissionRate = JsonFields.DecimalOf(text); break;
                case 16: order.CommissionFee = JsonFields.MoneyOf(text); break;
                case 17: order.AdzoneId = JsonFields.LongOf(text); break;
                case 18: order.AdzoneName = text; break;
                case 19: order.SiteId = JsonFields.LongOf(text); break;
                case 20: order.SiteName = text; break;
                case 21: order.PublisherId = JsonFields.LongOf(text); break;
                case 22: order.RelationId = JsonFields.LongOf(text); break;
                case 23: order.SpecialId = JsonFields.LongOf(text); break;
                case 24: order.OrderRole = JsonFields.IntOf(text); break;
                case 25: order.TerminalType = text; break;
                case 26: order.Refunding = JsonFields.IntOf(text) == 1; break;
                case 27: order.ClickTime = JsonFields.TimeOf(text); break;
                case 28: order.CreateTime = JsonFields.TimeOf(text); break;
                case 29: order.PaidTime = JsonFields.TimeOf(text); break;
                case 30: order.SettledTime = JsonFields.TimeOf(text); break;
                case 31: order.ModifiedTime = JsonFields.TimeOf(text); break;
            }
        }

        private static class Names
        {
            public static readonly byte[] Data = Encoding.UTF8.GetBytes("data");
            public static readonly byte[] Results = Encoding.UTF8.GetBytes("results");
            public static readonly byte[] HasNext = Encoding.UTF8.GetBytes("has_next");
            public static readonly byte[] PositionIndex = Encoding.UTF8.GetBytes("position_index");

            // In the order of the cases of Set.
            private static readonly byte[][] Fields = Array.ConvertAll(new[]
            {
                "trade_id", "trade_parent_id", "tk_status", "item_id", "item_title", "item_num", "item_price", "item_category_name",
                "seller_nick", "seller_shop_title", "order_type", "alipay_total_price", "pay_price", "pub_share_pre_fee", "pub_share_fee",
                "tk_total_rate", "total_commission_fee", "adzone_id", "adzone_name", "site_id", "site_name", "pub_id", "relation_id",
                "special_id", "tk_order_role", "terminal_type", "refund_tag", "click_time", "tk_create_time", "tk_paid_time",
                "tk_earning_time", "modified_time",
            }, Encoding.UTF8.GetBytes);

            /// <summary>The field's number in <see cref="Set"/>; -1 for a field orders do not keep.</summary>
            public static int Field(ref Utf8JsonReader reader)
            {
                for (var i = 0; i < Fields.Length; i++)
                {
                    if (reader.ValueTextEquals(Fields[i])) return i;
                }
                return -1;
            }
        }
    }
}
