using System.Management.Automation;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Base
{
    /// <summary>ErrorRecords for client errors: an id that names the TOP code, a category a script can test.</summary>
    internal static class ErrorRecords
    {
        /// <param name="subject">What the call was about, e.g. "淘口令 ￥…￥", put before the message.</param>
        public static ErrorRecord From(TopException ex, object? target, string? subject = null)
        {
            var record = new ErrorRecord(ex, ErrorId(ex), Category(ex), target);
            var text = ex is TopApiException failed ? Resources.TopText.Describe(failed)
                : ex is TopSessionRequiredException ? Resources.Messages.Format("SessionRequired", ex.Api)
                : ex.Message;
            var message = subject is null ? text : subject + ": " + text;
            if (ex is TopApiException api && (!string.IsNullOrEmpty(api.SubCode) || api is TopQuotaException || TopErrorAdvice.For(api) != null))
            {
                record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = RecommendedAction(api) };
            }
            else if (subject != null || text != ex.Message)
            {
                record.ErrorDetails = new ErrorDetails(message);
            }
            return record;
        }

        /// <summary>PowerShell names the cmdlet before the message, so the message does not.</summary>
        public static ErrorRecord NotConnected()
            => new ErrorRecord(
                new PSInvalidOperationException(Resources.Messages.Get("NotConnected")),
                "NotConnected",
                ErrorCategory.ConnectionError,
                null);

        /// <summary>The error id of a failed call, the same in every cmdlet.</summary>
        public static string ErrorId(TopException ex)
        {
            switch (ex)
            {
                case TopQuotaException _: return "TopQuotaExceeded";
                case TopApiException api: return "TopApiError" + api.Code + (string.IsNullOrEmpty(api.SubCode) ? string.Empty : ":" + api.SubCode);
                case TopTransportException transport: return transport.HttpStatus is int status ? "TopHttpError" + status : "TopNetworkError";
                case TopResponseException _: return "TopInvalidResponse";
                case TopSessionRequiredException _: return "TopSessionRequired";
                default: return "TopError";
            }
        }

        /// <summary>The category of a failed call, the same in every cmdlet.</summary>
        public static ErrorCategory Category(TopException ex)
        {
            switch (ex)
            {
                case TopQuotaException _: return ErrorCategory.QuotaExceeded;
                case TopSessionRequiredException _: return ErrorCategory.AuthenticationError;
                case TopApiException api: return ApiCategory(api);
                case TopTransportException transport: return transport.HttpStatus is null ? ErrorCategory.ConnectionError : ErrorCategory.ProtocolError;
                case TopResponseException _: return ErrorCategory.InvalidResult;
                default: return ErrorCategory.NotSpecified;
            }
        }

        private static ErrorCategory ApiCategory(TopApiException api)
        {
            switch (api.Code)
            {
                case 7: return ErrorCategory.LimitsExceeded;
                case 11:
                case 12:
                case 13: return ErrorCategory.PermissionDenied;
                case 24:
                case 25:
                case 26:
                case 27:
                case 28:
                case 29: return ErrorCategory.AuthenticationError;
                case 40:
                case 41:
                case 43: return ErrorCategory.InvalidArgument;
                case 10: return ErrorCategory.ResourceUnavailable;
            }
            if (api.SubCode != null && api.SubCode.StartsWith("isp.", System.StringComparison.Ordinal)) return ErrorCategory.ResourceUnavailable;
            if (api.SubCode != null && api.SubCode.StartsWith("isv.invalid-parameter", System.StringComparison.Ordinal)) return ErrorCategory.InvalidArgument;
            if (api.SubCode != null && api.SubCode.StartsWith("isv.missing-parameter", System.StringComparison.Ordinal)) return ErrorCategory.InvalidArgument;
            return ErrorCategory.InvalidOperation;
        }

        private static string RecommendedAction(TopApiException api)
        {
            switch (api)
            {
                case TopQuotaException quota when quota.ResetsAt is System.DateTimeOffset resets:
                    return Resources.Messages.Format("AdviceQuotaUntil", TopTime.ToTopString(resets));
                case TopQuotaException _:
                    return Resources.Messages.Get("AdviceQuotaUnknown");
                case TopApiException limited when limited.Code == 7:
                    return Resources.Messages.Get("AdviceLimited");
                case TopApiException known when TopErrorAdvice.For(known) is TopErrorAdvice advice:
                    return advice.Recommendation(System.Globalization.CultureInfo.CurrentUICulture);
                default:
                    return api.IsTransient ? Resources.Messages.Get("AdviceTransient") : Resources.Messages.Format("AdviceFixCall", api.SubMessage);
            }
        }
    }
}
