using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace TaobaoTop.Resources
{
    /// <summary>The module's messages in the UI language (Messages.zh-CN.resx for Chinese), English as the fallback.</summary>
    internal static class Messages
    {
        private static readonly ResourceManager Manager = new ResourceManager("TaobaoTop.Resources.Messages", typeof(Messages).Assembly);

        // ResourceManager takes a lock on every lookup; -WhatIf over a big sheet asks for the same texts per row.
        private static readonly ConcurrentDictionary<(string Name, CultureInfo Culture), string> Cache = new ConcurrentDictionary<(string, CultureInfo), string>();

        public static string Get(string name)
        {
            var key = (name, CultureInfo.CurrentUICulture);
            return Cache.TryGetValue(key, out var text) ? text : Cache.GetOrAdd(key, k => Manager.GetString(k.Name, k.Culture) ?? k.Name);
        }

        public static string Format(string name, params object?[] arguments) => string.Format(CultureInfo.CurrentCulture, Get(name), arguments);
    }
}
