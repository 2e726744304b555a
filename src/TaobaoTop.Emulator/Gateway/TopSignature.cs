using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace TaobaoTop.Emulator.Gateway
{
    /// <summary>TOP's request signature, computed the way the gateway checks it.</summary>
    public static class TopSignature
    {
        /// <summary>
        /// The signed string: every parameter except <c>sign</c>, empty values left out (official SDKs neither
        /// send nor sign them), sorted by name in ordinal order, concatenated as name+value without separators.
        /// </summary>
        public static string SignedString(IEnumerable<KeyValuePair<string, string>> parameters)
        {
            var builder = new StringBuilder();
            foreach (var pair in parameters
                .Where(p => p.Key.Length > 0 && !string.IsNullOrEmpty(p.Value) && p.Key != "sign")
                .OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                builder.Append(pair.Key).Append(pair.Value);
            }
            return builder.ToString();
        }

        /// <summary>Upper-case hex digest, or null for a sign method TOP does not know.</summary>
        public static string? Sign(IEnumerable<KeyValuePair<string, string>> parameters, string secret, string signMethod)
        {
            var text = SignedString(parameters);
            byte[] digest;
            switch (signMethod)
            {
                case "md5":
                    using (var md5 = MD5.Create()) digest = md5.ComputeHash(Encoding.UTF8.GetBytes(secret + text + secret));
                    break;
                case "hmac":
                    using (var hmac = new HMACMD5(Encoding.UTF8.GetBytes(secret))) digest = hmac.ComputeHash(Encoding.UTF8.GetBytes(text));
                    break;
                case "hmac-sha256":
                    using (var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret))) digest = hmac.ComputeHash(Encoding.UTF8.GetBytes(text));
                    break;
                default:
                    return null;
            }
            var hex = new StringBuilder(digest.Length * 2);
            foreach (var b in digest) hex.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            return hex.ToString();
        }
    }
}
