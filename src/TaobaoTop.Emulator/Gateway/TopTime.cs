using System;
using System.Globalization;

namespace TaobaoTop.Emulator.Gateway
{
    /// <summary>TOP's clock: <c>yyyy-MM-dd HH:mm:ss</c> in GMT+8.</summary>
    public static class TopTime
    {
        public static readonly TimeSpan Offset = TimeSpan.FromHours(8);
        public const string Format = "yyyy-MM-dd HH:mm:ss";

        /// <summary>How far a request's timestamp may be from the gateway clock (TOP documents 10 minutes).</summary>
        public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(10);

        public static string ToText(DateTimeOffset time) => time.ToOffset(Offset).ToString(Format, CultureInfo.InvariantCulture);

        /// <summary>Reads <c>yyyy-MM-dd HH:mm:ss</c> as GMT+8.</summary>
        public static bool TryParse(string text, out DateTimeOffset time)
        {
            if (DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                time = new DateTimeOffset(local, Offset);
                return true;
            }
            time = default;
            return false;
        }

        /// <summary>A request timestamp: TOP's text form, or epoch milliseconds as the official Python SDK sends.</summary>
        public static bool TryParseTimestamp(string text, out DateTimeOffset time)
        {
            if (text.Length == 13 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
            {
                time = DateTimeOffset.FromUnixTimeMilliseconds(millis).ToOffset(Offset);
                return true;
            }
            return TryParse(text, out time);
        }

        /// <summary>Seconds until the next midnight in GMT+8, when daily quotas reset.</summary>
        public static int SecondsUntilMidnight(DateTimeOffset now)
        {
            var local = now.ToOffset(Offset);
            var midnight = new DateTimeOffset(local.Date.AddDays(1), Offset);
            return (int)Math.Ceiling((midnight - local).TotalSeconds);
        }
    }
}
