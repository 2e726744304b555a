using System.Globalization;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Pipeline;

namespace TaobaoTop.Resources
{
    /// <summary>
    /// The core's call reports in the UI language, worded from the module's resources (the English resources read as
    /// the core's own ToString).
    /// </summary>
    internal static class TopText
    {
        public static string Describe(ServiceCallEvent e)
        {
            var ms = ((long)e.Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            var retries = e.Attempt - 1;
            switch (e.Kind)
            {
                case CallEventKind.Sending:
                    return e.Attempt == 1 ? Messages.Format("EventSending", e.Api) : Messages.Format("EventSendingAttempt", e.Api, e.Attempt);
                case CallEventKind.Retrying:
                    return Messages.Format("EventRetrying", e.Api, e.Attempt, ms, e.Reason, e.Delay.GetValueOrDefault().TotalSeconds);
                case CallEventKind.Succeeded:
                    return Messages.Format(retries == 1 ? "EventSucceededOneRetry" : "EventSucceeded", e.Api, ms, e.RequestId ?? Messages.Get("NoRequestId"), retries);
                case CallEventKind.AuditFailed:
                    return e.ToString();
                default:
                    return retries == 1 ? Messages.Format("EventFailedOneRetry", e.Api, ms, e.Reason) : Messages.Format("EventFailed", e.Api, ms, retries, e.Reason);
            }
        }
    }
}
