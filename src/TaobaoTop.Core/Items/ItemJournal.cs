using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Items
{
    /// <summary>
    /// A JSON-lines record of every row's outcome, written and flushed as it happens, so a run that was killed can
    /// be started again with the same journal and do only what is left. The last line for a row wins. One run holds
    /// a journal at a time, by an exclusive OS lock on a <c>.lock</c> file beside it that the OS releases when the
    /// process ends, however it ends; the journal itself stays readable.
    /// </summary>
    public sealed class ItemJournal : IDisposable
    {
        public const string Sending = "Sending";
        public const string InDoubt = "InDoubt";

        /// <summary>The key of the line each run writes first, naming the process that holds the journal.</summary>
        private const string RunKey = "run";

        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        private readonly Dictionary<string, ItemJournalEntry> _entries = new Dictionary<string, ItemJournalEntry>(StringComparer.Ordinal);
        private readonly string _path;
        private readonly FileStream _hold;
        private readonly StreamWriter _writer;
        private readonly object _lock = new object();
        private bool _closed;
        private Exception? _failure;

        private ItemJournal(string path, Func<Stream, Stream>? wrap)
        {
            _path = path;
            _hold = Hold(path);
            try
            {
                if (File.Exists(path))
                {
                    foreach (var line in File.ReadAllLines(path, Encoding.UTF8))
                    {
                        var entry = Parse(line);
                        if (entry?.Key != null && entry.Key != RunKey) _entries[entry.Key] = entry;
                    }
                }
                var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
                var torn = stream.Length > 0 && !EndsWithNewline(path);
                _writer = new StreamWriter(wrap is null ? stream : wrap(stream), new UTF8Encoding(false));
                // A line cut off by a kill would swallow the next one.
                if (torn) _writer.WriteLine();
                _writer.WriteLine(JsonSerializer.Serialize(new ItemJournalEntry { Key = RunKey, Status = "Started", Process = ThisProcess(), Time = DateTimeOffset.Now }, Json));
                _writer.Flush();
            }
            catch
            {
                _hold.Dispose();
                throw;
            }
        }

        /// <summary>Rows the journal already knew when opened.</summary>
        public int PriorEntries { get; private set; }

        public static ItemJournal Open(string path) => Open(path, null);

        /// <param name="wrap">Wraps the stream the journal writes to: tests use it to fill the disk.</param>
        internal static ItemJournal Open(string path, Func<Stream, Stream>? wrap)
        {
            var journal = new ItemJournal(path, wrap);
            var pictures = 0;
            foreach (var key in journal._entries.Keys) if (IsPictureKey(key)) pictures++;
            journal.PriorEntries = journal._entries.Count - pictures;
            return journal;
        }

        /// <summary>Picture and SKU lines (an upload by content hash, a picture or a later SKU attached to an item) are not rows.</summary>
        public static bool IsPictureKey(string key)
            => key.StartsWith(PictureKeyPrefix, StringComparison.Ordinal) || key.StartsWith(AttachedKeyPrefix, StringComparison.Ordinal);

        public const string PictureKeyPrefix = "picture:";

        public const string AttachedKeyPrefix = "attached:";

        public const string Attached = "Attached";

        public ItemJournalEntry? Find(string key)
        {
            lock (_lock) return _entries.TryGetValue(key, out var entry) ? entry : null;
        }

        /// <exception cref="ItemJournalWriteException">The line could not be written (a full disk); so can none after it.</exception>
        public void Record(ItemJournalEntry entry)
        {
            entry.Time ??= DateTimeOffset.Now;
            var line = JsonSerializer.Serialize(entry, Json);
            lock (_lock)
            {
                if (_failure != null) throw new ItemJournalWriteException(_path, entry, _failure);
                // A row is never sent without its Sending line: after a stop closed the journal, a row still on its way
                // to a call slot is not sent at all.
                if (_closed && entry.Status == Sending) throw new OperationCanceledException(CoreText.Format("JournalClosed", _path));
                _entries[entry.Key] = entry;
                // Calls still finishing after a stop find the journal closed; their rows keep their Sending line, so a
                // run with this journal checks them by outer_id.
                if (_closed) return;
                try
                {
                    _writer.WriteLine(line);
                    _writer.Flush();
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    _failure = ex;
                    throw new ItemJournalWriteException(_path, entry, ex);
                }
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                if (_closed) return;
                _closed = true;
                try
                {
                    _writer.Dispose();
                }
                catch (IOException) when (_failure != null)
                {
                    // The lines the disk would not take were reported when they failed.
                }
                finally
                {
                    _hold.Dispose();
                }
            }
        }

        /// <summary>Takes the journal's lock file for this run, or says who has it.</summary>
        private static FileStream Hold(string path)
        {
            var lockPath = path + ".lock";
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (!(ex is FileNotFoundException) && !(ex is DirectoryNotFoundException) && !(ex is PathTooLongException))
            {
                throw new ItemJournalInUseException(path, LastHolder(path), ex);
            }
        }

        /// <summary>The process named by the journal's last run line: the one that holds it now.</summary>
        private static string? LastHolder(string path)
        {
            try
            {
                string? holder = null;
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                using (var reader = new StreamReader(stream, Encoding.UTF8))
                {
                    for (var line = reader.ReadLine(); line != null; line = reader.ReadLine())
                    {
                        if (line.IndexOf("\"key\":\"" + RunKey + "\"", StringComparison.Ordinal) >= 0 && Parse(line) is ItemJournalEntry entry) holder = entry.Process;
                    }
                }
                return holder;
            }
            catch (IOException)
            {
                return null;
            }
        }

        private static string ThisProcess()
        {
            using (var process = System.Diagnostics.Process.GetCurrentProcess())
            {
                return "process " + process.Id + " (" + process.ProcessName + ") on " + Environment.MachineName;
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

    /// <summary>Another run holds the journal; nothing was sent.</summary>
    public sealed class ItemJournalInUseException : IOException
    {
        public ItemJournalInUseException(string path, string? holder, Exception inner)
            : base(CoreText.Format("JournalInUse", path, holder ?? CoreText.Get("AnotherRun")), inner)
        {
            Path = path;
            Holder = holder;
        }

        public string Path { get; }

        /// <summary>"process &lt;id&gt; (&lt;name&gt;) on &lt;host&gt;", when the journal says.</summary>
        public string? Holder { get; }
    }

    /// <summary>A journal line could not be written: the run must stop, as a row not journaled could be added twice later.</summary>
    public sealed class ItemJournalWriteException : IOException
    {
        public ItemJournalWriteException(string path, ItemJournalEntry entry, Exception inner)
            : base(CoreText.Format("JournalNotWritten", path, inner.Message, Known(entry)), inner)
        {
            Path = path;
            Entry = entry;
        }

        public string Path { get; }

        /// <summary>The line that could not be written.</summary>
        public ItemJournalEntry Entry { get; }

        private static string Known(ItemJournalEntry entry)
        {
            var row = entry.OuterId != null ? CoreText.Format("JournalRowOuterId", entry.Row, entry.OuterId) : CoreText.Format("JournalRow", entry.Row);
            switch (entry.Status)
            {
                case ItemJournal.Sending:
                    return row + CoreText.Get("JournalNotSent");
                case nameof(TaobaoItemStatus.Added):
                    return row + CoreText.Format(entry.OuterId != null ? "JournalAddedFindable" : "JournalAddedNoOuterId", entry.NumIid);
                case ItemJournal.InDoubt:
                    return row + CoreText.Get("JournalInDoubt");
                default:
                    return row + CoreText.Format("JournalOutcomeNotRecorded", entry.Status);
            }
        }
    }

    /// <summary>One line of the journal.</summary>
    public sealed class ItemJournalEntry
    {
        /// <summary>outer_id:&lt;id&gt; for rows with one; content:&lt;hash of the row's content&gt; otherwise.</summary>
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

        /// <summary>On a picture line: where the picture is in the picture space (for an upload by content hash).</summary>
        [JsonPropertyName("picture_path")]
        public string? PicturePath { get; set; }

        /// <summary>On a run's first line: the process that holds the journal.</summary>
        [JsonPropertyName("process")]
        public string? Process { get; set; }

        [JsonPropertyName("time")]
        public DateTimeOffset? Time { get; set; }

        [JsonIgnore]
        public bool IsDone => Status == nameof(TaobaoItemStatus.Added) || Status == nameof(TaobaoItemStatus.Skipped) || Status == nameof(TaobaoItemStatus.AddedEarlier);

        [JsonIgnore]
        public bool IsOpen => Status == ItemJournal.Sending || Status == ItemJournal.InDoubt;
    }
}
