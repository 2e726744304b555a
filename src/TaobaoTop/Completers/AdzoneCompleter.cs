using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using TaobaoTop.Base;
using TaobaoTop.Connection;
using TaobaoTop.Emulator;

namespace TaobaoTop.Completers
{
    /// <summary>
    /// Completes -AdzoneId / -Pid from the adzones the current connection knows: the emulator's demo PID and those made
    /// with New-TbkAdzone on it. TOP has no API that lists a promoter's adzones, so nothing is fetched.
    /// </summary>
    public sealed class AdzoneCompleter : IArgumentCompleter
    {
        private static readonly ConditionalWeakTable<TaobaoConnection, ConcurrentDictionary<string, string>> Created = new ConditionalWeakTable<TaobaoConnection, ConcurrentDictionary<string, string>>();

        internal static void Remember(TaobaoConnection connection, TbkAdzone adzone)
            => Created.GetValue(connection, _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal))[adzone.Pid] = adzone.Name ?? string.Empty;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var connection = ConnectionStore<TaobaoConnection>.Current;
            var known = new Dictionary<string, string>(StringComparer.Ordinal);
            if (connection == null) return Enumerable.Empty<CompletionResult>();
            if (Created.TryGetValue(connection, out var created)) foreach (var entry in created) known[entry.Key] = entry.Value;
            if (connection.IsEmulator) known[EmulatorDefaults.DemoPid] = "演示推广位 (emulator)";
            var byAdzone = string.Equals(parameterName, "AdzoneId", StringComparison.OrdinalIgnoreCase);
            return known
                .Select(entry => (Text: byAdzone ? TbkPid.Parse(entry.Key).AdzoneId.ToString(CultureInfo.InvariantCulture) : entry.Key, Tooltip: entry.Key + " " + entry.Value))
                .Where(entry => entry.Text.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .OrderBy(entry => entry.Text, StringComparer.Ordinal)
                .Select(entry => new CompletionResult(entry.Text, entry.Text, CompletionResultType.ParameterValue, entry.Tooltip.Trim()));
        }
    }
}
