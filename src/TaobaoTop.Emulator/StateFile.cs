using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator
{
    /// <summary>The optional JSON state file: one entry per module, loaded at start, saved shortly after writes.</summary>
    internal sealed class StateFile : IDisposable
    {
        private static readonly TimeSpan SaveDelay = TimeSpan.FromMilliseconds(200);

        private readonly string _path;
        private readonly IApiModule[] _modules;
        private readonly object _saveLock = new object();
        private int _savePending;
        private bool _disposed;

        public StateFile(string path, IApiModule[] modules)
        {
            _path = Path.GetFullPath(path);
            _modules = modules;
        }

        public void Load()
        {
            if (!File.Exists(_path)) return;
            var root = JsonNode.Parse(File.ReadAllText(_path))?.AsObject()
                ?? throw new InvalidDataException("The emulator state file " + _path + " is not a JSON object.");
            foreach (var module in _modules)
            {
                if (root[Key(module)] is JsonNode state) module.LoadState(state);
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
                var root = new JsonObject();
                foreach (var module in _modules)
                {
                    if (module.SaveState() is JsonNode state) root[Key(module)] = state;
                }
                var directory = Path.GetDirectoryName(_path);
                if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
                var temporary = _path + ".tmp";
                File.WriteAllText(temporary, root.ToJsonString());
                if (File.Exists(_path)) File.Delete(_path);
                File.Move(temporary, _path);
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
