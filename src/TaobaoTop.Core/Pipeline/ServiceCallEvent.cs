using System;
using System.Globalization;

namespace TaobaoTop.Core.Pipeline
{
    public enum CallEventKind
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

    /// <summary>What happened during a call of any service, for verbose output and logs. Never carries a secret.</summary>
    public abstract class ServiceCallEvent
    {
        protected ServiceCallEvent(CallEventKind kind, string api, int attempt, TimeSpan elapsed, string? requestId, TimeSpan? delay, string? reason)
        {
            Kind = kind;
            Api = api;
            Attempt = attempt;
            Elapsed = elapsed;
            RequestId = requestId;
            Delay = delay;
            Reason = reason;
        }

        public CallEventKind Kind { get; }

        /// <summary>The API: a TOP method name or a WeCom path.</summary>
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
            var retriesText = retries + (retries == 1 ? " retry" : " retries");
            switch (Kind)
            {
                case CallEventKind.Sending:
                    return Attempt == 1 ? $"{Api}: sending" : $"{Api}: sending attempt {Attempt}";
                case CallEventKind.Retrying:
                    return string.Format(CultureInfo.InvariantCulture, "{0}: attempt {1} failed after {2} ms ({3}); retrying in {4:0.0} s", Api, Attempt, ms, Reason, Delay.GetValueOrDefault().TotalSeconds);
                case CallEventKind.Succeeded:
                    return $"{Api}: succeeded in {ms} ms{Succeeded()}, {retriesText}";
                case CallEventKind.AuditFailed:
                    return Reason ?? "The audit log could not be written.";
                default:
                    return $"{Api}: failed after {ms} ms and {retriesText}: {Reason}";
            }
        }

        /// <summary>What a success adds after its time, e.g. the request id.</summary>
        protected abstract string Succeeded();
    }

    /// <summary>What happened during a TOP call.</summary>
    public sealed class TopCallEvent : ServiceCallEvent
    {
        public TopCallEvent(CallEventKind kind, string api, int attempt, TimeSpan elapsed, string? requestId = null, TimeSpan? delay = null, string? reason = null)
            : base(kind, api, attempt, elapsed, requestId, delay, reason)
        {
        }

        protected override string Succeeded() => ", request_id " + (RequestId ?? "(none)");
    }
}
