using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Reflection;

namespace TaobaoTop.Loading
{
    /// <summary>
    /// Binds the module's own strong-named dependencies where the runtime has no AssemblyLoadContext (.NET Framework,
    /// Mono). There a reference binds only to the exact version it names, and powershell.exe has no binding redirects
    /// for modules: System.Memory asks for Unsafe 4.0.4.1 and CsvHelper for System.Memory 4.0.1.0 while the folder
    /// ships newer builds. A request for a shipped dependency at the same or a lower version, with the same public key
    /// token, gets the shipped copy (the one already loaded, if any). No PowerShell here: tests call it directly.
    /// </summary>
    public sealed class DependencyResolver
    {
        private static readonly object Gate = new object();
        private static DependencyResolver? _registered;

        private readonly string _folder;
        private readonly ConcurrentDictionary<string, AssemblyName?> _shipped = new ConcurrentDictionary<string, AssemblyName?>(StringComparer.OrdinalIgnoreCase);

        public DependencyResolver(string folder)
        {
            _folder = folder ?? throw new ArgumentNullException(nameof(folder));
        }

        /// <summary>True where binding is by exact version: no System.Runtime.Loader.AssemblyLoadContext in the core library.</summary>
        public static bool IsNeeded => typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") is null;

        /// <summary>The shipped file that answers a request, or null when the request is not for one of ours.</summary>
        public string? PathFor(AssemblyName requested)
        {
            if (requested?.Name is null) return null;
            var shipped = Shipped(requested.Name);
            if (shipped is null) return null;
            if (!SameToken(requested.GetPublicKeyToken(), shipped.GetPublicKeyToken())) return null;
            if (requested.Version != null && requested.Version > shipped.Version) return null;
            return shipped.CodeBase;
        }

        /// <summary>An AppDomain.AssemblyResolve handler.</summary>
        public Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var requested = new AssemblyName(args.Name);
            var path = PathFor(requested);
            if (path is null) return null;
            var shipped = Shipped(requested.Name!)!;
            var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => IsSame(a.GetName(), shipped));
            return loaded ?? Assembly.LoadFrom(path);
        }

        /// <summary>Hooks the rule for a module folder once per process; later calls keep the first.</summary>
        public static void Register(string folder)
        {
            lock (Gate)
            {
                if (_registered != null) return;
                _registered = new DependencyResolver(folder);
                AppDomain.CurrentDomain.AssemblyResolve += _registered.Resolve;
            }
        }

        public static void Unregister()
        {
            lock (Gate)
            {
                if (_registered is null) return;
                AppDomain.CurrentDomain.AssemblyResolve -= _registered.Resolve;
                _registered = null;
            }
        }

        private AssemblyName? Shipped(string name) => _shipped.GetOrAdd(name, n =>
        {
            // Names come from references, so a file name is only ever a plain assembly name found in the folder.
            if (n.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0) return null;
            var path = Path.Combine(_folder, n + ".dll");
            if (!File.Exists(path)) return null;
            var identity = AssemblyName.GetAssemblyName(path);
            identity.CodeBase = path;
            return identity;
        });

        private static bool IsSame(AssemblyName a, AssemblyName b) =>
            string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase)
            && a.Version == b.Version
            && SameToken(a.GetPublicKeyToken(), b.GetPublicKeyToken());

        // A loop, not SequenceEqual: C# 14 binds that to MemoryExtensions, and System.Memory is one of the
        // assemblies this class exists to resolve.
        private static bool SameToken(byte[]? a, byte[]? b)
        {
            a = a ?? Array.Empty<byte>();
            b = b ?? Array.Empty<byte>();
            if (a.Length != b.Length) return false;
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i]) return false;
            }
            return true;
        }
    }
}
