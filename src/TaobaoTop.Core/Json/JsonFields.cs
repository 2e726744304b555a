using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Json
{
    /// <summary>
    /// Lenient readers for TOP answers, which send the same field as a number in one API and a string in another
    /// ("9.11", 9.11; "123", 123), leave out empty fields, and wrap lists in an object unless simplify=true.
    /// </summary>
    public static class JsonFields
    {
        /// <summary>A scalar field as text; null when absent, empty, or not a scalar.</summary>
        public static string? Text(this JsonElement element, string name)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value)) return null;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    var text = value.GetString();
                    return string.IsNullOrEmpty(text) ? null : text;
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return value.GetRawText();
                default:
                    return null;
            }
        }

        public static long? Long(this JsonElement element, string name) => LongOf(element.Text(name));

        public static int? Int(this JsonElement element, string name) => IntOf(element.Text(name));

        /// <summary>Rates and amounts as exact decimals, never through double.</summary>
        public static decimal? Decimal(this JsonElement element, string name) => DecimalOf(element.Text(name));

        /// <summary>Money in yuan with two places (1499.5 reads as 1499.50).</summary>
        public static decimal? Money(this JsonElement element, string name) => MoneyOf(element.Text(name));

        public static bool? Bool(this JsonElement element, string name) => BoolOf(element.Text(name));

        /// <summary>
        /// An instant in +08:00 from TOP time text (<c>yyyy-MM-dd HH:mm:ss</c>), epoch milliseconds (the search APIs'
        /// promotion times) or a bare date (coupons), which for an end time means the end of that day.
        /// </summary>
        public static DateTimeOffset? Time(this JsonElement element, string name, bool endOfDay = false) => TimeOf(element.Text(name), endOfDay);

        // The rules on a field's text (what Text gives), shared with the readers that parse answers straight from bytes.

        internal static long? LongOf(string? text)
            => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (long?)null;

        internal static int? IntOf(string? text)
            => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;

        internal static decimal? DecimalOf(string? text)
            => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : (decimal?)null;

        internal static decimal? MoneyOf(string? text) => DecimalOf(text) is decimal amount ? ToMoney(amount) : (decimal?)null;

        internal static decimal ToMoney(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

        internal static bool? BoolOf(string? text)
        {
            switch (text)
            {
                case "true":
                case "1":
                    return true;
                case "false":
                case "0":
                    return false;
                default:
                    return null;
            }
        }

        internal static DateTimeOffset? TimeOf(string? text, bool endOfDay = false)
        {
            if (TopTime.TryParse(text, out var instant)) return instant;
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
                return TopTime.ToTopZone(DateTimeOffset.FromUnixTimeMilliseconds(millis));
            if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return new DateTimeOffset(endOfDay ? date.AddDays(1).AddSeconds(-1) : date, TopTime.Offset);
            return null;
        }

        /// <summary>A child object, or default (Undefined) when absent.</summary>
        public static JsonElement Child(this JsonElement element, string name)
            => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : default;

        /// <summary>The entries of a list field, with or without its wrapper object (<c>{"map_data":[…]}</c>).</summary>
        public static IEnumerable<JsonElement> List(this JsonElement element, string name) => element.Child(name).Items();

        /// <summary>
        /// The items of a TOP list, with or without its wrapper object: <c>{"publisher_order_dto":[…]}</c> normally,
        /// the bare array with simplify=true.
        /// </summary>
        public static IEnumerable<JsonElement> Items(this JsonElement list)
        {
            if (list.ValueKind == JsonValueKind.Array) return list.EnumerateArray();
            if (list.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in list.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Array) return property.Value.EnumerateArray();
                }
            }
            return Array.Empty<JsonElement>();
        }

        /// <summary>Search answers give protocol-relative links (<c>//s.click.taobao.com/…</c>); callers need a full URL.</summary>
        public static string? Url(this JsonElement element, string name)
        {
            var url = element.Text(name);
            return url != null && url.StartsWith("//", StringComparison.Ordinal) ? "https:" + url : url;
        }
    }
}
