using System;
using System.Collections.Generic;
using System.IO;
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

        public static byte[] Encode(IEnumerable<KeyValuePair<string, string?>> pairs)
        {
            using (var stream = new MemoryStream(256))
            {
                var first = true;
                foreach (var pair in pairs)
                {
                    if (string.IsNullOrEmpty(pair.Value)) continue;
                    if (!first) stream.WriteByte((byte)'&');
                    first = false;
                    Write(stream, pair.Key);
                    stream.WriteByte((byte)'=');
                    Write(stream, pair.Value!);
                }
                return stream.ToArray();
            }
        }

        public static string EncodeToString(IEnumerable<KeyValuePair<string, string?>> pairs) => Encoding.ASCII.GetString(Encode(pairs));

        private static void Write(Stream stream, string text)
        {
            const string hex = "0123456789ABCDEF";
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '.' || b == '_' || b == '~')
                {
                    stream.WriteByte(b);
                }
                else
                {
                    stream.WriteByte((byte)'%');
                    stream.WriteByte((byte)hex[b >> 4]);
                    stream.WriteByte((byte)hex[b & 0xF]);
                }
            }
        }
    }
}
