using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaobaoTop.Core.Items
{
    /// <summary>
    /// A JSON-lines record of every row's outcome, written and flushed as it happens, so a run that was killed can
    /// be started again with the same journal and do only what is left. The last line for a row wins.
    /// </summary>
    public sealed class ItemJournal : IDisposable
    {
        public const string Sending = "Sending";
        public const string InDoubt = "InDoubt";

        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        private readonly Dictionary<string, ItemJournalEntry> _entries = new Dictionary<string, ItemJournalEntry>(StringComparer.Ordinal);
        private readonly StreamWriter _writer;
        private readonly object _lock = new object();
        private bool _closed;

        private ItemJournal(string path)
        {
            if (File.Exists(path))
            {
                foreach (var line in File.ReadAllLines(path, Encoding.UTF8))
                {
                    var entry = Parse(line);
                    if (entry?.Key != null) _entries[entry.Key] = entry;
                }
            }
            var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            _writer = new StreamWriter(stream, new UTF8Encoding(false));
            // A line cut off by a kill would swallow the next one.
            if (stream.Length > 0 && !EndsWithNewline(path)) _writer.WriteLine();
        }

        /// <summary>Rows the journal already knew when opened.</summary>
        public int PriorEntries { get; private set; }

        public static ItemJournal Open(string path)
        {
            var journal = new ItemJournal(path);
            journal.PriorEntries = journal._entries.Count;
            return journal;
        }

        public ItemJournalEntry? Find(string key)
        {
            lock (_lock) return _entries.TryGetValue(key, out var entry) ? entry : null;
        }

        public void Record(ItemJournalEntry entry)
        {
            entry.Time ??= DateTimeOffset.Now;
            var line = JsonSerializer.Serialize(entry, Json);
            lock (_lock)
            {
                _entries[entry.Key] = entry;
                // Calls still finishing after a stop find the journal closed; their rows keep their Sending line, so a
                // run with this journal checks them by outer_id.
                if (_closed) return;
                _writer.WriteLine(line);
                _writer.Flush();
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _closed = true;
                _writer.Dispose();
            }
        }

        private static ItemJournalEntry? Parse(string line)
        {
            if (string.IsNullOrWhiteSpace(line)) return null;
            try
            {
                return JsonSerializer.Deserialize<ItemJournalEntry>(line, Json);
            }
            catch (JsonException)
            {
                // The last line of a killed run may be cut off; that row is simply not known to be done.
                return null;
            }
        }

        private static bool EndsWithNewline(string path)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                if (stream.Length == 0) return true;
                stream.Seek(-1, SeekOrigin.End);
                return stream.ReadByte() == '\n';
            }
        }
    }

    /// <summary>One line of the journal.</summary>
    public sealed class ItemJournalEntry
    {
        /// <summary>outer_id:&lt;id&gt; for rows with one; row:&lt;n&gt;:&lt;hash of the row&gt; otherwise.</summary>
        [JsonPropertyName("key")]
        public string Key { get; set; } = "";

        [JsonPropertyName("row")]
        public int Row { get; set; }

        [JsonPropertyName("line")]
        public int? Line { get; set; }

        /// <summary>A <see cref="TaobaoTop.TaobaoItemStatus"/> name, or Sending / InDoubt while a write's fate is open.</summary>
        [JsonPropertyName("status")]
        public string Status { get; set; } = "";

        [JsonPropertyName("num_iid")]
        public long? NumIid { get; set; }

        [JsonPropertyName("outer_id")]
        public string? OuterId { get; set; }

        [JsonPropertyName("title")]
        public string? Title { get; set; }

        /// <summary>Items with the row's outer_id that existed before the first item.add: never mistaken for this row's.</summary>
        [JsonPropertyName("existing")]
        public long[]? Existing { get; set; }

        [JsonPropertyName("error")]
        public string? Error { get; set; }

        [JsonPropertyName("time")]
        public DateTimeOffset? Time { get; set; }

        public bool IsDone => Status == nameof(TaobaoItemStatus.Added) || Status == nameof(TaobaoItemStatus.Skipped) || Status == nameof(TaobaoItemStatus.AddedEarlier);

        public bool IsOpen => Status == ItemJournal.Sending || Status == ItemJournal.InDoubt;
    }
}
