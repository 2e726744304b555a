using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using TaobaoTop.Connection;
using TaobaoTop.Emulator;

namespace TaobaoTop.Completers
{
    /// <summary>
    /// Completes -AdzoneId / -Pid from the adzones this session knows: the emulator's demo PID and those made with
    /// New-TbkAdzone. TOP has no API that lists a promoter's adzones, so nothing is fetched.
    /// </summary>
    public sealed class AdzoneCompleter : IArgumentCompleter
    {
        private static readonly ConcurrentDictionary<string, string> Created = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        internal static void Remember(TbkAdzone adzone) => Created[adzone.Pid] = adzone.Name ?? string.Empty;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var known = new Dictionary<string, string>(Created, StringComparer.Ordinal);
            if (ConnectionStore.Current?.IsEmulator == true) known[EmulatorDefaults.DemoPid] = "演示推广位 (emulator)";
            var byAdzone = string.Equals(parameterName, "AdzoneId", StringComparison.OrdinalIgnoreCase);
            return known
                .Select(entry => (Text: byAdzone ? TbkPid.Parse(entry.Key).AdzoneId.ToString(CultureInfo.InvariantCulture) : entry.Key, Tooltip: entry.Key + " " + entry.Value))
                .Where(entry => entry.Text.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .OrderBy(entry => entry.Text, StringComparer.Ordinal)
                .Select(entry => new CompletionResult(entry.Text, entry.Text, CompletionResultType.ParameterValue, entry.Tooltip.Trim()));
        }
    }
}
