using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace TaobaoTop.Emulator.Gateway
{
    /// <summary>The parameters of one HTTP request: query string and body together, as the gateway signs them.</summary>
    internal sealed class ReceivedRequest
    {
        public ReceivedRequest(Dictionary<string, string> parameters, Dictionary<string, UploadedFile> files)
        {
            Parameters = parameters;
            Files = files;
        }

        /// <summary>Text parameters; a name sent twice keeps its first value.</summary>
        public Dictionary<string, string> Parameters { get; }

        /// <summary>File parts of a multipart body; never signed.</summary>
        public Dictionary<string, UploadedFile> Files { get; }

        public string? Get(string name) => Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
    }

    internal static class RequestReader
    {
        public static async Task<ReceivedRequest> ReadAsync(HttpRequestMessage request)
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
            AddUrlEncoded(parameters, request.RequestUri?.Query.TrimStart('?') ?? "");

            if (request.Content != null)
            {
                var body = await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var contentType = request.Content.Headers.ContentType;
                var mediaType = contentType?.MediaType ?? "";
                if (string.Equals(mediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
                {
                    ReadMultipart(parameters, files, body, Boundary(contentType!));
                }
                else if (body.Length > 0 && (mediaType.Length == 0 || string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)))
                {
                    AddUrlEncoded(parameters, Encoding.UTF8.GetString(body));
                }
            }
            return new ReceivedRequest(parameters, files);
        }

        private static void AddUrlEncoded(Dictionary<string, string> parameters, string text)
        {
            foreach (var pair in text.Split('&'))
            {
                if (pair.Length == 0) continue;
                var equals = pair.IndexOf('=');
                var name = Decode(equals < 0 ? pair : pair.Substring(0, equals));
                var value = equals < 0 ? "" : Decode(pair.Substring(equals + 1));
                if (!parameters.ContainsKey(name)) parameters[name] = value;
            }
        }

        private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

        private static string Boundary(MediaTypeHeaderValue contentType)
        {
            foreach (var parameter in contentType.Parameters)
            {
                if (string.Equals(parameter.Name, "boundary", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(parameter.Value))
                    return parameter.Value!.Trim('"');
            }
            throw Unreadable("multipart/form-data without a boundary");
        }

        private static void ReadMultipart(Dictionary<string, string> parameters, Dictionary<string, UploadedFile> files, byte[] body, string boundary)
        {
            var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
            var position = IndexOf(body, delimiter, 0);
            if (position < 0) throw Unreadable("the multipart boundary never appears in the body");
            while (true)
            {
                position += delimiter.Length;
                if (position + 1 < body.Length && body[position] == '-' && body[position + 1] == '-') return;
                position = SkipLineBreak(body, position);
                var headerEnd = IndexOf(body, CrLfCrLf, position);
                if (headerEnd < 0) throw Unreadable("a multipart part has no header end");
                var headers = Encoding.UTF8.GetString(body, position, headerEnd - position);
                var contentStart = headerEnd + CrLfCrLf.Length;
                var next = IndexOf(body, delimiter, contentStart);
                if (next < 0) throw Unreadable("the last multipart part is not closed");
                var contentEnd = next >= 2 && body[next - 2] == '\r' && body[next - 1] == '\n' ? next - 2 : next;
                AddPart(parameters, files, headers, body, contentStart, contentEnd - contentStart);
                position = next;
            }
        }

        private static readonly byte[] CrLfCrLf = { (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n' };

        private static void AddPart(Dictionary<string, string> parameters, Dictionary<string, UploadedFile> files, string headers, byte[] body, int start, int length)
        {
            string? name = null, fileName = null, contentType = null;
            foreach (var line in headers.Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = line.IndexOf(':');
                if (colon < 0) continue;
                var headerName = line.Substring(0, colon).Trim();
                var headerValue = line.Substring(colon + 1).Trim();
                if (string.Equals(headerName, "Content-Disposition", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var piece in headerValue.Split(';'))
                    {
                        var equals = piece.IndexOf('=');
                        if (equals < 0) continue;
                        var key = piece.Substring(0, equals).Trim();
                        var value = piece.Substring(equals + 1).Trim().Trim('"');
                        if (key == "name") name = value;
                        else if (key == "filename") fileName = value;
                    }
                }
                else if (string.Equals(headerName, "Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = headerValue;
                }
            }
            if (name == null) throw Unreadable("a multipart part has no name");
            if (fileName != null)
            {
                var content = new byte[length];
                Buffer.BlockCopy(body, start, content, 0, length);
                if (!files.ContainsKey(name)) files[name] = new UploadedFile(fileName, contentType ?? "application/octet-stream", content);
            }
            else if (!parameters.ContainsKey(name))
            {
                parameters[name] = Encoding.UTF8.GetString(body, start, length);
            }
        }

        private static int SkipLineBreak(byte[] body, int position)
        {
            if (position < body.Length && body[position] == '\r') position++;
            if (position < body.Length && body[position] == '\n') position++;
            return position;
        }

        private static int IndexOf(byte[] haystack, byte[] needle, int start)
        {
            for (var i = start; i <= haystack.Length - needle.Length; i++)
            {
                var j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j]) j++;
                if (j == needle.Length) return i;
            }
            return -1;
        }

        private static TopApiException Unreadable(string why) => new TopApiException(43, "Parameter error", "isv.invalid-multipart", why);
    }
}
