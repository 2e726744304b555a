using System;
using System.Collections.Generic;
using System.Text;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>
    /// <c>application/x-www-form-urlencoded</c> in UTF-8, percent-encoding everything but RFC 3986 unreserved
    /// characters. Written by hand because .NET Framework's FormUrlEncodedContent rejects long values.
    /// </summary>
    public static class FormBody
    {
        public const string ContentType = "application/x-www-form-urlencoded;charset=UTF-8";

        private const string Hex = "0123456789ABCDEF";

        // Per-thread scratch: a body allocates only the array it returns.
        [ThreadStatic] private static byte[]? _utf8;
        [ThreadStatic] private static byte[]? _body;

        public static byte[] Encode(IEnumerable<KeyValuePair<string, string?>> pairs)
        {
            var body = _body ??= new byte[1024];
            var length = 0;
            foreach (var pair in pairs)
            {
                if (string.IsNullOrEmpty(pair.Value)) continue;
                if (length > 0) body = Put(body, ref length, (byte)'&');
                body = Write(body, ref length, pair.Key);
                body = Put(body, ref length, (byte)'=');
                body = Write(body, ref length, pair.Value!);
            }
            _body = body;
            var result = new byte[length];
            Buffer.BlockCopy(body, 0, result, 0, length);
            // Bodies carry sessions and tokens: do not leave them in the scratch buffer.
            Array.Clear(body, 0, length);
            return result;
        }

        public static string EncodeToString(IEnumerable<KeyValuePair<string, string?>> pairs) => Encoding.ASCII.GetString(Encode(pairs));

        private static byte[] Write(byte[] body, ref int length, string text)
        {
            var utf8 = _utf8;
            var count = Encoding.UTF8.GetByteCount(text);
            if (utf8 is null || utf8.Length < count) _utf8 = utf8 = new byte[Math.Max(count, 512)];
            Encoding.UTF8.GetBytes(text, 0, text.Length, utf8, 0);
            // Worst case every byte becomes %XX.
            if (body.Length - length < 3 * count) Array.Resize(ref body, Math.Max(body.Length * 2, length + 3 * count));
            for (var i = 0; i < count; i++)
            {
                var b = utf8[i];
                if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '.' || b == '_' || b == '~')
                {
                    body[length++] = b;
                }
                else
                {
                    body[length++] = (byte)'%';
                    body[length++] = (byte)Hex[b >> 4];
                    body[length++] = (byte)Hex[b & 0xF];
                }
            }
            Array.Clear(utf8, 0, count);
            return body;
        }

        private static byte[] Put(byte[] body, ref int length, byte value)
        {
            if (length == body.Length) Array.Resize(ref body, body.Length * 2);
            body[length++] = value;
            return body;
        }
    }
}
