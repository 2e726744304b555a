using System.Globalization;
using TaobaoTop.Core.Errors;

namespace TaobaoTop.Core.WeCom
{
    /// <summary>WeCom answered with a non-zero <c>errcode</c>. <see cref="TopException.Api"/> is the API path.</summary>
    public sealed class WeComException : TopException
    {
        public WeComException(string path, int errCode, string? errMsg)
            : base(path, Describe(path, errCode, errMsg))
        {
            ErrCode = errCode;
            ErrMsg = errMsg;
        }

        public int ErrCode { get; }

        /// <summary>WeCom's <c>errmsg</c>, without the token (never echoed, but redacted anyway).</summary>
        public string? ErrMsg { get; }

        /// <summary>The API path, e.g. <c>/cgi-bin/externalcontact/add_contact_way</c>.</summary>
        public string Path => Api;

        public override bool IsTransient => WeComErrorCodes.IsTransient(ErrCode);

        private static string Describe(string path, int errCode, string? errMsg)
            => string.Format(CultureInfo.InvariantCulture, "{0} failed: errcode {1} {2}", path, errCode, errMsg) + WeComErrorCodes.Hint(errCode);
    }
}
