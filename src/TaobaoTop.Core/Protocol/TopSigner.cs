using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>
    /// TOP's request signature: parameters sorted by name (ordinal), concatenated as <c>name1value1name2value2…</c>
    /// without separators, UTF-8, digested per <see cref="TopSignMethod"/>, upper-case hex.
    /// </summary>
    public static class TopSigner
    {
        private static readonly IComparer<KeyValuePair<string, string?>> ByName = new NameComparer();

        // Per-thread scratch and hash objects: every request is signed (again on each retry), so a signature allocates
        // only its digest and its hex string.
        [ThreadStatic] private static KeyValuePair<string, string?>[]? _pairs;
        [ThreadStatic] private static char[]? _chars;
        [ThreadStatic] private static byte[]? _bytes;
        [ThreadStatic] private static MD5? _md5;
        [ThreadStatic] private static HMAC? _hmac;
        [ThreadStatic] private static string? _hmacSecret;
        [ThreadStatic] private static TopSignMethod _hmacMethod;

        /// <summary>Signs every non-empty parameter except <c>sign</c>; file parts must not be passed in.</summary>
        /// <param name="body">Appended after the parameters; only the batch API signs a body.</param>
        public static string Sign(IEnumerable<KeyValuePair<string, string?>> parameters, string secret, TopSignMethod method, string? body = null)
        {
            if (parameters is null) throw new ArgumentNullException(nameof(parameters));
            if (string.IsNullOrEmpty(secret)) throw new ArgumentException(CoreText.Get("AppSecretEmpty"), nameof(secret));

            var pairs = _pairs ??= new KeyValuePair<string, string?>[32];
            var count = 0;
            foreach (var pair in parameters)
            {
                if (!string.IsNullOrEmpty(pair.Key) && !string.IsNullOrEmpty(pair.Value) && pair.Key != "sign")
                {
                    if (count == pairs.Length) Array.Resize(ref pairs, pairs.Length * 2);
                    pairs[count++] = pair;
                }
            }
            _pairs = pairs;
            Array.Sort(pairs, 0, count, ByName);

            // The whole text as chars first, then one UTF-8 conversion, exactly as encoding the joined string would.
            var length = body?.Length ?? 0;
            if (method == TopSignMethod.Md5) length += 2 * secret.Length;
            for (var i = 0; i < count; i++) length += pairs[i].Key.Length + pairs[i].Value!.Length;
            var chars = Scratch(ref _chars, length);
            var at = 0;
            if (method == TopSignMethod.Md5) at = Append(chars, at, secret);
            for (var i = 0; i < count; i++)
            {
                at = Append(chars, at, pairs[i].Key);
                at = Append(chars, at, pairs[i].Value!);
            }
            if (body != null) at = Append(chars, at, body);
            if (method == TopSignMethod.Md5) at = Append(chars, at, secret);
            Array.Clear(pairs, 0, count);

            var bytes = Scratch(ref _bytes, Encoding.UTF8.GetMaxByteCount(at));
            var byteCount = Encoding.UTF8.GetBytes(chars, 0, at, bytes, 0);
            try
            {
                return ToUpperHex(Hasher(secret, method).ComputeHash(bytes, 0, byteCount));
            }
            finally
            {
                // The text holds the session and, for md5, the secret: do not leave it in the scratch buffers.
                Array.Clear(chars, 0, at);
                Array.Clear(bytes, 0, byteCount);
            }
        }

        private static int Append(char[] chars, int at, string text)
        {
            text.CopyTo(0, chars, at, text.Length);
            return at + text.Length;
        }

        private static T[] Scratch<T>(ref T[]? buffer, int length)
        {
            if (buffer is null || buffer.Length < length) buffer = new T[Math.Max(length, 512)];
            return buffer;
        }

        private static HashAlgorithm Hasher(string secret, TopSignMethod method)
        {
            switch (method)
            {
                case TopSignMethod.Md5:
                    return _md5 ??= MD5.Create();
                case TopSignMethod.Hmac:
                case TopSignMethod.HmacSha256:
                    if (_hmac is null || _hmacMethod != method || !string.Equals(_hmacSecret, secret, StringComparison.Ordinal))
                    {
                        _hmac?.Dispose();
                        var key = Encoding.UTF8.GetBytes(secret);
                        _hmac = method == TopSignMethod.Hmac ? new HMACMD5(key) : (HMAC)new HMACSHA256(key);
                        _hmacSecret = secret;
                        _hmacMethod = method;
                    }
                    return _hmac;
                default:
                    throw new ArgumentOutOfRangeException(nameof(method), method, CoreText.Format("SignMethodUnknown", method));
            }
        }

        private static string ToUpperHex(byte[] bytes)
        {
            const string digits = "0123456789ABCDEF";
            var chars = Scratch(ref _chars, bytes.Length * 2);
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = digits[bytes[i] >> 4];
                chars[2 * i + 1] = digits[bytes[i] & 0xF];
            }
            return new string(chars, 0, bytes.Length * 2);
        }

        private sealed class NameComparer : IComparer<KeyValuePair<string, string?>>
        {
            public int Compare(KeyValuePair<string, string?> a, KeyValuePair<string, string?> b) => string.CompareOrdinal(a.Key, b.Key);
        }
    }
}
