using System;
using System.Globalization;
using System.Text.Json;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>Reads fields of TOP answers, which send numbers as numbers or strings and money as strings.</summary>
    public static class TopJson
    {
        public static string? Text(JsonElement obj, string name)
        {
            if (!obj.TryGetProperty(name, out var value)) return null;
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False: return value.GetRawText();
                default: return null;
            }
        }

        public static long? Long(JsonElement obj, string name)
        {
            if (!obj.TryGetProperty(name, out var value)) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)) return number;
            return value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : (long?)null;
        }

        /// <summary>A yuan amount rounded to two places.</summary>
        public static decimal? Money(JsonElement obj, string name)
        {
            var text = Text(obj, name);
            return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? Math.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m
                : (decimal?)null;
        }

        public static DateTimeOffset? Time(JsonElement obj, string name)
            => TopTime.TryParse(Text(obj, name), out var time) ? time : (DateTimeOffset?)null;
    }
}
