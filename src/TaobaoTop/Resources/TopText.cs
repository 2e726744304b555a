using System.Globalization;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Pipeline;

namespace TaobaoTop.Resources
{
    /// <summary>
    /// The core's call reports and TOP errors in the UI language. The core knows no PowerShell and speaks English; the
    /// module words the same facts from its resources (the English resources read as the core's own text).
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

        /// <summary>What a TOP error says, as <see cref="TopApiException"/>'s message words it.</summary>
        public static string Describe(TopApiException ex)
        {
            var text = Messages.Format("CallFailed", ex.Api, ex.Code, ex.ErrorMessage);
            if (!string.IsNullOrEmpty(ex.SubCode) || !string.IsNullOrEmpty(ex.SubMessage)) text += string.Format(CultureInfo.InvariantCulture, " ({0}: {1})", ex.SubCode, ex.SubMessage);
            switch (ex.Code)
            {
                case 11:
                case 25:
                case 26:
                case 27:
                case 29:
                case 31:
                    text += Messages.Get("Hint" + ex.Code.ToString(CultureInfo.InvariantCulture));
                    break;
            }
            if (!string.IsNullOrEmpty(ex.RequestId)) text += " [request_id " + ex.RequestId + "]";
            return text;
        }
    }
}
