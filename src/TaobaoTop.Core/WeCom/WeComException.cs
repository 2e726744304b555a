using System;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.WeCom
{
    /// <summary>
    /// A WeCom call failed: WeCom answered a non-zero <c>errcode</c> (<see cref="ServiceException.ErrorCode"/>), or no
    /// usable answer came back (ErrorCode null; <see cref="ServiceException.HttpStatus"/> when it was an HTTP error).
    /// <see cref="ServiceException.Api"/> is the API path.
    /// </summary>
    public sealed class WeComException : ServiceException
    {
        public const string ServiceName = "WeCom";

        /// <summary>WeCom's answer with a non-zero errcode.</summary>
        public WeComException(string path, int errCode, string? errMsg, ErrorVerdict verdict)
            : base(ServiceName, path, CoreText.Format("WeComFailed", path, errCode, errMsg) + WeComErrorCodes.Hint(errCode), verdict)
        {
            ErrorCode = errCode;
            ErrorMessage = errMsg;
        }

        /// <summary>No usable answer: the network, an HTTP error, or a body that is not WeCom's JSON (quoted in <paramref name="bodyExcerpt"/>).</summary>
        public WeComException(string path, string message, int? httpStatus, ErrorVerdict verdict, Exception? inner = null, string? bodyExcerpt = null)
            : base(ServiceName, path, message, verdict, inner)
        {
            HttpStatus = httpStatus;
            BodyExcerpt = bodyExcerpt;
        }

        /// <summary>The API path, e.g. <c>/cgi-bin/externalcontact/add_contact_way</c>.</summary>
        public string Path => Api;
    }
}
