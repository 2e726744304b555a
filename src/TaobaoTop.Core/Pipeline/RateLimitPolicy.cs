using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using System.Threading.RateLimiting;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// Holds each attempt until the app key's token bucket has a token. Buckets are per app key and process-wide,
    /// so every connection and runspace of the process shares the app's QPS quota.
    /// </summary>
    public sealed class RateLimitPolicy : TopPipelinePolicy
    {
        private static readonly ConcurrentDictionary<string, Bucket> Buckets = new ConcurrentDictionary<string, Bucket>(StringComparer.Ordinal);

        public override async Task ProcessAsync(TopMessage message, Func<Task> next)
        {
            var qps = message.Options.Qps;
            if (qps > 0)
            {
                var limiter = For(message.Options.AppKey, message.Options.Endpoint.Authority, qps);
                using (var lease = await limiter.AcquireAsync(1, message.CancellationToken).ConfigureAwait(false))
                {
                    if (!lease.IsAcquired) throw new InvalidOperationException("The rate limiter refused a token.");
                }
            }
            await next().ConfigureAwait(false);
        }

        internal static RateLimiter For(string appKey, string authority, double qps)
        {
            var key = appKey + "@" + authority;
            var bucket = Buckets.AddOrUpdate(
                key,
                _ => new Bucket(qps),
                (_, existing) => existing.Qps == qps ? existing : new Bucket(qps));
            return bucket.Limiter;
        }

        private sealed class Bucket
        {
            public Bucket(double qps)
            {
                Qps = qps;
                // One token per 1/qps with no burst, so no one-second window ever sees more than the quota.
                Limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
                {
                    TokenLimit = 1,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / qps)),
                    QueueLimit = int.MaxValue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                });
            }

            public double Qps { get; }

            public RateLimiter Limiter { get; }
        }
    }
}
