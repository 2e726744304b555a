using System;

namespace TaobaoTop.Core.Errors
{
    /// <summary>No usable answer: the network failed, the call timed out, or the gateway answered with an HTTP error.</summary>
    public sealed class TopTransportException : TopException
    {
        public TopTransportException(string api, string message, int? httpStatus, bool requestMayHaveBeenApplied, Exception? inner = null)
            : base(api, message, inner)
        {
            HttpStatus = httpStatus;
            RequestMayHaveBeenApplied = requestMayHaveBeenApplied;
        }

        /// <summary>The HTTP status when one came back.</summary>
        public int? HttpStatus { get; }

        internal bool RequestMayHaveBeenApplied { get; }

        public override bool IsTransient => HttpStatus == null || HttpStatus >= 500 || HttpStatus == 429 || HttpStatus == 408;

        public override bool MayHaveBeenApplied => RequestMayHaveBeenApplied;
    }
}
