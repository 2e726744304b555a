using System;
using System.Globalization;

namespace TaobaoTop.Core.Errors
{
    /// <summary>Code 7 App Call Limited with a ban too long to wait out (a spent daily quota).</summary>
    public sealed class TopQuotaException : TopApiException
    {
        public TopQuotaException(TopApiException answer, TimeSpan ban, DateTimeOffset resetsAt)
            : base(answer.Api, answer.Code, answer.TopMessage, answer.SubCode,
                   answer.SubMessage + string.Format(CultureInfo.InvariantCulture, "; the call quota resets at {0:yyyy-MM-dd HH:mm:ss zzz}", resetsAt),
                   answer.RequestId)
        {
            Ban = ban;
            ResetsAt = resetsAt;
        }

        public TimeSpan Ban { get; }

        /// <summary>When calls are allowed again, in TOP's zone.</summary>
        public DateTimeOffset ResetsAt { get; }

        public override bool IsTransient => false;
    }
}
