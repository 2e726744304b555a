using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator
{
    /// <summary>
    /// The optional JSON state file: one entry per module, loaded at start, saved before a write is answered. Each save
    /// replaces the file whole (a flushed temporary file renamed over it), so a kill at any point leaves the last state.
    /// </summary>
    internal sealed class StateFile : IDisposable
    {
        private static readonly TimeSpan SaveDelay = TimeSpan.FromMilliseconds(200);

        private readonly string _path;
        private readonly IApiModule[] _modules;
        private readonly object _saveLock = new object();
        private int _savePending;
        private long _changes;
        private long _savedChanges;
        private bool _disposed;

        public StateFile(string path, IApiModule[] modules)
        {
            _path = Path.GetFullPath(path);
            _modules = modules;
        }

        /// <exception cref="InvalidDataException">The file is not a state the emulator wrote; the message names it.</exception>
        public void Load()
        {
            if (!File.Exists(_path)) return;
            try
            {
                if (!(JsonNode.Parse(File.ReadAllText(_path)) is JsonObject root)) throw new InvalidDataException("it is not a JSON object");
                foreach (var module in _modules)
                {
                    if (root[Key(module)] is JsonNode state) module.LoadState(state);
                }
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is FormatException || ex is ArgumentException
                || ex is InvalidCastException || ex is NullReferenceException || ex is KeyNotFoundException || ex is InvalidDataException || ex is OverflowException)
            {
                throw new InvalidDataException("The emulator state file " + _path + " cannot be read (" + ex.Message + "). Start without --state-file, or delete or fix the file.", ex);
            }
        }

        /// <summary>Saves a write before it is answered; writes that wait meanwhile share the next save.</summary>
        public void SaveWrite()
        {
            var change = Interlocked.Increment(ref _changes);
            lock (_saveLock)
            {
                if (Interlocked.Read(ref _savedChanges) >= change) return;
                Save();
            }
        }

        /// <summary>Saves soon; writes in a burst share one save.</summary>
        public void ScheduleSave()
        {
            if (Interlocked.CompareExchange(ref _savePending, 1, 0) != 0) return;
            Task.Delay(SaveDelay).ContinueWith(_ => Save(), TaskScheduler.Default);
        }

        public void Save()
        {
            lock (_saveLock)
            {
                Interlocked.Exchange(ref _savePending, 0);
                // A save scheduled before disposal must not rewrite the file afterwards.
                if (_disposed) return;
                var changes = Interlocked.Read(ref _changes);
                var root = new JsonObject();
                foreach (var module in _modules)
                {
                    if (module.SaveState() is JsonNode state) root[Key(module)] = state;
                }
                var directory = Path.GetDirectoryName(_path);
                if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
                var temporary = _path + ".tmp";
                using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    var bytes = new UTF8Encoding(false).GetBytes(root.ToJsonString());
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }
                if (File.Exists(_path)) File.Replace(temporary, _path, null);
                else File.Move(temporary, _path);
                Interlocked.Exchange(ref _savedChanges, changes);
            }
        }

        public void Dispose()
        {
            Save();
            lock (_saveLock) _disposed = true;
        }

        private static string Key(IApiModule module) => module.GetType().Name;
    }
}
