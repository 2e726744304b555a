using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace TaobaoTop.Emulator.Gateway
{
    /// <summary>One API the real TOP offers (from the catalog the client ships with).</summary>
    public sealed class CatalogEntry
    {
        public CatalogEntry(string method, string title, string session)
        {
            Method = method;
            Title = title;
            Session = session;
        }

        public string Method { get; }

        public string Title { get; }

        /// <summary>required | optional | none | unknown.</summary>
        public string Session { get; }
    }

    /// <summary>The TOP API catalog embedded from <c>TaobaoTop.Core/Catalog/top-api-catalog.tsv</c>.</summary>
    public static class ApiCatalog
    {
        internal const string ResourceName = "TaobaoTop.Emulator.top-api-catalog.tsv";

        private static readonly Lazy<IReadOnlyDictionary<string, CatalogEntry>> Entries = new Lazy<IReadOnlyDictionary<string, CatalogEntry>>(Load);

        public static IReadOnlyDictionary<string, CatalogEntry> All => Entries.Value;

        public static bool TryGet(string method, out CatalogEntry entry) => All.TryGetValue(method, out entry!);

        private static IReadOnlyDictionary<string, CatalogEntry> Load()
        {
            var entries = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
            using var stream = typeof(ApiCatalog).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException("The API catalog resource " + ResourceName + " is missing from the emulator assembly.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var columns = line.Split('\t');
                if (columns.Length < 4 || columns[0].Length == 0) continue;
                entries[columns[0]] = new CatalogEntry(columns[0], columns[1], columns[3]);
            }
            return entries;
        }
    }
}
