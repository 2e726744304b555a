using System;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Pipeline;

namespace TaobaoTop.Core.WeCom
{
    /// <summary>
    /// What WeCom's answers mean (global error code page 90313). Transient: system busy (-1), a data version conflict,
    /// the frequency limit (45009, waited out for its whole window) and the concurrency limit. 40014/42001 say the access
    /// token is invalid or expired: the token policy fetches a new one once.
    /// </summary>
    public sealed class WeComClassifier : ResponseClassifier
    {
        private readonly WeComClientOptions _options;

        public WeComClassifier(WeComClientOptions options)
        {
            _options = options;
        }

        /// <summary>WeCom's answer with a non-zero errcode, judged.</summary>
        public WeComException Answer(string path, int errCode, string? errMsg) => new WeComException(path, errCode, errMsg, Judge(errCode));

        private ErrorVerdict Judge(int errCode)
        {
            switch (errCode)
            {
                case WeComErrorCodes.FrequencyLimited:
                    return new ErrorVerdict(ServiceErrorKind.Transient, isTransient: true, retryAfter: _options.FrequencyWindow);
                case WeComErrorCodes.SystemBusy:
                case WeComErrorCodes.DataVersionConflict:
                case WeComErrorCodes.ConcurrencyLimited:
                    return new ErrorVerdict(ServiceErrorKind.Transient, isTransient: true);
                case WeComErrorCodes.InvalidAccessToken:
                case WeComErrorCodes.AccessTokenExpired:
                    return new ErrorVerdict(ServiceErrorKind.SessionExpired);
                case WeComErrorCodes.InvalidSecret:
                case WeComErrorCodes.InvalidCorpId:
                case WeComErrorCodes.SecretNotForCorp:
                    return new ErrorVerdict(ServiceErrorKind.Authentication);
                case WeComErrorCodes.ApiNotAllowed:
                case WeComErrorCodes.IpNotAllowed:
                case WeComErrorCodes.NoPrivilege:
                case WeComErrorCodes.UntrustedIp:
                    return new ErrorVerdict(ServiceErrorKind.Permission);
                case WeComErrorCodes.InvalidConfigId:
                case WeComErrorCodes.NotExternalContact:
                    return new ErrorVerdict(ServiceErrorKind.NotFound);
                default:
                    // 4xxxx are WeCom's "invalid …" and "missing …" codes: the call is wrong.
                    return new ErrorVerdict(errCode >= 40000 && errCode < 50000 ? ServiceErrorKind.InvalidArgument : ServiceErrorKind.Rejected);
            }
        }

        /// <summary>A 45009 block lasts its limit's window; waiting less only extends it.</summary>
        protected override TimeSpan Wait(ServiceException failure, ServiceCall call)
            => failure.RetryAfter is TimeSpan window ? window + Backoff(call) : Backoff(call);

        public override ServiceException Unreadable(ServiceCall call, string message, string? excerpt)
            => new WeComException(call.Api, message, null, new ErrorVerdict(ServiceErrorKind.MayHaveBeenApplied, mayHaveBeenApplied: true), bodyExcerpt: excerpt);

        /// <summary>A 5xx may come after the call ran; a 4xx came before it did.</summary>
        protected override ErrorVerdict HttpVerdict(int status)
        {
            var applied = status >= 500;
            var transient = IsTransientStatus(status);
            var kind = applied ? ServiceErrorKind.MayHaveBeenApplied : transient ? ServiceErrorKind.Transient : ServiceErrorKind.Rejected;
            return new ErrorVerdict(kind, transient, applied);
        }

        protected override ServiceException Failure(ServiceCall call, string message, int? httpStatus, ErrorVerdict verdict, Exception? inner)
            => new WeComException(call.Api, message, httpStatus, verdict, inner);
    }
}
