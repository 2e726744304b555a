using System;
using System.Text.Json;
using System.Text.RegularExpressions;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Json;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>Turns a gateway body into a <see cref="TopResponse"/>, or an error that says what came back.</summary>
    public static class TopResponseParser
    {
        private const int ExcerptLength = 200;

        private static readonly Regex HtmlTitle = new Regex("<title>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);

        /// <param name="redact">Masks secrets in text that is quoted in an error (a proxy page may echo the request).</param>
        public static TopResponse Parse(string api, string? body, Func<string, string>? redact = null)
        {
            var text = body?.Trim() ?? string.Empty;
            var quoted = redact is null || text.Length == 0 ? text : redact(text);
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
                    throw ToException(api, error);
                }

                var inner = Unwrap(root);
                return new TopResponse(api, inner.Clone(), body!, inner.Text("request_id"));
            }
        }

        /// <summary>The object inside <c>xxx_response</c>; the root itself for <c>simplify=true</c> answers.</summary>
        private static JsonElement Unwrap(JsonElement root)
        {
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

        private static TopApiException ToException(string api, JsonElement error)
            => new TopApiException(api, error.Int("code") ?? 0, error.Text("msg"), error.Text("sub_code"), error.Text("sub_msg"), error.Text("request_id"));

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

        internal static string Excerpt(string text)
        {
            var flat = Regex.Replace(text, @"\s+", " ");
            return flat.Length <= ExcerptLength ? flat : flat.Substring(0, ExcerptLength) + "…";
        }
    }
}
