using System;
using System.Globalization;

namespace TaobaoTop.Core.Errors
{
    /// <summary>Code 7 App Call Limited with a ban too long to wait out (a spent daily quota), or one whose length cannot be read.</summary>
    public sealed class TopQuotaException : TopApiException
    {
        private static readonly ErrorVerdict Spent = new ErrorVerdict(ServiceErrorKind.Quota);

        public TopQuotaException(TopApiException answer, TimeSpan ban, DateTimeOffset resetsAt)
            : base(answer.Api, answer.Code, answer.ErrorMessage, answer.SubCode,
                   answer.SubMessage + string.Format(CultureInfo.InvariantCulture, "; the call quota resets at {0:yyyy-MM-dd HH:mm:ss zzz}", resetsAt),
                   answer.RequestId, Spent)
        {
            Ban = ban;
            ResetsAt = resetsAt;
        }

        /// <summary>A ban whose length is unreadable or absurd: not waited out, the gateway's text quoted.</summary>
        public TopQuotaException(TopApiException answer)
            : base(answer.Api, answer.Code, answer.ErrorMessage, answer.SubCode,
                   "\"" + answer.SubMessage + "\" (the length of this ban could not be read, so it is not waited out)",
                   answer.RequestId, Spent)
        {
        }

        /// <summary>How long the ban lasts; null when the answer did not say in a readable way.</summary>
        public TimeSpan? Ban { get; }

        /// <summary>When calls are allowed again, in TOP's zone; null when not known.</summary>
        public DateTimeOffset? ResetsAt { get; }
    }
}
