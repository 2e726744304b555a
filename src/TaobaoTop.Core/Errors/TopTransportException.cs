using System;

namespace TaobaoTop.Core.Errors
{
    /// <summary>No usable answer: the network failed, the call timed out, or the gateway answered with an HTTP error.</summary>
    public sealed class TopTransportException : TopException
    {
        public TopTransportException(string api, string message, int? httpStatus, ErrorVerdict verdict, Exception? inner = null)
            : base(api, message, verdict, inner)
        {
            HttpStatus = httpStatus;
        }
    }
}
