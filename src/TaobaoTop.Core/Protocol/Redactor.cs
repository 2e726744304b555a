using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>
    /// The one way text from outside (a gateway's answer, an exception's message) is made safe to show: every known
    /// secret is masked, then the text may be cut to an excerpt. Masking comes first, so a cut never keeps part of one.
    /// </summary>
    public sealed class Redactor
    {
        public const int ExcerptLength = 200;
        private const string Mask = "********";

        private readonly string[] _values;

        public Redactor(IEnumerable<Secret?> secrets)
        {
            // A secret may come back URL-encoded (a proxy echoing the query string); longer values first, so one that
            // contains another is masked whole.
            _values = secrets.Where(s => s != null)
                .SelectMany(s => new[] { s!.Reveal(), Uri.EscapeDataString(s.Reveal()) })
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(v => v.Length)
                .ToArray();
        }

        public Redactor(params Secret?[] secrets)
            : this((IEnumerable<Secret?>)secrets)
        {
        }

        /// <summary>The text with every known secret masked.</summary>
        public string Redact(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            var result = text!;
            foreach (var value in _values) result = result.Replace(value, Mask);
            return result;
        }

        /// <summary>The text masked, then on one line and cut to <see cref="ExcerptLength"/> characters.</summary>
        public string Excerpt(string? text) => Cut(Redact(text));

        /// <summary>On one line, cut to <see cref="ExcerptLength"/> characters; only for text already redacted.</summary>
        public static string Cut(string text)
        {
            var flat = Regex.Replace(text, @"\s+", " ");
            return flat.Length <= ExcerptLength ? flat : flat.Substring(0, ExcerptLength) + "…";
        }
    }
}
