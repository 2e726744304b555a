using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Items;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.WeCom;

namespace TaobaoTop.Base
{
    /// <summary>
    /// The one place where an exception becomes an ErrorRecord: an id a script can test (<c>TopApiError27:…</c>,
    /// <c>WeComError45009</c>, <c>TopNetworkError</c>), a category, and what to do about it. The same failure has the
    /// same id and category in every cmdlet and parameter set.
    /// </summary>
    internal static class ErrorRecords
    {
        /// <summary>
        /// Exceptions that are not failures to report: a stopped pipeline, Ctrl+C, an error already made an
        /// ErrorRecord (ThrowTerminatingError, -ErrorAction Stop). They go on untouched.
        /// </summary>
        public static bool PassesThrough(Exception ex)
            => ex is PipelineStoppedException || ex is OperationCanceledException || ex is ActionPreferenceStopException
               || ex is CmdletInvocationException || ex is HaltCommandException;

        /// <param name="target">What failed: the record, id or file the error names.</param>
        /// <param name="redact">Masks the connection's secrets, in case a message quotes a gateway that echoed one.</param>
        /// <param name="subject">What the call was about, e.g. "淘口令 ￥…￥", put before the message.</param>
        public static ErrorRecord From(Exception ex, object? target, Func<string, string>? redact = null, string? subject = null)
        {
            // A row of a sheet that failed in a call carries the call's id and category, and names the row.
            var cause = ex is TaobaoItemRowException && ex.InnerException is TopException call ? call : ex;
            var kind = Kinds.First(k => k.Matches(cause));
            var record = new ErrorRecord(ex, kind.Id(cause), kind.Category(cause), kind.Target?.Invoke(cause) ?? target);
            redact ??= text => text;
            var action = kind.Action?.Invoke(cause);
            // A row that failed in a TOP call says what TOP said, as a call outside a sheet does.
            var text = cause is TopApiException || cause is TopSessionRequiredException ? cause.Message : ex.Message;
            var message = redact(subject is null ? text : subject + ": " + text);
            if (action != null || subject != null || message != ex.Message)
            {
                record.ErrorDetails = new ErrorDetails(message);
                if (action != null) record.ErrorDetails.RecommendedAction = redact(action);
            }
            return record;
        }

        /// <summary>TOP platform codes (global error codes page).</summary>
        private static readonly Dictionary<int, ErrorCategory> TopCategories = new Dictionary<int, ErrorCategory>
        {
            [7] = ErrorCategory.LimitsExceeded,
            [10] = ErrorCategory.ResourceUnavailable,
            [11] = ErrorCategory.PermissionDenied,
            [12] = ErrorCategory.PermissionDenied,
            [13] = ErrorCategory.PermissionDenied,
            [24] = ErrorCategory.AuthenticationError,
            [25] = ErrorCategory.AuthenticationError,
            [26] = ErrorCategory.AuthenticationError,
            [27] = ErrorCategory.AuthenticationError,
            [28] = ErrorCategory.AuthenticationError,
            [29] = ErrorCategory.AuthenticationError,
            [40] = ErrorCategory.InvalidArgument,
            [41] = ErrorCategory.InvalidArgument,
            [43] = ErrorCategory.InvalidArgument,
        };

        /// <summary>Sub code prefixes, for a code the table above does not know.</summary>
        private static readonly (string Prefix, ErrorCategory Category)[] TopSubCodeCategories =
        {
            ("isp.", ErrorCategory.ResourceUnavailable),
            ("isv.invalid-parameter", ErrorCategory.InvalidArgument),
            ("isv.missing-parameter", ErrorCategory.InvalidArgument),
        };

        /// <summary>WeCom errcodes (global error code page 90313); any other is a bad argument.</summary>
        private static readonly Dictionary<int, ErrorCategory> WeComCategories = new Dictionary<int, ErrorCategory>
        {
            [WeComErrorCodes.FrequencyLimited] = ErrorCategory.LimitsExceeded,
            [WeComErrorCodes.ConcurrencyLimited] = ErrorCategory.LimitsExceeded,
            [WeComErrorCodes.InvalidSecret] = ErrorCategory.AuthenticationError,
            [WeComErrorCodes.InvalidCorpId] = ErrorCategory.AuthenticationError,
            [WeComErrorCodes.SecretNotForCorp] = ErrorCategory.AuthenticationError,
            [WeComErrorCodes.InvalidAccessToken] = ErrorCategory.AuthenticationError,
            [WeComErrorCodes.AccessTokenExpired] = ErrorCategory.AuthenticationError,
            [WeComErrorCodes.ApiNotAllowed] = ErrorCategory.PermissionDenied,
            [WeComErrorCodes.NoPrivilege] = ErrorCategory.PermissionDenied,
            [WeComErrorCodes.IpNotAllowed] = ErrorCategory.PermissionDenied,
            [WeComErrorCodes.UntrustedIp] = ErrorCategory.PermissionDenied,
            [WeComErrorCodes.InvalidConfigId] = ErrorCategory.ObjectNotFound,
            [WeComErrorCodes.NotExternalContact] = ErrorCategory.ObjectNotFound,
            [WeComErrorCodes.SystemBusy] = ErrorCategory.ResourceUnavailable,
        };

