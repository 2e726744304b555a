using System;
using System.Globalization;
using System.Text.RegularExpressions;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// What TOP's answers mean. Transient: network errors, HTTP 5xx/429/408, code 10 and <c>isp.*</c> /
    /// <c>accesscontrol.*</c> answers, and code 7 bans short enough to wait out (a longer one is a spent quota). Code 26
    /// asks for a session, 27 says it expired. Caller errors (<c>isv.*</c>, signature, arguments) fail at once.
    /// </summary>
    public sealed class TopClassifier : ResponseClassifier
    {
        private static readonly Regex BanSeconds = new Regex(@"ban will last for (\S+) more seconds", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>TOP's bans end by midnight; a longer one is a misread.</summary>
        private static readonly TimeSpan LongestBan = TimeSpan.FromDays(1);

        public const int CallLimited = 7;
        public const int ServiceUnavailable = 10;
        public const int MissingSession = 26;
        public const int InvalidSession = 27;

        /// <summary>The verdict on an <c>error_response</c>.</summary>
        public static ErrorVerdict Judge(int code, string? subCode, string? subMessage)
        {
            if (code == CallLimited) return new ErrorVerdict(ServiceErrorKind.Transient, isTransient: true, retryAfter: ParseBan(subMessage));
            if (code == ServiceUnavailable || StartsWith(subCode, "isp.") || StartsWith(subCode, "accesscontrol."))
            {
                return new ErrorVerdict(ServiceErrorKind.Transient, isTransient: true);
            }
            return new ErrorVerdict(KindOf(code, subCode));
        }

        private static ServiceErrorKind KindOf(int code, string? subCode)
        {
            switch (code)
            {
                case MissingSession: return ServiceErrorKind.SessionRequired;
                case InvalidSession: return ServiceErrorKind.SessionExpired;
                case 11:
                case 12:
                case 13: return ServiceErrorKind.Permission;
                case 24:
                case 25:
                case 28:
                case 29: return ServiceErrorKind.Authentication;
                case 40:
                case 41:
                case 43: return ServiceErrorKind.InvalidArgument;
            }
            if (StartsWith(subCode, "isv.invalid-parameter") || StartsWith(subCode, "isv.missing-parameter")) return ServiceErrorKind.InvalidArgument;
            if (subCode == "isv.item-not-exist") return ServiceErrorKind.NotFound;
            return ServiceErrorKind.Rejected;
        }

        /// <summary>A code 7 ban too long to wait out, or of unreadable length, is a spent quota: it fails at once.</summary>
        public override ServiceException Refine(ServiceException failure, ServiceCall call)
        {
            if (!(failure is TopApiException answer) || answer.Code != CallLimited || answer is TopQuotaException) return failure;
            if (!(answer.RetryAfter is TimeSpan ban)) return new TopQuotaException(answer);
            var options = ((TopCall)call).Options;
            return ban > options.MaxBanWait ? new TopQuotaException(answer, ban, Protocol.TopTime.ToTopZone(options.Clock() + ban)) : failure;
        }

        /// <summary>A ban is waited out whole, with a little jitter so that waiting clients do not all come back at once.</summary>
        protected override TimeSpan Wait(ServiceException failure, ServiceCall call)
            => failure.RetryAfter is TimeSpan ban ? ban + TimeSpan.FromMilliseconds(Jitter().Next(50, 250)) : Backoff(call);

        public override string RetryReason(ServiceException failure)
            => failure is TopApiException answer && answer.Code == CallLimited && failure.RetryAfter is TimeSpan ban
                ? CoreText.Format("RetryBan", ban.TotalSeconds.ToString(CultureInfo.InvariantCulture))
                : failure.Message;

        public override ServiceException Unreadable(ServiceCall call, string message, string? excerpt) => new TopResponseException(call.Api, message, excerpt);

        /// <summary>A 503 or 429 was refused before the call ran; any other status may come after it ran.</summary>
        protected override ErrorVerdict HttpVerdict(int status)
        {
            var applied = status != 503 && status != 429;
            var transient = IsTransientStatus(status);
            var kind = applied ? ServiceErrorKind.MayHaveBeenApplied : transient ? ServiceErrorKind.Transient : ServiceErrorKind.Rejected;
            return new ErrorVerdict(kind, transient, applied);
        }

        protected override ServiceException Failure(ServiceCall call, string message, int? httpStatus, ErrorVerdict verdict, Exception? inner)
            => new TopTransportException(call.Api, message, httpStatus, verdict, inner);

        /// <summary>
        /// Reads N from "This ban will last for N more seconds"; one second when the text says nothing of a ban; null when
        /// N is not ASCII digits or longer than a day.
        /// </summary>
        public static TimeSpan? ParseBan(string? subMessage)
        {
            var match = subMessage is null ? Match.Empty : BanSeconds.Match(subMessage);
            if (!match.Success) return TimeSpan.FromSeconds(1);
            var text = match.Groups[1].Value;
            foreach (var c in text)
            {
                if (c < '0' || c > '9') return null;
            }
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > LongestBan.TotalSeconds) return null;
            return TimeSpan.FromSeconds(seconds);
        }

        private static bool StartsWith(string? text, string prefix) => text != null && text.StartsWith(prefix, StringComparison.Ordinal);
    }
}
