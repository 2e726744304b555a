using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>
    /// TOP's request signature: parameters sorted by name (ordinal), concatenated as <c>name1value1name2value2…</c>
    /// without separators, UTF-8, digested per <see cref="TopSignMethod"/>, upper-case hex.
    /// </summary>
    public static class TopSigner
    {
        /// <summary>Signs every non-empty parameter except <c>sign</c>; file parts must not be passed in.</summary>
        /// <param name="body">Appended after the parameters; only the batch API signs a body.</param>
        public static string Sign(IEnumerable<KeyValuePair<string, string?>> parameters, string secret, TopSignMethod method, string? body = null)
        {
            if (parameters is null) throw new ArgumentNullException(nameof(parameters));
            if (string.IsNullOrEmpty(secret)) throw new ArgumentException("The app secret is empty.", nameof(secret));

            var signed = new List<KeyValuePair<string, string?>>();
            foreach (var pair in parameters)
            {
                if (!string.IsNullOrEmpty(pair.Key) && !string.IsNullOrEmpty(pair.Value) && pair.Key != "sign")
                {
                    signed.Add(pair);
                }
            }
            signed.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));

            var text = new StringBuilder(256);
            if (method == TopSignMethod.Md5) text.Append(secret);
            foreach (var pair in signed) text.Append(pair.Key).Append(pair.Value);
            if (body != null) text.Append(body);
            if (method == TopSignMethod.Md5) text.Append(secret);

            var data = Encoding.UTF8.GetBytes(text.ToString());
            return ToUpperHex(Digest(data, Encoding.UTF8.GetBytes(secret), method));
        }

        private static byte[] Digest(byte[] data, byte[] key, TopSignMethod method)
        {
            switch (method)
            {
                case TopSignMethod.Md5:
                    using (var md5 = MD5.Create()) return md5.ComputeHash(data);
                case TopSignMethod.Hmac:
                    using (var hmac = new HMACMD5(key)) return hmac.ComputeHash(data);
                case TopSignMethod.HmacSha256:
                    using (var hmac = new HMACSHA256(key)) return hmac.ComputeHash(data);
                default:
                    throw new ArgumentOutOfRangeException(nameof(method), method, null);
            }
        }

        private static string ToUpperHex(byte[] bytes)
        {
            const string digits = "0123456789ABCDEF";
            var chars = new char[bytes.Length * 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = digits[bytes[i] >> 4];
                chars[2 * i + 1] = digits[bytes[i] & 0xF];
            }
            return new string(chars);
        }
    }
}
