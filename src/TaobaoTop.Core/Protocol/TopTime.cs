using System;
using System.Globalization;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>TOP's clock: GMT+8 whatever the machine's zone.</summary>
    public static class TopTime
    {
        public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

        public const string Format = "yyyy-MM-dd HH:mm:ss";

        /// <summary>An instant as TOP writes it, e.g. <c>2016-01-01 12:00:00</c> for 04:00 UTC.</summary>
        public static string ToTopString(DateTimeOffset instant)
            => instant.ToOffset(Offset).ToString(Format, CultureInfo.InvariantCulture);

        /// <summary>The same instant seen in +08:00.</summary>
        public static DateTimeOffset ToTopZone(DateTimeOffset instant) => instant.ToOffset(Offset);

        /// <summary>Reads TOP's <c>yyyy-MM-dd HH:mm:ss</c> (always +08:00).</summary>
        public static bool TryParse(string? text, out DateTimeOffset instant)
        {
            if (DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
            {
                instant = new DateTimeOffset(wallClock, Offset);
                return true;
            }
            instant = default;
            return false;
        }
    }
}
