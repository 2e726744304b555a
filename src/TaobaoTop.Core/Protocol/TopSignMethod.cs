using System;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>The <c>sign_method</c> values the gateway accepts.</summary>
    public enum TopSignMethod
    {
        /// <summary>HMAC-SHA256, the default of the newest official SDKs.</summary>
        HmacSha256,

        /// <summary>HMAC-MD5.</summary>
        Hmac,

        /// <summary>MD5 over secret + parameters + secret.</summary>
        Md5,
    }

    public static class TopSignMethodNames
    {
        public static string ToWireName(this TopSignMethod method)
        {
            switch (method)
            {
                case TopSignMethod.HmacSha256: return "hmac-sha256";
                case TopSignMethod.Hmac: return "hmac";
                case TopSignMethod.Md5: return "md5";
                default: throw new ArgumentOutOfRangeException(nameof(method), method, CoreText.Format("SignMethodUnknown", method));
            }
        }

        public static bool TryParse(string? name, out TopSignMethod method)
        {
            switch (name?.Trim().ToLowerInvariant())
            {
                case "hmac-sha256": method = TopSignMethod.HmacSha256; return true;
                case "hmac": method = TopSignMethod.Hmac; return true;
                case "md5": method = TopSignMethod.Md5; return true;
                default: method = default; return false;
            }
        }
    }
}
