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

        /// <summary>
        /// Texts that repeat across a page's orders (shops, categories, adzones, 天猫/淘宝, 无线/PC) are decoded once per
        /// page: a field's value whose bytes equal one of its last few values is that value's string.
        /// </summary>
        private sealed class TextPool
        {
            private const int Recent = 8;
            private readonly (byte[] Utf8, string Text)[]?[] _recent = new (byte[], string)[]?[32];
            private readonly int[] _next = new int[32];

            public string? Text(ref Utf8JsonReader reader, int field)
            {
                if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length == 0) return Scalar(ref reader);
                // Equal bytes (escapes included) are equal text; equal text written differently only misses the pool.
                var bytes = reader.ValueSpan;
                var recent = _recent[field] ??= new (byte[], string)[Recent];
                foreach (var entry in recent)
                {
                    if (entry.Utf8 != null && bytes.SequenceEqual(entry.Utf8)) return entry.Text;
                }
                var text = Scalar(ref reader);
                if (text != null) recent[_next[field]++ % Recent] = (bytes.ToArray(), text);
                return text;
            }
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

        /// <summary>The value's bytes when they are plain text (a number, or a string without escapes); else empty.</summary>
        private static ReadOnlySpan<byte> Plain(ref Utf8JsonReader reader)
            => reader.TokenType == JsonTokenType.Number || (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped) ? reader.ValueSpan : default;

        // The fast paths below read the common forms straight from the bytes (plain digits, TOP's time format) and give
        // exactly what JsonFields gives for them; any other form goes through the field's text and JsonFields.

        private static long? Long(ref Utf8JsonReader reader)
            => TryDigits(Plain(ref reader), out var number) ? number : JsonFields.LongOf(Scalar(ref reader));

        private static int? Int(ref Utf8JsonReader reader)
            => TryDigits(Plain(ref reader), out var number) && number >= int.MinValue && number <= int.MaxValue ? (int)number : JsonFields.IntOf(Scalar(ref reader));

        private static decimal? Decimal(ref Utf8JsonReader reader)
            => TryPlainDecimal(Plain(ref reader), out var number) ? number : JsonFields.DecimalOf(Scalar(ref reader));

        private static decimal? Money(ref Utf8JsonReader reader)
            => TryPlainDecimal(Plain(ref reader), out var number) ? JsonFields.ToMoney(number) : JsonFields.MoneyOf(Scalar(ref reader));

        private static DateTimeOffset? Time(ref Utf8JsonReader reader)
            => reader.TokenType == JsonTokenType.String && TryTopTime(Plain(ref reader), out var instant) ? instant : JsonFields.TimeOf(Scalar(ref reader));

        /// <summary>An optional '-' and 1 to 18 ASCII digits.</summary>
        private static bool TryDigits(ReadOnlySpan<byte> text, out long number)
        {
            number = 0;
            var negative = text.Length > 0 && text[0] == (byte)'-';
            var digits = text.Slice(negative ? 1 : 0);
            if (digits.Length == 0 || digits.Length > 18) return false;
            foreach (var b in digits)
            {
                if (b < (byte)'0' || b > (byte)'9') return false;
                number = number * 10 + (b - (byte)'0');
            }
            if (negative) number = -number;
            return true;
        }

        /// <summary>An optional '-', digits, and optionally '.' and more digits (18 digits at most); trailing zeros kept, as decimal.Parse keeps them.</summary>
        private static bool TryPlainDecimal(ReadOnlySpan<byte> text, out decimal number)
        {
            number = 0;
            var point = text.IndexOf((byte)'.');
            if (point < 0)
            {
                if (!TryDigits(text, out var whole)) return false;
                number = whole;
                return true;
            }
            var negative = text.Length > 0 && text[0] == (byte)'-';
            var integer = text.Slice(negative ? 1 : 0, point - (negative ? 1 : 0));
            var fraction = text.Slice(point + 1);
            if (integer.Length == 0 || fraction.Length == 0 || integer.Length + fraction.Length > 18) return false;
            if (!TryDigits(integer, out var high) || !TryDigits(fraction, out var low)) return false;
            var scaled = high;
            for (var i = 0; i < fraction.Length; i++) scaled *= 10;
            var magnitude = (ulong)(scaled + low);
            number = new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, (byte)fraction.Length);
            return true;
        }

        /// <summary>TOP's <c>yyyy-MM-dd HH:mm:ss</c> in +08:00, checked as DateTime.TryParseExact checks it.</summary>
        private static bool TryTopTime(ReadOnlySpan<byte> text, out DateTimeOffset instant)
        {
            instant = default;
            if (text.Length != 19 || text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)' ' || text[13] != (byte)':' || text[16] != (byte)':') return false;
            if (!TryDigits(text.Slice(0, 4), out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
                || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second))
                return false;
            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month) || hour > 23 || minute > 59 || second > 59) return false;
            instant = new DateTimeOffset((int)year, (int)month, (int)day, (int)hour, (int)minute, (int)second, TopTime.Offset);
            return true;
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
