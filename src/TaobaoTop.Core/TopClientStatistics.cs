using System;
using System.Threading;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Pipeline;

namespace TaobaoTop.Core
{
    /// <summary>What a client has done so far; counters are safe to read while calls run.</summary>
    public sealed class TopClientStatistics
    {
        private readonly object _lastCallLock = new object();
        private long _calls;
        private long _failures;
        private long _retries;
        private long _quotaErrors;
        private string? _lastRequestId;
        private DateTimeOffset? _lastCallAt;

        public long Calls => Interlocked.Read(ref _calls);

        public long Failures => Interlocked.Read(ref _failures);

        /// <summary>Attempts beyond the first, over all calls.</summary>
        public long Retries => Interlocked.Read(ref _retries);

        /// <summary>Calls that ended on a spent quota (code 7 with a long ban).</summary>
        public long QuotaErrors => Interlocked.Read(ref _quotaErrors);

        public string? LastRequestId => Volatile.Read(ref _lastRequestId);

        public DateTimeOffset? LastCallAt { get { lock (_lastCallLock) return _lastCallAt; } }

        internal void Record(TopCall call, TopException? failure)
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _retries, call.Attempt - 1);
            if (failure != null) Interlocked.Increment(ref _failures);
            if (failure is TopQuotaException) Interlocked.Increment(ref _quotaErrors);
            var requestId = call.RequestId ?? failure?.RequestId;
            if (requestId != null) Volatile.Write(ref _lastRequestId, requestId);
            lock (_lastCallLock) _lastCallAt = Protocol.TopTime.ToTopZone(call.Options.Clock());
        }
    }
}
