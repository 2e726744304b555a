using System;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using TaobaoTop.Core.Errors;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// Tries again after transient failures only: network errors, HTTP 5xx, <c>isp.*</c> answers, and code 7 bans short
    /// enough to wait out. Caller errors (<c>isv.*</c>, signature, arguments) fail at once. A call that may already have
    /// been carried out (a time-out, a dropped connection) is retried only when it is idempotent.
    /// </summary>
    public sealed class RetryPolicy : TopPipelinePolicy
    {
        private static readonly Regex BanSeconds = new Regex(@"ban will last for (\S+) more seconds", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>TOP's bans end by midnight; a longer one is a misread.</summary>
        private static readonly TimeSpan LongestBan = TimeSpan.FromDays(1);

        [ThreadStatic]
        private static Random? _jitter;

        public override async Task ProcessAsync(TopMessage message, Func<Task> next)
        {
            var options = message.Options;
            while (true)
            {
                TimeSpan delay;
                string reason;
                try
                {
                    await next().ConfigureAwait(false);
                    return;
                }
                catch (TopApiException ex) when (ex.Code == 7 && !(ex is TopQuotaException))
                {
                    if (!(ParseBan(ex.SubMessage) is TimeSpan ban)) throw new TopQuotaException(ex);
                    if (ban > options.MaxBanWait)
                    {
                        throw new TopQuotaException(ex, ban, Protocol.TopTime.ToTopZone(options.Clock() + ban));
                    }
                    if (message.Attempt > options.MaxRetries) throw;
                    delay = ban + TimeSpan.FromMilliseconds(Jitter().Next(50, 250));
                    reason = "code 7 App Call Limited, waiting out a " + ban.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s ban";
                }
                catch (TopException ex) when (ShouldRetry(ex, message))
                {
                    delay = Backoff(message.Attempt, options.RetryBaseDelay, options.MaxRetryDelay);
                    reason = ex.Message;
                }

                message.Report(TopCallEventKind.Retrying, delay: delay, reason: reason);
                await Task.Delay(delay, message.CancellationToken).ConfigureAwait(false);
                message.Attempt++;
            }
        }

        private static bool ShouldRetry(TopException ex, TopMessage message)
        {
            if (!ex.IsTransient || message.Attempt > message.Options.MaxRetries) return false;
            return !ex.MayHaveBeenApplied || message.Request.RetriesAfterAmbiguousFailure;
        }

        /// <summary>
        /// Reads N from "This ban will last for N more seconds"; one second when the text says nothing of a ban; null when
        /// N is not ASCII digits or longer than a day.
        /// </summary>
        public static TimeSpan? ParseBan(string? subMessage)
        {
            var match = subMessage is null ? Match.Empty : BanSeconds.Match(subMessage);
            if (!match.Success) return TimeSpan.FromSeconds(1);
            var text = match.Groups[1].Value;
            foreach (var c in text)
            {
                if (c < '0' || c > '9') return null;
            }
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > LongestBan.TotalSeconds) return null;
            return TimeSpan.FromSeconds(seconds);
        }

        /// <summary>Exponential back-off with jitter: between half and all of base × 2^(attempt-1), capped.</summary>
        public static TimeSpan Backoff(int attempt, TimeSpan baseDelay, TimeSpan maxDelay)
        {
            var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
            return TimeSpan.FromMilliseconds(ceiling / 2 + Jitter().NextDouble() * ceiling / 2);
        }

        private static Random Jitter() => _jitter ??= new Random(Guid.NewGuid().GetHashCode());
    }
}
