using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Items;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Channels
{
    /// <summary>
    /// Reads channel definitions from CSV (columns Channel, State, AdzoneId, RelationId, Cost, TaoPassword; several ids
    /// or 淘口令 separated by ';' or '|') or JSON (an array of objects with the same names, ids as numbers or arrays). Every problem names its
    /// line or item.
    /// </summary>
    public static class ChannelDefinitionReader
    {
        private static readonly char[] IdSeparators = { ';', '|', ' ' };

        public static IReadOnlyList<ChannelDefinition> ReadFile(string path)
        {
            var text = SheetEncoding.Decode(File.ReadAllBytes(path), null, out _);
            var channels = text.TrimStart().StartsWith("[", StringComparison.Ordinal) ? ReadJson(text, path) : ReadCsv(text, path);
            return Validate(channels, path);
        }

        public static IReadOnlyList<ChannelDefinition> ReadCsv(string text, string source)
        {
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                DetectDelimiter = true,
                MissingFieldFound = null,
                PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            };
            var channels = new List<ChannelDefinition>();
            using (var reader = new StringReader(text))
            using (var csv = new CsvReader(reader, configuration))
            {
                if (!csv.Read() || !csv.ReadHeader()) throw new FormatException(CoreText.Format("ChannelsNoHeader", source));
                var headers = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
                if (!headers.Contains("channel")) throw new FormatException(CoreText.Format("ChannelsNoChannelColumn", source));
                while (csv.Read())
                {
                    var line = csv.Parser.RawRow;
                    string? Field(string name) => headers.Contains(name) ? csv.GetField(name)?.Trim() : null;
                    if (string.IsNullOrEmpty(Field("channel"))) continue;
                    try
                    {
                        channels.Add(new ChannelDefinition(Field("channel")!, Field("state"), Ids(Field("adzoneid")), Ids(Field("relationid")), Cost(Field("cost")), Passwords(Field("taopassword") ?? Field("淘口令"))));
                    }
                    catch (Exception ex) when (ex is FormatException || ex is ArgumentException)
                    {
                        throw new FormatException(CoreText.Format("ChannelsAtLine", source, line.ToString(CultureInfo.InvariantCulture), ex.Message), ex);
                    }
                }
            }
            return channels;
        }

        public static IReadOnlyList<ChannelDefinition> ReadJson(string text, string source)
        {
            var channels = new List<ChannelDefinition>();
            using (var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }))
            {
                var index = 0;
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    index++;
                    try
                    {
                        channels.Add(new ChannelDefinition(
                            Property(item, "channel")?.GetString() ?? string.Empty,
                            Property(item, "state")?.GetString(),
                            JsonIds(Property(item, "adzoneId") ?? Property(item, "adzoneIds")),
                            JsonIds(Property(item, "relationId") ?? Property(item, "relationIds")),
                            Property(item, "cost") is JsonElement cost ? (cost.ValueKind == JsonValueKind.String ? Cost(cost.GetString()) : Cost(cost.GetDecimal(), cost.GetRawText())) : 0m,
                            JsonPasswords(Property(item, "taoPassword") ?? Property(item, "taoPasswords"))));
                    }
                    catch (Exception ex) when (ex is FormatException || ex is ArgumentException || ex is InvalidOperationException)
                    {
                        throw new FormatException(CoreText.Format("ChannelsAtItem", source, index.ToString(CultureInfo.InvariantCulture), ex.Message), ex);
                    }
                }
            }
            return channels;
        }

        /// <summary>Names, states and affiliate ids must be unique, or an order or customer could count twice.</summary>
        public static IReadOnlyList<ChannelDefinition> Validate(IReadOnlyList<ChannelDefinition> channels, string source)
        {
            if (channels.Count == 0) throw new FormatException(CoreText.Format("ChannelsNone", source));
            Unique(channels.Select(c => c.Name), "channel", source, StringComparer.OrdinalIgnoreCase);
            Unique(channels.Where(c => c.State != null).Select(c => c.State!), "state", source, StringComparer.Ordinal);
            Unique(channels.SelectMany(c => c.AdzoneIds).Select(i => i.ToString(CultureInfo.InvariantCulture)), CoreText.Get("ChannelsAdzoneId"), source, StringComparer.Ordinal);
            Unique(channels.SelectMany(c => c.RelationIds).Select(i => i.ToString(CultureInfo.InvariantCulture)), CoreText.Get("ChannelsRelationId"), source, StringComparer.Ordinal);
            Unique(channels.SelectMany(c => c.TaoPasswords), "淘口令", source, StringComparer.Ordinal);
            return channels;
        }

        private static void Unique(IEnumerable<string> values, string what, string source, StringComparer comparer)
        {
            var twice = values.GroupBy(v => v, comparer).FirstOrDefault(g => g.Count() > 1);
            if (twice != null) throw new FormatException(CoreText.Format("ChannelsIdTwice", source, what, twice.Key));
        }

        private static JsonElement? Property(JsonElement item, string name)
        {
            foreach (var property in item.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null) return property.Value;
            }
            return null;
        }

        private static IReadOnlyList<long> JsonIds(JsonElement? value)
        {
            if (value is null) return Array.Empty<long>();
            var element = value.Value;
            if (element.ValueKind == JsonValueKind.Array) return element.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? Id(e.GetString()!) : e.GetInt64()).ToArray();
            return element.ValueKind == JsonValueKind.String ? Ids(element.GetString()) : new[] { element.GetInt64() };
        }

        private static IReadOnlyList<long> Ids(string? text)
            => string.IsNullOrWhiteSpace(text) ? Array.Empty<long>() : text!.Split(IdSeparators, StringSplitOptions.RemoveEmptyEntries).Select(Id).ToArray();

        private static long Id(string text)
            => long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new FormatException(CoreText.Format("NotAnId", text));

        private static IReadOnlyList<string> JsonPasswords(JsonElement? value)
        {
            if (value is null) return Array.Empty<string>();
            var element = value.Value;
            return element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(e => Password(e.GetString() ?? string.Empty)).ToArray() : Passwords(element.GetString());
        }

        // Share texts have spaces, so a cell of several 淘口令 is split on ';' and '|' only.
        private static IReadOnlyList<string> Passwords(string? text)
            => string.IsNullOrWhiteSpace(text) ? Array.Empty<string>() : text!.Split(new[] { ';', '|' }, StringSplitOptions.RemoveEmptyEntries).Select(Password).ToArray();

        private static string Password(string text)
            => TbkPasswordText.TryFind(text.Trim(), out var code) || TbkPasswordText.TryFind("￥" + text.Trim() + "￥", out code)
                ? code
                : throw new FormatException(CoreText.Format("NotATaoPassword", text));

        private static decimal Cost(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return 0m;
            return Money.TryParse(text, out var cost, out var problem) ? Cost(cost, text!) : throw new FormatException(CoreText.Format("NotACost", text, problem));
        }

        private static decimal Cost(decimal cost, string text)
            => Money.HasAtMostTwoDecimals(cost) ? Money.ToFen(cost) : throw new FormatException(CoreText.Format("CostDecimals", text));
    }
}
