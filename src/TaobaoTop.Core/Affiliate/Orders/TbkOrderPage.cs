using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Protocol;
using static TaobaoTop.Core.Json.Utf8Fields;

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

        /// <summary>Given to a page's request (<see cref="TopRequest.AnswerReader"/>): the parser's one pass over the answer fills the page.</summary>
        public static ITopAnswerReader NewReader() => new PageReader();

        /// <summary>The page the parser's pass filled; an answer of another shape (simplify=true) is read from its body.</summary>
        public static TbkOrderPage Read(TopResponse response)
            => response.Model is PageReader page ? new TbkOrderPage(page.Orders, page.HasNext, page.Position) : FromBody(response.Body);

        private sealed class PageReader : ITopAnswerReader
        {
            public List<TbkOrder> Orders = new List<TbkOrder>();
            public bool? HasNext;
            public string? Position;
            private readonly TextPool _texts = new TextPool();

            public void ReadProperty(ref Utf8JsonReader reader)
            {
                var isData = reader.ValueTextEquals(Names.Data);
                reader.Read();
                if (isData && reader.TokenType == JsonTokenType.StartObject) ReadData(ref reader, Orders, ref HasNext, ref Position, _texts);
                else
                {
                    // Like JsonFields: the last of repeated fields counts, even when it is not an object.
                    if (isData)
                    {
                        Orders.Clear();
                        HasNext = null;
                        Position = null;
                    }
                    reader.Skip();
                }
            }
        }

        /// <summary>The page from the parsed body: what the order sync read before it read bytes.</summary>
        public static TbkOrderPage FromBody(JsonElement body)
        {
            var data = body.Child("data");
            var orders = new List<TbkOrder>();
            foreach (var dto in data.Child("results").Items()) orders.Add(TbkOrder.FromJson(dto));
            return new TbkOrderPage(orders, data.Bool("has_next"), data.Text("position_index"));
        }

        private static void ReadData(ref Utf8JsonReader reader, List<TbkOrder> orders, ref bool? hasNext, ref string? position, TextPool texts)
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
                    ReadResults(ref reader, found, texts);
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
        private static void ReadResults(ref Utf8JsonReader reader, List<TbkOrder> orders, TextPool texts)
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                ReadArray(ref reader, orders, texts);
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
                    ReadArray(ref reader, orders, texts);
                    done = true;
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        private static void ReadArray(ref Utf8JsonReader reader, List<TbkOrder> orders, TextPool texts)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.StartObject) orders.Add(ReadOrder(ref reader, texts));
                else reader.Skip();
            }
        }

        private static TbkOrder ReadOrder(ref Utf8JsonReader reader, TextPool texts)
        {
            var order = new TbkOrder();
            var expected = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // Answers list the fields in one order: the one after the last is tried first.
                var field = Names.Field(ref reader, expected);
                reader.Read();
                if (field < 0)
                {
                    reader.Skip();
                    continue;
                }
                expected = field + 1;
                Set(order, field, ref reader, texts);
            }
            return order;
        }

        /// <summary>The same fields and conversions as <see cref="TbkOrder.FromJson"/>.</summary>
        private static void Set(TbkOrder order, int field, ref Utf8JsonReader reader, TextPool texts)
        {
            switch (field)
            {
                case 0: order.TradeId = Scalar(ref reader) ?? string.Empty; break;
                case 1: order.TradeParentId = Scalar(ref reader); break;
                case 2: order.Status = (TbkOrderStatus)(Int(ref reader) ?? 0); break;
                case 3: order.ItemId = Scalar(ref reader); break;
                case 4: order.ItemTitle = Scalar(ref reader); break;
                case 5: order.ItemNum = Int(ref reader) ?? 0; break;
                case 6: order.ItemPrice = Money(ref reader); break;
                case 7: order.ItemCategoryName = texts.Text(ref reader, 7); break;
                case 8: order.SellerNick = texts.Text(ref reader, 8); break;
                case 9: order.ShopTitle = texts.Text(ref reader, 9); break;
                case 10: order.OrderType = texts.Text(ref reader, 10); break;
                case 11: order.PaidAmount = Money(ref reader); break;
                case 12: order.SettledAmount = Money(ref reader); break;
                case 13: order.EstimatedIncome = Money(ref reader); break;
                case 14: order.SettledIncome = Money(ref reader); break;
                case 15: order.CommissionRate = Decimal(ref reader); break;
                case 16: order.CommissionFee = Money(ref reader); break;
                case 17: order.AdzoneId = Long(ref reader); break;
                case 18: order.AdzoneName = texts.Text(ref reader, 18); break;
                case 19: order.SiteId = Long(ref reader); break;
                case 20: order.SiteName = texts.Text(ref reader, 20); break;
                case 21: order.PublisherId = Long(ref reader); break;
                case 22: order.RelationId = Long(ref reader); break;
                case 23: order.SpecialId = Long(ref reader); break;
                case 24: order.OrderRole = Int(ref reader); break;
                case 25: order.TerminalType = texts.Text(ref reader, 25); break;
                case 26: order.Refunding = Int(ref reader) == 1; break;
                case 27: order.ClickTime = Time(ref reader); break;
                case 28: order.CreateTime = Time(ref reader); break;
                case 29: order.PaidTime = Time(ref reader); break;
                case 30: order.SettledTime = Time(ref reader); break;
                case 31: order.ModifiedTime = Time(ref reader); break;
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

            /// <summary>The field's number in <see cref="Set"/>, trying <paramref name="expected"/> first; -1 for a field orders do not keep.</summary>
            public static int Field(ref Utf8JsonReader reader, int expected)
            {
                if (expected < Fields.Length && reader.ValueTextEquals(Fields[expected])) return expected;
                for (var i = 0; i < Fields.Length; i++)
                {
                    if (reader.ValueTextEquals(Fields[i])) return i;
                }
                return -1;
            }
        }
    }
}
