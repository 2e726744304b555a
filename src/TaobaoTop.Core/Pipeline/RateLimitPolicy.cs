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
        /// Lets calls start one at a time on a schedule of one slot every 1/QPS (plus 2%). TOP counts calls per clock
        /// second, and a token bucket lets a burst through when its refill timer fires late. A start that wakes late is
        /// caught up on the next slot by at most <see cref="CatchUp"/>, so the quota stays full while at most QPS calls
        /// start in any second: the 2% margin is 20 ms a second, and catching up spends at most half of it.
        /// </summary>
        internal sealed class Pacer
        {
            private const double Margin = 1.02;
            private static readonly long CatchUp = Stopwatch.Frequency / 100;

            private readonly SemaphoreSlim _turn = new SemaphoreSlim(1, 1);
            private readonly long _spacing;
            private long _nextSlot = long.MinValue;

            public Pacer(double qps)
            {
                Qps = qps;
                _spacing = (long)(Stopwatch.Frequency * Margin / qps);
            }

            public double Qps { get; }

            public async Task WaitTurnAsync(CancellationToken cancellationToken)
            {
                await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    while (true)
                    {
                        var wait = _nextSlot == long.MinValue ? 0 : _nextSlot - Stopwatch.GetTimestamp();
                        if (wait <= 0) break;
                        await Task.Delay(TimeSpan.FromTicks(Math.Max(1, wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency)), cancellationToken).ConfigureAwait(false);
                    }
                    var started = Stopwatch.GetTimestamp();
                    _nextSlot = _nextSlot == long.MinValue ? started + _spacing : Math.Max(_nextSlot + _spacing, started + _spacing - CatchUp);
                }
                finally
                {
                    _turn.Release();
                }
            }
        }
    }
}
