using System;
using System.IO;
using System.Text;
using System.Text.Json;
using TaobaoTop.Core.Protocol;

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

        public static IncrementalOrderState? Load(string path)
        {
            if (!File.Exists(path)) return null;
            using (var document = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8)))
            {
                var text = document.RootElement.TryGetProperty("synced_through", out var value) ? value.GetString() : null;
                if (!TopTime.TryParse(text, out var syncedThrough))
                {
                    throw new InvalidDataException("The order sync state file " + path + " has no valid synced_through time; delete it and pass -Start.");
                }
                return new IncrementalOrderState(syncedThrough);
            }
        }

        /// <summary>Writes the state atomically, so a run killed while saving leaves the previous state.</summary>
        public void Save(string path)
        {
            var json = "{\"synced_through\":\"" + TopTime.ToTopString(SyncedThrough) + "\",\"query_type\":\"modified\"}\n";
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, json, new UTF8Encoding(false));
            if (File.Exists(path)) File.Delete(path);
            File.Move(temporary, path);
        }
    }
}
