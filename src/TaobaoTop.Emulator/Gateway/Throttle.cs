using System;
using System.Collections.Generic;
using System.Globalization;

namespace TaobaoTop.Emulator.Gateway
{
    /// <summary>Per-app call limits: calls per clock second and calls per day (+08:00), answered with code 7 as TOP does.</summary>
    internal sealed class Throttle
    {
        private sealed class Counters
        {
            public long Second;
            public int CallsThisSecond;
            public DateTime Day;
            public long CallsToday;
        }

        private readonly Dictionary<string, Counters> _apps = new Dictionary<string, Counters>(StringComparer.Ordinal);
        private readonly object _lock = new object();

        public void Clear()
        {
            lock (_lock) _apps.Clear();
        }

        /// <summary>Counts the call, or returns the code 7 answer when the app is over a limit (a refused call is not counted).</summary>
        public TopApiException? TryAdmit(string appKey, DateTimeOffset now, double qpsLimit, long dailyQuota)
        {
            if (qpsLimit <= 0 && dailyQuota <= 0) return null;
            var local = now.ToOffset(TopTime.Offset);
            var second = local.ToUnixTimeSeconds();
            lock (_lock)
            {
                if (!_apps.TryGetValue(appKey, out var counters)) _apps[appKey] = counters = new Counters();
                if (counters.Day != local.Date)
                {
                    counters.Day = local.Date;
                    counters.CallsToday = 0;
                }
                if (counters.Second != second)
                {
                    counters.Second = second;
                    counters.CallsThisSecond = 0;
                }
                if (dailyQuota > 0 && counters.CallsToday >= dailyQuota)
                    return CallLimited(TopTime.SecondsUntilMidnight(now));
                if (qpsLimit > 0 && counters.CallsThisSecond >= Math.Max(1, (int)Math.Floor(qpsLimit)))
                    return CallLimited(1);
                counters.CallsThisSecond++;
                counters.CallsToday++;
                return null;
            }
        }

        private static TopApiException CallLimited(int banSeconds) => new TopApiException(
            7,
            "App Call Limited",
            "accesscontrol.limited-by-app-access-count",
            "This ban will last for " + banSeconds.ToString(CultureInfo.InvariantCulture) + " more seconds");
    }
}
