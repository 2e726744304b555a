using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace TaobaoTop.Core.Catalog
{
    /// <summary>
    /// The APIs TaobaoTop knows by name: the affiliate (淘宝客) catalog, seller item and OAuth APIs. Calling one that is
    /// not here still works (TOP adds APIs all the time); the catalog only adds titles and session checks.
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

        private static TopApiCatalog Load()
        {
            using (var stream = typeof(TopApiCatalog).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException("The API catalog resource is missing from " + typeof(TopApiCatalog).Assembly.FullName))
            using (var reader = new StreamReader(stream, Encoding.UTF8))
            {
                return new TopApiCatalog(Parse(reader));
            }
        }

        /// <summary>Reads the catalog TSV: method, title, role, session (required|optional|none|unknown), required parameters.</summary>
        public static IEnumerable<TopApiInfo> Parse(TextReader reader)
        {
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var cells = line.Split('\t');
                if (cells.Length < 5) throw new FormatException("An API catalog line needs 5 tab-separated cells: " + line);
                yield return new TopApiInfo(cells[0], cells[1], cells[2], ParseSession(cells[3]), cells[4].Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries));
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
