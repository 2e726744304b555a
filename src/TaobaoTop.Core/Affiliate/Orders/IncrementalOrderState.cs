using System;
using System.IO;
using System.Text;
using System.Text.Json;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Affiliate.Orders
{
    /// <summary>
    /// What an incremental order sync remembers between runs: the modified time it has synced through. The next run
    /// starts an overlap earlier, so an update indexed late is not missed (consumers upsert by trade id).
    /// </summary>
    public sealed class IncrementalOrderState
    {
        public IncrementalOrderState(DateTimeOffset syncedThrough)
        {
            SyncedThrough = syncedThrough;
        }

        public DateTimeOffset SyncedThrough { get; }

        /// <summary>The saved state; null when there is none (a first run).</summary>
        /// <exception cref="InvalidDataException">The file is unreadable or half-written; the message names it.</exception>
        public static IncrementalOrderState? Load(string path)
        {
            if (!File.Exists(path))
            {
                if (File.Exists(Temporary(path)))
                {
                    throw new InvalidDataException(CoreText.Format("OrderStateInterrupted", path, Temporary(path)));
                }
                return null;
            }
            string? text;
            try
            {
                using (var document = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8)))
                {
                    text = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("synced_through", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                }
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException(CoreText.Format("OrderStateNotJson", path, ex.Message), ex);
            }
            if (!TopTime.TryParse(text, out var syncedThrough))
            {
                throw new InvalidDataException(CoreText.Format("OrderStateNoTime", path));
            }
            return new IncrementalOrderState(syncedThrough);
        }

        /// <summary>Writes the state atomically: a flushed temporary file replaces the old one, so a kill at any point leaves a whole state.</summary>
        public void Save(string path)
        {
            var json = "{\"synced_through\":\"" + TopTime.ToTopString(SyncedThrough) + "\",\"query_type\":\"modified\"}\n";
            var temporary = Temporary(path);
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                var bytes = new UTF8Encoding(false).GetBytes(json);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }
            if (File.Exists(path)) File.Replace(temporary, path, null);
            else File.Move(temporary, path);
        }

        private static string Temporary(string path) => path + ".tmp";
    }
}