        /// <summary>First match wins, so a subclass comes before its base.</summary>
        private static readonly Kind[] Kinds =
        {
            Kind.Of<NotConnectedException>(_ => "NotConnected", _ => ErrorCategory.ConnectionError),
            Kind.Of<TopSessionRequiredException>(_ => "TopSessionRequired", _ => ErrorCategory.AuthenticationError),
            Kind.Of<TopQuotaException>(_ => "TopQuotaExceeded", _ => ErrorCategory.QuotaExceeded, QuotaAction),
            Kind.Of<WeComException>(WeComErrorId, WeComCategory),
            Kind.Of<TopApiException>(ApiErrorId, ApiCategory, ApiAction),
            Kind.Of<TopTransportException>(
                t => t.HttpStatus is int status ? "TopHttpError" + status.ToString(CultureInfo.InvariantCulture) : "TopNetworkError",
                t => t.HttpStatus is null ? ErrorCategory.ConnectionError : ErrorCategory.ProtocolError),
            Kind.Of<TopResponseException>(_ => "TopInvalidResponse", _ => ErrorCategory.InvalidResult),
            Kind.Of<TopException>(_ => "TopError", _ => ErrorCategory.NotSpecified),
            Kind.Of<TaobaoItemRowException>(
                r => r.Result.Status == TaobaoItemStatus.Invalid ? "InvalidItemRow" : "ItemAddFailed",
                r => r.Result.Status == TaobaoItemStatus.Invalid ? ErrorCategory.InvalidData : ErrorCategory.NotSpecified),
            Kind.Of<ItemJournalWriteException>(_ => "JournalNotWritable", _ => ErrorCategory.WriteError, target: j => j.Path),
            Kind.Of<ItemJournalInUseException>(_ => "JournalInUse", _ => ErrorCategory.ResourceBusy, target: j => j.Path),
            Kind.Of<ArgumentException>(_ => "InvalidArgument", _ => ErrorCategory.InvalidArgument),
            Kind.Of<Exception>(_ => "UnexpectedError", _ => ErrorCategory.NotSpecified),
        };

        private static ErrorCategory ByCode(Dictionary<int, ErrorCategory> table, int code, ErrorCategory otherwise)
            => table.TryGetValue(code, out var category) ? category : otherwise;

        /// <summary>An errcode when WeCom answered; else what went wrong on the way (13a: no TOP ids for WeCom).</summary>
        private static string WeComErrorId(WeComException wecom)
            => wecom.ErrorCode is int code ? "WeComError" + code.ToString(CultureInfo.InvariantCulture)
                : wecom.HttpStatus is int status ? "WeComHttpError" + status.ToString(CultureInfo.InvariantCulture)
                : wecom.IsTransient || wecom.MayHaveBeenApplied ? "WeComNetworkError"
                : "WeComInvalidResponse";

        private static ErrorCategory WeComCategory(WeComException wecom)
            => wecom.ErrorCode is int code ? ByCode(WeComCategories, code, ErrorCategory.InvalidArgument)
                : wecom.HttpStatus != null ? ErrorCategory.ProtocolError
                : wecom.IsTransient || wecom.MayHaveBeenApplied ? ErrorCategory.ConnectionError
                : ErrorCategory.InvalidResult;

        private static string ApiErrorId(TopApiException api)
            => "TopApiError" + api.Code.ToString(CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(api.SubCode) ? string.Empty : ":" + api.SubCode);

        private static ErrorCategory ApiCategory(TopApiException api)
        {
            if (TopCategories.TryGetValue(api.Code, out var category)) return category;
            foreach (var (prefix, byPrefix) in TopSubCodeCategories)
            {
                if (api.SubCode != null && api.SubCode.StartsWith(prefix, StringComparison.Ordinal)) return byPrefix;
            }
            return ErrorCategory.InvalidOperation;
        }

        private static string QuotaAction(TopQuotaException quota)
            => quota.ResetsAt is DateTimeOffset resets
                ? Resources.Messages.Format("AdviceQuotaUntil", TopTime.ToTopString(resets))
                : Resources.Messages.Get("AdviceQuotaUnknown");

        /// <summary>Advice for an answer with a sub code or an entry in <see cref="TopErrorAdvice"/>; none for a bare code.</summary>
        private static string? ApiAction(TopApiException api)
        {
            var advice = TopErrorAdvice.For(api);
            if (string.IsNullOrEmpty(api.SubCode) && advice is null) return null;
            if (api.Code == 7) return Resources.Messages.Get("AdviceLimited");
            if (advice != null) return advice.Recommendation(CultureInfo.CurrentUICulture);
            return api.IsTransient ? Resources.Messages.Get("AdviceTransient") : Resources.Messages.Format("AdviceFixCall", api.SubMessage);
        }

        private sealed class Kind
        {
            private Kind(Func<Exception, bool> matches, Func<Exception, string> id, Func<Exception, ErrorCategory> category, Func<Exception, string?>? action, Func<Exception, object?>? target)
            {
                Target = target;
                Matches = matches;
                Id = id;
                Category = category;
                Action = action;
            }

            public Func<Exception, bool> Matches { get; }

            public Func<Exception, string> Id { get; }

            public Func<Exception, ErrorCategory> Category { get; }

            public Func<Exception, string?>? Action { get; }

            /// <summary>What the error names when the exception itself knows (a journal's path); else the caller's target.</summary>
            public Func<Exception, object?>? Target { get; }

            public static Kind Of<T>(Func<T, string> id, Func<T, ErrorCategory> category, Func<T, string?>? action = null, Func<T, object?>? target = null)
                where T : Exception
                => new Kind(ex => ex is T, ex => id((T)ex), ex => category((T)ex), action is null ? null : ex => action((T)ex), target is null ? null : ex => target((T)ex));
        }
    }

    /// <summary>There is no connection to call with: the cmdlet stops before anything is sent.</summary>
    internal sealed class NotConnectedException : PSInvalidOperationException
    {
        public NotConnectedException(string message)
            : base(message)
        {
        }
    }
}
