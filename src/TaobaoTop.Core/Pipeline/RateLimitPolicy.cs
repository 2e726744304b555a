using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// Holds each attempt until the app key's pacer lets it go. Pacers are per app key and process-wide, so every
    /// connection and runspace of the process shares the app's QPS quota.
    /// </summary>
    public sealed class RateLimitPolicy : TopPipelinePolicy
    {
        private static readonly ConcurrentDictionary<string, Pacer> Pacers = new ConcurrentDictionary<string, Pacer>(StringComparer.Ordinal);

        public override async Task ProcessAsync(TopMessage message, Func<Task> next)
        {
            var qps = message.Options.Qps;
            if (qps > 0)
            {
                await For(message.Options.AppKey, message.Options.Endpoint.Authority, qps).WaitTurnAsync(message.CancellationToken).ConfigureAwait(false);
            }
            await next().ConfigureAwait(false);
        }

        internal static Pacer For(string appKey, string authority, double qps)
            => Pacers.AddOrUpdate(appKey + "@" + authority, _ => new Pacer(qps), (_, existing) => existing.Qps == qps ? existing : new Pacer(qps));

        /// <summary>
        /// Lets calls start one at a time, each at least 1/QPS (plus 2%) after the previous one actually started.
        /// TOP counts calls per clock second; a token bucket would let a burst through when its refill timer fires late,
        /// while spaced starts put at most QPS calls in any second, however threads and timers are scheduled.
        /// </summary>
        internal sealed class Pacer
        {
            private const double Margin = 1.02;

            private readonly SemaphoreSlim _turn = new SemaphoreSlim(1, 1);
            private readonly long _spacingTicks;
            private long _lastStart = long.MinValue;

            public Pacer(double qps)
            {
                Qps = qps;
                _spacingTicks = (long)(Stopwatch.Frequency * Margin / qps);
            }

            public double Qps { get; }

            public async Task WaitTurnAsync(CancellationToken cancellationToken)
            {
                await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    while (true)
                    {
                        var wait = _lastStart == long.MinValue ? 0 : _lastStart + _spacingTicks - Stopwatch.GetTimestamp();
                        if (wait <= 0) break;
                        await Task.Delay(TimeSpan.FromTicks(Math.Max(1, wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency)), cancellationToken).ConfigureAwait(false);
                    }
                    _lastStart = Stopwatch.GetTimestamp();
                }
                finally
                {
                    _turn.Release();
                }
            }
        }
    }
}
