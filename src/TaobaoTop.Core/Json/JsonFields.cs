using System;
using System.Globalization;
using System.Text.Json;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Json
{
    /// <summary>
    /// Lenient readers for TOP answers, which send the same field as a number in one API and a string in another
    /// ("9.11", 9.11; "123", 123) and leave out empty fields.
    /// </summary>
    public static class JsonFields
    {
        public static string? Text(this JsonElement element, string name)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value)) return null;
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.Null:
                case JsonValueKind.Undefined: return null;
                default: return value.GetRawText();
            }
        }

        public static long? Long(this JsonElement element, string name)
            => long.TryParse(element.Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (long?)null;

        public static int? Int(this JsonElement element, string name)
            => int.TryParse(element.Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;

        /// <summary>Money and rates: exact decimals, never through double.</summary>
        public static decimal? Decimal(this JsonElement element, string name)
            => decimal.TryParse(element.Text(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : (decimal?)null;

        /// <summary>Money rounded to fen (two places).</summary>
        public static decimal? Money(this JsonElement element, string name)
            => element.Decimal(name) is decimal amount ? Math.Round(amount, 2, MidpointRounding.AwayFromZero) : (decimal?)null;

        public static bool? Bool(this JsonElement element, string name)
        {
            switch (element.Text(name))
            {
                case "true": return true;
                case "false": return false;
                default: return null;
            }
        }

        /// <summary>TOP's <c>yyyy-MM-dd HH:mm:ss</c> as an instant in +08:00.</summary>
        public static DateTimeOffset? Time(this JsonElement element, string name)
            => TopTime.TryParse(element.Text(name), out var instant) ? instant : (DateTimeOffset?)null;

        /// <summary>A child object, or default when absent.</summary>
        public static JsonElement Child(this JsonElement element, string name)
            => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : default;

        /// <summary>
        /// The items of a TOP list, with or without its wrapper object: <c>{"results":{"publisher_order_dto":[…]}}</c>
        /// normally, <c>{"results":[…]}</c> with simplify=true.
        /// </summary>
        public static JsonElement.ArrayEnumerator Items(this JsonElement list)
        {
            if (list.ValueKind == JsonValueKind.Array) return list.EnumerateArray();
            if (list.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in list.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Array) return property.Value.EnumerateArray();
                }
            }
            return default;
        }
    }
}
