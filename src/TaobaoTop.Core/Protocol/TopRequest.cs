using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>One API call: the method, its business parameters and files.</summary>
    public sealed class TopRequest
    {
        public TopRequest(string method)
        {
            if (string.IsNullOrWhiteSpace(method)) throw new ArgumentException(CoreText.Get("RequestMethodRequired"), nameof(method));
            Method = method.Trim();
        }

        public string Method { get; }

        /// <summary>Business parameters; null or empty values are neither sent nor signed.</summary>
        public IDictionary<string, string?> Parameters { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

        public IDictionary<string, TopFile> Files { get; } = new Dictionary<string, TopFile>(StringComparer.Ordinal);

        /// <summary>A session for this call only, in place of the connection's.</summary>
        public Secret? Session { get; set; }

        /// <summary>Sends no session at all, as the OAuth APIs are called.</summary>
        public bool WithoutSession { get; set; }

        /// <summary>
        /// Whether sending the call twice is harmless. Only such calls are retried after a time-out or a dropped
        /// connection, where the first attempt may have been carried out. When not set, the catalog says: an API that
        /// does not write is, one that writes or that the catalog does not know is not.
        /// </summary>
        public bool? IsIdempotent { get; set; }

        /// <summary>Makes a reader that fills a typed model from the answer in the parser's pass (<see cref="TopResponse.Model"/>).</summary>
        public System.Func<ITopAnswerReader>? AnswerReader { get; set; }

        public TopRequest With(string name, object? value)
        {
            Parameters[name] = FormatValue(value);
            return this;
        }

        /// <summary>TOP's text form of a parameter value: invariant numbers, TOP time, lower-case booleans.</summary>
        public static string? FormatValue(object? value)
        {
            switch (value)
            {
                case null: return null;
                case string text: return text;
                case bool flag: return flag ? "true" : "false";
                case DateTimeOffset instant: return TopTime.ToTopString(instant);
                case DateTime time: return TopTime.ToTopString(time.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(time, TopTime.Offset) : new DateTimeOffset(time));
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString();
            }
        }

        /// <summary>The system parameters the client sets itself; a business parameter may not have these names.</summary>
        public static readonly IReadOnlyCollection<string> SystemParameterNames = new[]
        {
            "method", "app_key", "target_app_key", "sign_method", "sign", "session", "timestamp", "format", "v", "partner_id", "simplify",
        };

        /// <exception cref="ArgumentException">A business parameter has a system parameter's name; the message names each.</exception>
        public void CheckParameterNames()
        {
            var clashes = Parameters.Keys.Where(name => SystemParameterNames.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
            if (clashes.Count == 0) return;
            var names = string.Join(CoreText.Get("NameSeparator"), clashes.Select(name => CoreText.Format("QuotedName", name)));
            throw new ArgumentException(CoreText.Format(clashes.Count == 1 ? "SystemParameterClashOne" : "SystemParameterClashMany", Method, names));
        }

        public override string ToString() => Method;
    }
}
