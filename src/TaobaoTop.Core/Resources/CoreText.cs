using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace TaobaoTop.Core.Resources
{
    /// <summary>
    /// The core's messages in the UI language (CoreText.zh-CN.resx, a satellite in zh-CN/ beside TaobaoTop.Core.dll),
    /// English as the fallback. Plain .NET resources: the core stays free of PowerShell.
    /// </summary>
    internal static class CoreText
    {
        private static readonly ResourceManager Manager = new ResourceManager("TaobaoTop.Core.Resources.CoreText", typeof(CoreText).Assembly);

        // ResourceManager takes a lock on every lookup; a -WhatIf run describes every row, from several threads.
        private static readonly ConcurrentDictionary<(string Name, CultureInfo Culture), string> Cache = new ConcurrentDictionary<(string, CultureInfo), string>();

        public static string Get(string name)
        {
            var key = (name, CultureInfo.CurrentUICulture);
            return Cache.TryGetValue(key, out var text) ? text : Cache.GetOrAdd(key, k => Manager.GetString(k.Name, k.Culture) ?? k.Name);
        }

        public static string Format(string name, params object?[] arguments) => string.Format(CultureInfo.CurrentCulture, Get(name), arguments);
    }
}
