using System;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TaobaoTop.Core.Catalog;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>Turns a gateway body into a <see cref="TopResponse"/>, or an error that says what came back.</summary>
    public static class TopResponseParser
    {
        private static readonly Regex HtmlTitle = new Regex("<title>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);

        /// <param name="redactor">Masks secrets in text that is quoted in an error (a gateway or proxy may echo the request).</param>
        public static TopResponse Parse(string api, string? body, Redactor? redactor = null)
            => Parse(api, Encoding.UTF8.GetBytes(body ?? string.Empty), redactor);

        /// <summary>
        /// Checks the answer's bytes in one pass (a JSON object, not an error) and keeps them; nothing is decoded to text
        /// or built into a document unless it is an error (whose text alone is redacted) or a caller asks for the body.
        /// </summary>
        /// <param name="redactor">Masks secrets in text that is quoted in an error (a gateway or proxy may echo the request).</param>
        /// <param name="answerReader">
        /// Makes the request's own reader, handed the answer's properties in the same pass. It reads only the root the
        /// catalog names for the API; an answer of another shape leaves <see cref="TopResponse.Model"/> null.
        /// </param>
        public static TopResponse Parse(string api, ReadOnlyMemory<byte> utf8, Redactor? redactor = null, Func<ITopAnswerReader>? answerReader = null)
        {
            var span = utf8.Span;
            var start = 0;
            while (start < span.Length && IsWhiteSpace(span[start])) start++;
            if (start == span.Length || span[start] != (byte)'{') return TextPath(api, utf8, redactor);

            // The usual shape, {"xxx_response":{…,"request_id":"…"}}, is checked here; anything else (an error, a
            // simplify=true answer, broken JSON) takes the text path, which says exactly what came back.
            string? requestId = null;
            ITopAnswerReader? model = null;
            var reader = new Utf8JsonReader(span);
            try
            {
                reader.Read();
                if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueSpan.EndsWith(ResponseSuffix) || reader.ValueTextEquals(ErrorResponse))
                    return TextPath(api, utf8, redactor);
                if (answerReader != null && IsAnswerRoot(api, ref reader)) model = answerReader();
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return TextPath(api, utf8, redactor);
                ReadObject(ref reader, model, ref requestId);
                // The rest of the root: an error beside the answer makes it an error; another root may hold the request id.
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals(ErrorResponse)) return TextPath(api, utf8, redactor);
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject) ReadObject(ref reader, null, ref requestId);
                    else reader.Skip();
                }
                while (reader.Read())
                {
                }
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException)
            {
                return TextPath(api, utf8, redactor);
            }
            return new TopResponse(api, utf8, string.IsNullOrEmpty(requestId) ? null : requestId, model);
        }

        /// <summary>An object inside the root: its request_id, and each other property for the request's reader (else skipped).</summary>
        private static void ReadObject(ref Utf8JsonReader reader, ITopAnswerReader? model, ref string? requestId)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(RequestIdName))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String) requestId = reader.GetString();
                    else if (reader.TokenType == JsonTokenType.Number) requestId = Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                    else reader.Skip();
                }
                else if (model != null)
                {
                    model.ReadProperty(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }

        /// <summary>The root property the reader is on is the one the catalog names for the API (any xxx_response when it names none).</summary>
        private static bool IsAnswerRoot(string api, ref Utf8JsonReader reader)
            => !TopApiCatalog.Default.TryGet(api, out var info) || !(info.AnswerRoot is string name) || reader.ValueTextEquals(name);

        private static readonly byte[] ErrorResponse = Encoding.UTF8.GetBytes("error_response");
        private static readonly byte[] ResponseSuffix = Encoding.UTF8.GetBytes("_response");
        private static readonly byte[] RequestIdName = Encoding.UTF8.GetBytes("request_id");

        private static bool IsWhiteSpace(byte b) => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n';

        /// <summary>An answer of another shape: read as text, so an error says what came back (redacted).</summary>
        private static TopResponse TextPath(string api, ReadOnlyMemory<byte> utf8, Redactor? redactor)
            => ParseText(api, MemoryMarshal.TryGetArray(utf8, out var bytes) ? Encoding.UTF8.GetString(bytes.Array!, bytes.Offset, bytes.Count) : Encoding.UTF8.GetString(utf8.ToArray()), redactor);

        /// <summary>Errors and answers that are not TOP answers throw; simplify=true answers come back.</summary>
        private static TopResponse ParseText(string api, string? body, Redactor? redactor)
        {
            redactor ??= new Redactor();
            var text = body?.Trim() ?? string.Empty;
            var quoted = redactor.Redact(text);
            if (text.Length == 0)
            {
                throw new TopResponseException(api, CoreText.Format("AnswerEmpty", api), null);
            }
            if (text[0] == '<')
            {
                throw new TopResponseException(api, CoreText.Format("AnswerMarkup", api, DescribeMarkup(quoted), Excerpt(quoted)), Excerpt(quoted));
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException ex)
            {
                var message = LooksTruncated(text)
                    ? CoreText.Format("AnswerCutOff", api, text.Length, Excerpt(quoted))
                    : CoreText.Format("AnswerNotJson", api, ex.Message, Excerpt(quoted));
                throw new TopResponseException(api, message, Excerpt(quoted));
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new TopResponseException(api, CoreText.Format("AnswerNotObject", api, Excerpt(quoted)), Excerpt(quoted));
                }
                if (root.TryGetProperty("error_response", out var error))
                {
                    throw ToException(api, error, redactor);
                }

                var inner = Unwrap(root, api);
                return new TopResponse(api, inner.Clone(), body!, inner.Text("request_id"));
            }
        }

        /// <summary>
        /// The object inside the catalog's answer root, else inside the first <c>xxx_response</c>; the root itself for
        /// <c>simplify=true</c> answers.
        /// </summary>
        internal static JsonElement Unwrap(JsonElement root, string api)
        {
            if (TopApiCatalog.Default.TryGet(api, out var info) && info.AnswerRoot is string name
                && root.TryGetProperty(name, out var known) && known.ValueKind == JsonValueKind.Object)
            {
                return known;
            }
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name.EndsWith("_response", StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.Object)
                {
                    return property.Value;
                }
                break;
            }
            return root;
        }

        /// <summary>The gateway's texts may echo the session (<c>Invalid session: …</c>): masked before they reach the exception.</summary>
        private static TopApiException ToException(string api, JsonElement error, Redactor redactor)
            => new TopApiException(api, error.Int("code") ?? 0, Masked(error.Text("msg"), redactor), Masked(error.Text("sub_code"), redactor), Masked(error.Text("sub_msg"), redactor), error.Text("request_id"));

        private static string? Masked(string? text, Redactor redactor) => text is null ? null : redactor.Redact(text);

        private static string DescribeMarkup(string text)
        {
            if (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)) return CoreText.Get("MarkupXml");
            var title = HtmlTitle.Match(text);
            return title.Success ? CoreText.Format("MarkupHtmlTitled", title.Groups[1].Value.Trim()) : CoreText.Get("MarkupHtml");
        }

        private static bool LooksTruncated(string text)
        {
            var first = text[0];
            var last = text[text.Length - 1];
            return (first == '{' && last != '}') || (first == '[' && last != ']');
        }

        /// <summary>An excerpt of text that was already redacted.</summary>
        internal static string Excerpt(string text) => Redactor.Cut(text);
    }
}
