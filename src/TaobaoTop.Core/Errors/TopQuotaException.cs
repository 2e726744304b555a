using System;
using System.Globalization;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Errors
{
    /// <summary>Code 7 App Call Limited with a ban too long to wait out (a spent daily quota), or one whose length cannot be read.</summary>
    public sealed class TopQuotaException : TopApiException
    {
        private static readonly ErrorVerdict Spent = new ErrorVerdict(ServiceErrorKind.Quota);

        public TopQuotaException(TopApiException answer, TimeSpan ban, DateTimeOffset resetsAt)
            : base(answer.Api, answer.Code, answer.ErrorMessage, answer.SubCode,
                   answer.SubMessage + CoreText.Format("QuotaResetsAt", resetsAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)),
                   answer.RequestId, Spent)
        {
            Ban = ban;
            ResetsAt = resetsAt;
        }

        /// <summary>A ban whose length is unreadable or absurd: not waited out, the gateway's text quoted.</summary>
        public TopQuotaException(TopApiException answer)
            : base(answer.Api, answer.Code, answer.ErrorMessage, answer.SubCode,
                   CoreText.Format("QuotaBanUnreadable", answer.SubMessage),
                   answer.RequestId, Spent)
        {
        }

        /// <summary>How long the ban lasts; null when the answer did not say in a readable way.</summary>
        public TimeSpan? Ban { get; }

        /// <summary>When calls are allowed again, in TOP's zone; null when not known.</summary>
        public DateTimeOffset? ResetsAt { get; }
    }
}
