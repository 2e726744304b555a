using System;
using System.Globalization;

namespace TaobaoTop.Core.Pipeline
{
    public enum TopCallEventKind
    {
        /// <summary>An attempt is about to be sent.</summary>
        Sending,

        /// <summary>An attempt failed transiently; the call waits and tries again.</summary>
        Retrying,

        Succeeded,

        Failed,

        /// <summary>The audit log could not be written; the call goes on. Reported once per client.</summary>
        AuditFailed,
    }

    /// <summary>What happened during a call, for verbose output and logs. Never carries a secret.</summary>
    public sealed class TopCallEvent
    {
        public TopCallEvent(TopCallEventKind kind, string api, int attempt, TimeSpan elapsed, string? requestId = null, TimeSpan? delay = null, string? reason = null)
        {
            Kind = kind;
            Api = api;
            Attempt = attempt;
            Elapsed = elapsed;
            RequestId = requestId;
            Delay = delay;
            Reason = reason;
        }

        public TopCallEventKind Kind { get; }

        public string Api { get; }

        /// <summary>1 for the first attempt.</summary>
        public int Attempt { get; }

        /// <summary>Time since the call started.</summary>
        public TimeSpan Elapsed { get; }

        public string? RequestId { get; }

        public TimeSpan? Delay { get; }

        public string? Reason { get; }

        public override string ToString()
        {
            var ms = ((long)Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            var retries = Attempt - 1;
            switch (Kind)
            {
                case TopCallEventKind.Sending:
                    return Attempt == 1 ? $"{Api}: sending" : $"{Api}: sending attempt {Attempt}";
                case TopCallEventKind.Retrying:
                    return string.Format(CultureInfo.InvariantCulture, "{0}: attempt {1} failed after {2} ms ({3}); retrying in {4:0.0} s", Api, Attempt, ms, Reason, Delay.GetValueOrDefault().TotalSeconds);
                case TopCallEventKind.Succeeded:
                    return $"{Api}: succeeded in {ms} ms, request_id {RequestId ?? "(none)"}, {retries} {(retries == 1 ? "retry" : "retries")}";
                case TopCallEventKind.AuditFailed:
                    return Reason ?? "The audit log could not be written.";
                default:
                    return $"{Api}: failed after {ms} ms and {retries} {(retries == 1 ? "retry" : "retries")}: {Reason}";
            }
        }
    }
}
