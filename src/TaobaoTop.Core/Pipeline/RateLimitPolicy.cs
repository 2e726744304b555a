using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// Holds each attempt until the caller's pacer lets it go. Pacers are per caller (a TOP app key, a WeCom corp) and
    /// host, process-wide, so every connection and runspace of the process shares the caller's QPS quota; connections
    /// asking for different rates are all paced at the lowest one asked for recently.
    /// </summary>
    public sealed class RateLimitPolicy : IPipelinePolicy<ServiceCall>
    {
        private static readonly ConcurrentDictionary<string, Pacer> Pacers = new ConcurrentDictionary<string, Pacer>(StringComparer.Ordinal);

        public async Task ProcessAsync(ServiceCall call, Func<Task> next)
        {
            var options = call.ClientOptions;
            if (options.Qps > 0)
            {
                var shared = options.PaceFolder is string folder ? SharedFor(folder, options.PaceKey, options.Endpoint.Authority) : null;
                await For(options.PaceKey, options.Endpoint.Authority).WaitTurnAsync(options.Qps, call.CancellationToken, shared).ConfigureAwait(false);
            }
            await next().ConfigureAwait(false);
        }

        private static readonly ConcurrentDictionary<string, SharedPace> SharedPaces = new ConcurrentDictionary<string, SharedPace>(StringComparer.Ordinal);

        internal static Pacer For(string appKey, string authority) => Pacers.GetOrAdd(appKey + "@" + authority, _ => new Pacer());

        private static SharedPace SharedFor(string folder, string appKey, string authority)
            => SharedPaces.GetOrAdd(folder + "|" + appKey + "@" + authority, _ => new SharedPace(folder, appKey + "@" + authority));

        /// <summary>The calls per second this app key is paced at in this process now; null when it has not called lately.</summary>
        public static double? Pace(string appKey, string authority)
            => Pacers.TryGetValue(appKey + "@" + authority, out var pacer) ? pacer.Qps : null;

        /// <summary>
        /// Lets calls start one at a time on a schedule of one slot every 1/QPS (plus 2%). TOP counts calls per clock
        /// second, and a token bucket lets a burst through when its refill timer fires late. A start that wakes late is
        /// caught up on the next slot by at most <see cref="CatchUp"/>, so the quota stays full while at most QPS calls
        /// start in any second: the 2% margin is 20 ms a second, and catching up spends at most half of it. The rate is
        /// the lowest any caller asked for in the last <see cref="Memory"/>: two connections with different rates must
        /// not add up to more than either.
        /// </summary>
        internal sealed class Pacer
        {
            private const double Margin = 1.02;
            private static readonly long CatchUp = Stopwatch.Frequency / 100;
            private static readonly long Memory = Stopwatch.Frequency * 10;

            private readonly SemaphoreSlim _turn = new SemaphoreSlim(1, 1);
            private readonly Dictionary<double, long> _asked = new Dictionary<double, long>();
            private long _nextSlot = long.MinValue;
            private double? _qps;

            /// <summary>The rate calls are paced at; null before the first call or after a quiet spell.</summary>
            public double? Qps
            {
                get
                {
                    lock (_asked)
                    {
                        Forget(Stopwatch.GetTimestamp());
                        return _asked.Count == 0 ? (double?)null : _qps;
                    }
                }
            }

            /// <param name="shared">The machine-wide slot of this app key, when other processes share the pace.</param>
            public async Task WaitTurnAsync(double qps, CancellationToken cancellationToken, SharedPace? shared = null)
            {
                await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    long spacing;
                    double pace;
                    lock (_asked)
                    {
                        var now = Stopwatch.GetTimestamp();
                        _asked[qps] = now;
                        Forget(now);
                        pace = _asked.Keys.Min();
                        _qps = pace;
                        spacing = (long)(Stopwatch.Frequency * Margin / pace);
                    }
                    // The shared schedule spaces this process's calls from every other's.
                    if (shared != null && await shared.WaitTurnAsync(pace, cancellationToken).ConfigureAwait(false)) return;
                    while (true)
                    {
                        var wait = _nextSlot == long.MinValue ? 0 : _nextSlot - Stopwatch.GetTimestamp();
                        if (wait <= 0) break;
                        await Task.Delay(TimeSpan.FromTicks(Math.Max(1, wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency)), cancellationToken).ConfigureAwait(false);
                    }
                    var started = Stopwatch.GetTimestamp();
                    _nextSlot = _nextSlot == long.MinValue ? started + spacing : Math.Max(_nextSlot + spacing, started + spacing - CatchUp);
                }
                finally
                {
                    _turn.Release();
                }
            }

            private void Forget(long now)
            {
                foreach (var stale in _asked.Where(a => now - a.Value > Memory).Select(a => a.Key).ToList()) _asked.Remove(stale);
            }
        }
    }
}
