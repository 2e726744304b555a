using System;
using TaobaoTop.Core.Pipeline;

namespace TaobaoTop.Core.WeCom
{
    /// <summary>What happened during a WeCom call (WeCom gives no request id; a fetched token says how long it lasts).</summary>
    public sealed class WeComCallEvent : ServiceCallEvent
    {
        public WeComCallEvent(CallEventKind kind, string path, int attempt, TimeSpan elapsed, TimeSpan? delay = null, string? reason = null)
            : base(kind, path, attempt, elapsed, null, delay, reason)
        {
        }

        protected override string Succeeded() => Reason is null ? string.Empty : " (" + Reason + ")";
    }
}
