using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Affiliate
{
    /// <summary>
    /// Lenient reads of affiliate answers: TOP sends the same field as a number or a string, leaves empty fields out,
    /// and wraps lists in an object unless simplify=true.
    /// </summary>
    internal static class TbkFields
    {
        public static string? Text(JsonElement element, string name)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value)) return null;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    var text = value.GetString();
                    return string.IsNullOrEmpty(text) ? null : text;
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                case JsonValueKind.Object:
                case JsonValueKind.Array:
                    return null;
                default:
                    return value.GetRawText();
            }
        }

        public static long? Long(JsonElement element, string name)
            => long.TryParse(Text(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (long?)null;

        /// <summary>Money and rates as exact decimals with two places (1499.5 reads as 1499.50), never through double.</summary>
        public static decimal? Money(JsonElement element, string name)
            => decimal.TryParse(Text(element, name), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                ? Math.Round(number, 2, MidpointRounding.AwayFromZero) + 0.00m
                : (decimal?)null;

        public static bool? Bool(JsonElement element, string name)
        {
            switch (Text(element, name))
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

        /// <summary>
        /// An instant in +08:00 from TOP time text, epoch milliseconds (the search APIs' promotion times) or a bare
        /// date (coupons), which for an end time means the end of that day.
        /// </summary>
        public static DateTimeOffset? Time(JsonElement element, string name, bool endOfDay = false)
        {
            var text = Text(element, name);
            if (TopTime.TryParse(text, out var instant)) return instant;
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
                return TopTime.ToTopZone(DateTimeOffset.FromUnixTimeMilliseconds(millis));
            if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return new DateTimeOffset(endOfDay ? date.AddDays(1).AddSeconds(-1) : date, TopTime.Offset);
            return null;
        }

        public static JsonElement Child(JsonElement element, string name)
            => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : default;

        /// <summary>The entries of a list field, with or without its wrapper object (<c>{"map_data":[…]}</c>).</summary>
        public static IEnumerable<JsonElement> List(JsonElement element, string name)
        {
            var list = Child(element, name);
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
        public static string? Url(JsonElement element, string name)
        {
            var url = Text(element, name);
            return url != null && url.StartsWith("//", StringComparison.Ordinal) ? "https:" + url : url;
        }
    }
}
