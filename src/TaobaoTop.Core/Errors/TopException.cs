using System;

namespace TaobaoTop.Core.Errors
{
    /// <summary>Base of every error the TOP client raises; says which API failed.</summary>
    public class TopException : ServiceException
    {
        public const string ServiceName = "TOP";

        /// <summary>A failure of the client's own finding (not the gateway's answer): not transient, nothing carried out.</summary>
        public TopException(string api, string message, Exception? inner = null)
            : this(api, message, new ErrorVerdict(ServiceErrorKind.Rejected), inner)
        {
        }

        protected TopException(string api, string message, ErrorVerdict verdict, Exception? inner = null)
            : base(ServiceName, api, message, verdict, inner)
        {
        }
    }
}
