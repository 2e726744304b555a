using System;
using TaobaoTop.Core.Errors;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// What a service's failures mean: the one place that decides whether a call is sent again, after how long, and
    /// what a failure the transport saw is (a refused connection, a lost answer, an HTTP error). One per service.
    /// </summary>
    public abstract class ResponseClassifier
    {
        [ThreadStatic]
        private static Random? _jitter;

        /// <summary>The failure as the service means it; e.g. a TOP ban too long to wait out becomes a spent quota.</summary>
        public virtual ServiceException Refine(ServiceException failure, ServiceCall call) => failure;

        /// <summary>
        /// How long to wait before sending the call again; null when it must not be sent again: not transient, the
        /// call's retries are spent, or it may have been carried out and sending it twice is not harmless.
        /// </summary>
        public TimeSpan? RetryDelay(ServiceException failure, ServiceCall call)
        {
            if (!failure.IsTransient || call.Attempt > call.ClientOptions.MaxRetries) return null;
            if (failure.MayHaveBeenApplied && !call.IsIdempotent) return null;
            return Wait(failure, call);
        }

        /// <summary>Why the call is sent again, for the Retrying event.</summary>
        public virtual string RetryReason(ServiceException failure) => failure.Message;

        /// <summary>The wait before the next attempt of a transient failure: back-off unless the service says otherwise.</summary>
        protected virtual TimeSpan Wait(ServiceException failure, ServiceCall call) => Backoff(call);

        /// <summary>Nothing came back: the request never left the machine (<paramref name="sent"/> false), or its answer was lost.</summary>
        public ServiceException NoAnswer(ServiceCall call, string message, bool sent, Exception? inner)
            => Failure(call, message, null, sent
                ? new ErrorVerdict(ServiceErrorKind.MayHaveBeenApplied, isTransient: true, mayHaveBeenApplied: true)
                : new ErrorVerdict(ServiceErrorKind.Transient, isTransient: true), inner);

        /// <summary>The service answered an HTTP error status.</summary>
        public ServiceException HttpError(ServiceCall call, string message, int status) => Failure(call, message, status, HttpVerdict(status), null);

        /// <summary>An answer that came back but cannot be read (too large, not the service's format): a write may have been carried out.</summary>
        public abstract ServiceException Unreadable(ServiceCall call, string message, string? excerpt);

        /// <summary>Whether an HTTP error status is worth another attempt, and whether the request may have been carried out.</summary>
        protected abstract ErrorVerdict HttpVerdict(int status);

        /// <summary>The service's exception for a failure the transport saw.</summary>
        protected abstract ServiceException Failure(ServiceCall call, string message, int? httpStatus, ErrorVerdict verdict, Exception? inner);

        /// <summary>Verdicts both services give an HTTP status: 5xx, 429 and 408 are worth another attempt.</summary>
        protected static bool IsTransientStatus(int status) => status >= 500 || status == 429 || status == 408;

        /// <summary>Exponential back-off with jitter: between half and all of base × 2^(attempt-1), capped.</summary>
        public static TimeSpan Backoff(int attempt, TimeSpan baseDelay, TimeSpan maxDelay)
        {
            var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
            return TimeSpan.FromMilliseconds(ceiling / 2 + Jitter().NextDouble() * ceiling / 2);
        }

        protected static TimeSpan Backoff(ServiceCall call) => Backoff(call.Attempt, call.ClientOptions.RetryBaseDelay, call.ClientOptions.MaxRetryDelay);

        protected static Random Jitter() => _jitter ??= new Random(Guid.NewGuid().GetHashCode());
    }
}
