using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Items
{
    /// <summary>Reads a product sheet saved as CSV; each row keeps the line it starts on, for error messages.</summary>
    public sealed class ItemSheetReader
    {
        public ItemSheetReader(string path, Encoding? encoding = null)
        {
            Path = path;
            Text = SheetEncoding.Decode(File.ReadAllBytes(path), encoding, out var used);
            Encoding = used;
        }

        public string Path { get; }

        /// <summary>The encoding the file was read with (given, from its BOM, or detected).</summary>
        public Encoding Encoding { get; }

        private string Text { get; }

        /// <summary>The header line's columns, as written.</summary>
        public IReadOnlyList<string> Headers { get; private set; } = Array.Empty<string>();

        /// <summary>The columns that name no item field; they are kept in each row's source record.</summary>
        public IReadOnlyList<string> OtherColumns { get; private set; } = Array.Empty<string>();

        public IEnumerable<ItemRow> ReadRows()
        {
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                DetectDelimiter = true,
                BadDataFound = null,
                MissingFieldFound = null,
                TrimOptions = TrimOptions.None,
            };
            using (var reader = new StringReader(Text))
            using (var csv = new CsvReader(reader, configuration))
            {
                if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null) yield break;
                var headers = csv.HeaderRecord;
                Headers = headers;
                var fields = new string?[headers.Length];
                var others = new List<string>();
                var columnOf = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < headers.Length; i++)
                {
                    fields[i] = ItemColumns.FieldOf(headers[i]);
                    if (fields[i] is null) others.Add(headers[i]);
                    else if (columnOf.TryGetValue(fields[i]!, out var first))
                    {
                        throw new InvalidDataException(CoreText.Format("ColumnsGiveSameField", Path, first, headers[i], ItemColumns.Describe(fields[i]!)));
                    }
                    else columnOf[fields[i]!] = headers[i];
                }
                OtherColumns = others;

                var number = 0;
                while (csv.Read())
                {
                    CheckQuotesClosed(csv.Parser);
                    var row = new ItemRow { LineNumber = StartLine(csv.Parser), RowNumber = ++number };
                    var source = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    var extra = new Dictionary<string, string>(StringComparer.Ordinal);
                    var empty = true;
                    for (var i = 0; i < headers.Length; i++)
                    {
                        var value = i < csv.Parser.Count ? csv.Parser[i] : null;
                        if (!string.IsNullOrWhiteSpace(value)) empty = false;
                        if (headers[i].Length > 0 && !source.ContainsKey(headers[i])) source[headers[i]] = value ?? string.Empty;
                        if (fields[i] is string field) row.Set(field, value);
                        else if (headers[i].Length > 0 && !extra.ContainsKey(headers[i])) extra[headers[i].Trim().TrimStart('\uFEFF')] = value ?? string.Empty;
                    }
                    // Excel leaves rows of bare commas at the end of a sheet.
                    if (empty)
                    {
                        number--;
                        continue;
                    }
                    row.Source = source;
                    row.Extra = extra;
                    yield return row;
                }
            }
        }

        /// <summary>
        /// A quote that is never closed swallows the rest of the sheet into one record, which then spans lines with an
        /// odd number of quotes.
        /// </summary>
        private void CheckQuotesClosed(IParser parser)
        {
            var raw = parser.RawRecord;
            var quotes = 0;
            foreach (var c in raw) if (c == '"') quotes++;
            // A stray quote inside a field (6.1" screen) keeps its record on one line and is text.
            if (quotes % 2 == 0 || raw.TrimEnd('\r', '\n').IndexOf('\n') < 0) return;
            // The record runs to the end of the file; count back from its last line.
            var trimmed = Text.TrimEnd('\r', '\n');
            var lastLine = 1;
            foreach (var c in trimmed) if (c == '\n') lastLine++;
            var breaks = 0;
            foreach (var c in raw.TrimEnd('\r', '\n')) if (c == '\n') breaks++;
            throw new InvalidDataException(CoreText.Format("UnclosedQuote", Path, lastLine - breaks, lastLine));
        }

        /// <summary>RawRow is the line a record ends on; a quoted field may span lines.</summary>
        private static int StartLine(IParser parser)
        {
            var raw = parser.RawRecord.TrimEnd('\r', '\n');
            var breaks = 0;
            foreach (var c in raw) if (c == '\n') breaks++;
            return parser.RawRow - breaks;
        }
    }
}
