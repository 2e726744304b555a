using System;
using System.Text;
using System.Text.Json;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Json
{
    /// <summary>
    /// The rules of <see cref="JsonFields"/> for readers that parse answers straight from the bytes (order pages, search
    /// pages): a field's text as <see cref="JsonFields.Text"/> gives it, then the same conversions.
    /// </summary>
    internal static class Utf8Fields
    {
        /// <summary>
        /// Texts that repeat across a page's entries (shops, categories, adzones, 天猫/淘宝, 无线/PC) are decoded once per
        /// page: a field's value whose bytes equal one of its last few values is that value's string. Fields are numbered
        /// by the reader, below 32.
        /// </summary>
        internal sealed class TextPool
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
        internal static string? Scalar(ref Utf8JsonReader reader)
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
        internal static ReadOnlySpan<byte> Plain(ref Utf8JsonReader reader)
            => reader.TokenType == JsonTokenType.Number || (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped) ? reader.ValueSpan : default;

        // The fast paths below read the common forms straight from the bytes (plain digits, TOP's time format) and give
        // exactly what JsonFields gives for them; any other form goes through the field's text and JsonFields.

        internal static long? Long(ref Utf8JsonReader reader)
            => TryDigits(Plain(ref reader), out var number) ? number : JsonFields.LongOf(Scalar(ref reader));

        internal static int? Int(ref Utf8JsonReader reader)
            => TryDigits(Plain(ref reader), out var number) && number >= int.MinValue && number <= int.MaxValue ? (int)number : JsonFields.IntOf(Scalar(ref reader));

        internal static decimal? Decimal(ref Utf8JsonReader reader)
            => TryPlainDecimal(Plain(ref reader), out var number) ? number : JsonFields.DecimalOf(Scalar(ref reader));

        internal static decimal? Money(ref Utf8JsonReader reader)
            => TryPlainDecimal(Plain(ref reader), out var number) ? JsonFields.ToMoney(number) : JsonFields.MoneyOf(Scalar(ref reader));

        internal static DateTimeOffset? Time(ref Utf8JsonReader reader, bool endOfDay = false)
            => reader.TokenType == JsonTokenType.String && TryTopTime(Plain(ref reader), out var instant) ? instant : JsonFields.TimeOf(Scalar(ref reader), endOfDay);

        /// <summary>A link as <see cref="JsonFields.Url"/> gives it: protocol-relative links made https.</summary>
        internal static string? Url(ref Utf8JsonReader reader)
        {
            var url = Scalar(ref reader);
            return url != null && url.StartsWith("//", StringComparison.Ordinal) ? "https:" + url : url;
        }

        /// <summary>An optional '-' and 1 to 18 ASCII digits.</summary>
        internal static bool TryDigits(ReadOnlySpan<byte> text, out long number)
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
        internal static bool TryPlainDecimal(ReadOnlySpan<byte> text, out decimal number)
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
        internal static bool TryTopTime(ReadOnlySpan<byte> text, out DateTimeOffset instant)
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
    }
}
