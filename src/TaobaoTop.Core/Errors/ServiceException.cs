using System;

namespace TaobaoTop.Core.Errors
{
    /// <summary>What a failed call means for the caller, as the service's classifier judged it.</summary>
    public enum ServiceErrorKind
    {
        /// <summary>The service refused the call for a reason of its own (a business rule, the object's state); the same call fails again.</summary>
        Rejected,

        /// <summary>Worth the same call later: nothing was carried out (busy, a short limit, a refused connection, HTTP 503).</summary>
        Transient,

        /// <summary>The request was sent and no usable answer came back (a time-out, a lost connection, an unreadable answer): a write may have been carried out.</summary>
        MayHaveBeenApplied,

        /// <summary>The call quota is spent: calls fail until it resets.</summary>
        Quota,

        /// <summary>The API needs a user's session and none was given; nothing was sent.</summary>
        SessionRequired,

        /// <summary>The session or access token is invalid or expired.</summary>
        SessionExpired,

        /// <summary>The caller's identity was refused: app key, app secret, signature, corp id or corp secret.</summary>
        Authentication,

        /// <summary>The app may not call this API, or not from this machine (a missing permission package, an IP not on the trusted list).</summary>
        Permission,

        /// <summary>An argument is missing or wrong: fix the call.</summary>
        InvalidArgument,

        /// <summary>The object the call names does not exist, or is not the caller's.</summary>
        NotFound,
    }

    /// <summary>A classifier's verdict on one failure: its kind, whether the same call may succeed later, whether it may have been carried out.</summary>
    public readonly struct ErrorVerdict
    {
        public ErrorVerdict(ServiceErrorKind kind, bool isTransient = false, bool mayHaveBeenApplied = false, TimeSpan? retryAfter = null)
        {
            Kind = kind;
            IsTransient = isTransient;
            MayHaveBeenApplied = mayHaveBeenApplied;
            RetryAfter = retryAfter;
        }

        public ServiceErrorKind Kind { get; }

        public bool IsTransient { get; }

        public bool MayHaveBeenApplied { get; }

        /// <summary>How long the service asked the caller to wait (a TOP ban, a WeCom frequency window); null when it did not say.</summary>
        public TimeSpan? RetryAfter { get; }
    }

    /// <summary>
    /// Base of every error a service client raises (TOP and WeCom): which service and API failed, the classifier's
    /// verdict, and what the service answered. <see cref="Exception.Message"/> never carries a secret: every text the
    /// service echoed was redacted before the exception was made.
    /// </summary>
    public abstract class ServiceException : Exception
    {
        protected ServiceException(string service, string api, string message, ErrorVerdict verdict, Exception? inner = null)
            : base(message, inner)
        {
            Service = service;
            Api = api;
            Kind = verdict.Kind;
            IsTransient = verdict.IsTransient;
            MayHaveBeenApplied = verdict.MayHaveBeenApplied;
            RetryAfter = verdict.RetryAfter;
        }

        /// <summary>"TOP" or "WeCom".</summary>
        public string Service { get; }

        /// <summary>The API: a TOP method name (<c>taobao.tbk.tpwd.create</c>) or a WeCom path (<c>/cgi-bin/externalcontact/add_contact_way</c>).</summary>
        public string Api { get; }

        public ServiceErrorKind Kind { get; }

        /// <summary>True when the same call may succeed later (network, HTTP 5xx, a busy service, a short limit).</summary>
        public bool IsTransient { get; }

        /// <summary>True when the call may have been carried out although no usable answer came back.</summary>
        public bool MayHaveBeenApplied { get; }

        /// <summary>How long the service asked to wait before calling again; null when it did not say.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>The service's own error code (TOP <c>code</c>, WeCom <c>errcode</c>); null when no answer came back.</summary>
        public int? ErrorCode { get; protected set; }

        /// <summary>TOP's <c>sub_code</c> (<c>isv.*</c>, <c>isp.*</c>, a 淘宝客 business code); null for WeCom.</summary>
        public string? SubCode { get; protected set; }

        /// <summary>The service's own error text (TOP <c>msg</c>, WeCom <c>errmsg</c>), secrets masked.</summary>
        public string? ErrorMessage { get; protected set; }

        /// <summary>The HTTP status, when the answer was an HTTP error.</summary>
        public int? HttpStatus { get; protected set; }

        /// <summary>The id the service gave the call (TOP <c>request_id</c>), to quote to its support.</summary>
        public string? RequestId { get; protected set; }

        /// <summary>The first characters of what came back when it was not the service's answer (an HTML page, a cut-off body), secrets masked.</summary>
        public string? BodyExcerpt { get; protected set; }
    }
}
