using System.Management.Automation;
using TaobaoTop.Core.Errors;

namespace TaobaoTop.Base
{
    /// <summary>ErrorRecords for client errors: an id that names the TOP code, a category a script can test.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(TopException ex, object? target)
        {
            var record = new ErrorRecord(ex, ErrorId(ex), Category(ex), target);
            if (ex is TopApiException api && !string.IsNullOrEmpty(api.SubCode))
            {
                record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = RecommendedAction(api) };
            }
            return record;
        }

        public static ErrorRecord NotConnected(string cmdletName)
            => new ErrorRecord(
                new PSInvalidOperationException(cmdletName + ": there is no Taobao connection. Run Connect-TaobaoTop first (Connect-TaobaoTop -Emulator for the offline emulator), or pass -Connection."),
                "NotConnected",
                ErrorCategory.ConnectionError,
                null);

        private static string ErrorId(TopException ex)
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

        private static ErrorCategory Category(TopException ex)
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
            => api.IsTransient ? "A transient failure on Taobao's side: try again later." : "Fix the call: " + api.SubMessage;
    }
}
