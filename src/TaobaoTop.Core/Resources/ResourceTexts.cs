using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Resources;

namespace TaobaoTop.Core.Resources
{
    /// <summary>
    /// The texts of one resource file in the UI language, English as the fallback, each looked up once per culture:
    /// ResourceManager takes a lock on every lookup, and a -WhatIf run over a big sheet asks for the same texts per row.
    /// </summary>
    public sealed class ResourceTexts
    {
        private readonly ResourceManager _manager;
        private readonly ConcurrentDictionary<(string Name, CultureInfo Culture), string> _cache = new ConcurrentDictionary<(string, CultureInfo), string>();

        public ResourceTexts(string baseName, Assembly assembly)
        {
            _manager = new ResourceManager(baseName, assembly);
        }

        /// <summary>The text named <paramref name="name"/>; the name itself when there is none.</summary>
        public string Get(string name)
        {
            var key = (name, CultureInfo.CurrentUICulture);
            return _cache.TryGetValue(key, out var text) ? text : _cache.GetOrAdd(key, k => _manager.GetString(k.Name, k.Culture) ?? k.Name);
        }

        public string Format(string name, params object?[] arguments) => string.Format(CultureInfo.CurrentCulture, Get(name), arguments);
    }
}
