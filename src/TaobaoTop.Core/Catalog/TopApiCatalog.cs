using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Catalog
{
    /// <summary>
    /// The APIs TaobaoTop knows by name, and the one place their facts live: the affiliate (淘宝客) catalog, seller
    /// item and OAuth APIs, each with its title, role, whether it needs a session, its required parameters, whether it
    /// writes and its answer root. Calling one that is not here still works (TOP adds APIs all the time); it is then
    /// treated as a write, never sent twice after a failure that may have been carried out.
    /// </summary>
    public sealed class TopApiCatalog
    {
        private const string ResourceName = "TaobaoTop.Core.Catalog.top-api-catalog.tsv";

        private static readonly Lazy<TopApiCatalog> Embedded = new Lazy<TopApiCatalog>(Load);

        private readonly Dictionary<string, TopApiInfo> _byMethod;

        public TopApiCatalog(IEnumerable<TopApiInfo> apis)
        {
            _byMethod = apis.ToDictionary(a => a.Method, StringComparer.OrdinalIgnoreCase);
            All = _byMethod.Values.OrderBy(a => a.Method, StringComparer.Ordinal).ToArray();
        }

        public static TopApiCatalog Default => Embedded.Value;

        public IReadOnlyList<TopApiInfo> All { get; }

        public bool TryGet(string method, out TopApiInfo api) => _byMethod.TryGetValue(method, out api!);

        /// <summary>Whether the API changes anything; true for an API not in the catalog, since sending a write twice is the harm to avoid.</summary>
        public bool Writes(string method) => !TryGet(method, out var api) || api.Writes;

        private static TopApiCatalog Load()
        {
            using (var stream = typeof(TopApiCatalog).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException(CoreText.Format("CatalogMissing", typeof(TopApiCatalog).Assembly.FullName)))
            using (var reader = new StreamReader(stream, Encoding.UTF8))
            {
                return new TopApiCatalog(Parse(reader));
            }
        }

        /// <summary>
        /// Reads the catalog TSV: method, title, role, session (required|optional|none|unknown), required parameters,
        /// writes (yes|no), answer root (empty when not known).
        /// </summary>
        public static IEnumerable<TopApiInfo> Parse(TextReader reader)
        {
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var cells = line.Split('\t');
                if (cells.Length < 7) throw new FormatException(CoreText.Format("CatalogLineCells", line));
                yield return new TopApiInfo(cells[0], cells[1], cells[2], ParseSession(cells[3]), cells[4].Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries),
                    ParseWrites(cells[5], line), cells[6].Length == 0 ? null : cells[6]);
            }
        }

        private static bool ParseWrites(string text, string line)
        {
            switch (text)
            {
                case "yes": return true;
                case "no": return false;
                default: throw new FormatException(CoreText.Format("CatalogLineWrites", line));
            }
        }

        private static TopSessionRequirement ParseSession(string text)
        {
            switch (text)
            {
                case "required": return TopSessionRequirement.Required;
                case "optional": return TopSessionRequirement.Optional;
                case "none": return TopSessionRequirement.None;
                default: return TopSessionRequirement.Unknown;
            }
        }
    }
}
