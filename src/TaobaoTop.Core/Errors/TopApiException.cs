using System.Globalization;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Errors
{
    /// <summary>The gateway answered with <c>error_response</c>.</summary>
    public class TopApiException : TopException
    {
        public TopApiException(string api, int code, string? message, string? subCode, string? subMessage, string? requestId)
            : this(api, code, message, subCode, subMessage, requestId, TopClassifier.Judge(code, subCode, subMessage))
        {
        }

        protected TopApiException(string api, int code, string? message, string? subCode, string? subMessage, string? requestId, ErrorVerdict verdict)
            : base(api, Describe(api, code, message, subCode, subMessage, requestId), verdict)
        {
            Code = code;
            ErrorCode = code;
            ErrorMessage = message;
            SubCode = subCode;
            SubMessage = subMessage;
            RequestId = requestId;
        }

        /// <summary>TOP's platform code (7 throttled, 25 invalid signature, 27 invalid session, 15/50 business…).</summary>
        public int Code { get; }

        public string? SubMessage { get; }

        /// <summary>Caller errors: a bad signature, session, app key, timestamp or argument. Fix the call, don't retry.</summary>
        public bool IsCallerError => !IsTransient && (Code >= 21 && Code <= 47 || SubCode?.StartsWith("isv.", System.StringComparison.Ordinal) == true);

        private static string Describe(string api, int code, string? message, string? subCode, string? subMessage, string? requestId)
        {
            var text = CoreText.Format("TopCallFailed", api, code, message);
            if (!string.IsNullOrEmpty(subCode) || !string.IsNullOrEmpty(subMessage))
            {
                text += string.Format(CultureInfo.InvariantCulture, " ({0}: {1})", subCode, subMessage);
            }
            text += Hint(code);
            if (!string.IsNullOrEmpty(requestId)) text += " [request_id " + requestId + "]";
            return text;
        }

        private static string Hint(int code)
        {
            switch (code)
            {
                case 11:
                case 25:
                case 26:
                case 27:
                case 29:
                case 31:
                    return CoreText.Get("TopHint" + code.ToString(CultureInfo.InvariantCulture));
                default:
                    return string.Empty;
            }
        }
    }
}
