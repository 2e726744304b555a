using System;
using System.Text.Json;
using System.Text.RegularExpressions;
using TaobaoTop.Core.Catalog;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Json;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>Turns a gateway body into a <see cref="TopResponse"/>, or an error that says what came back.</summary>
    public static class TopResponseParser
    {
        private static readonly Regex HtmlTitle = new Regex("<title>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);

        /// <param name="redactor">Masks secrets in text that is quoted in an error (a gateway or proxy may echo the request).</param>
        public static TopResponse Parse(string api, string? body, Redactor? redactor = null)
        {
            redactor ??= new Redactor();
            var text = body?.Trim() ?? string.Empty;
            var quoted = redactor.Redact(text);
            if (text.Length == 0)
            {
                throw new TopResponseException(api, api + ": the gateway answered HTTP 200 with an empty body (no TOP answer). A proxy may have cut the connection.", null);
            }
            if (text[0] == '<')
            {
                throw new TopResponseException(api, api + ": the gateway answered " + DescribeMarkup(quoted) + " instead of JSON: " + Excerpt(quoted), Excerpt(quoted));
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException ex)
            {
                var what = LooksTruncated(text)
                    ? $"a JSON answer cut off after {text.Length:N0} characters"
                    : "text that is not valid JSON (" + ex.Message + ")";
                throw new TopResponseException(api, api + ": the gateway answered " + what + ": " + Excerpt(quoted), Excerpt(quoted));
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new TopResponseException(api, api + ": the gateway answered JSON that is not an object: " + Excerpt(quoted), Excerpt(quoted));
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
        private static JsonElement Unwrap(JsonElement root, string api)
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
            if (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)) return "XML (TaobaoTop asks for format=json; is this a TOP gateway?)";
            var title = HtmlTitle.Match(text);
            return title.Success ? "an HTML page titled \"" + title.Groups[1].Value.Trim() + "\"" : "an HTML page";
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
