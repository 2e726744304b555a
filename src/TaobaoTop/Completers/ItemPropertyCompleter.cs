using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using TaobaoTop.Base;
using TaobaoTop.Connection;
using TaobaoTop.Core.Items;

namespace TaobaoTop.Completers
{
    /// <summary>
    /// Completes the property names of the category given as -CategoryId (with kind and values as the tooltip), and
    /// for -Value the values of the property given as -Name. Uses the per-connection property cache, so Tab costs at most one call.
    /// </summary>
    public sealed class ItemPropertyCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = ConnectionStore<TaobaoConnection>.Current;
            if (connection is null || !fakeBoundParameters.Contains("CategoryId")) return Enumerable.Empty<CompletionResult>();
            if (!long.TryParse(Convert.ToString(fakeBoundParameters["CategoryId"], CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var cid))
                return Enumerable.Empty<CompletionResult>();
            IReadOnlyList<TaobaoItemProperty> properties;
            try
            {
                using (var timeout = new CancellationTokenSource(Budget))
                {
                    properties = ItemPropertyCatalog.GetAsync(connection.Client, cid, null, timeout.Token).GetAwaiter().GetResult();
                }
            }
            catch (Exception ex) when (ex is Core.Errors.TopException || ex is OperationCanceledException)
            {
                // No completion is better than a broken Tab.
                return Enumerable.Empty<CompletionResult>();
            }
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            if (parameterName == "Value")
            {
                var name = Convert.ToString(fakeBoundParameters["Name"], CultureInfo.InvariantCulture) ?? string.Empty;
                var property = properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                return (property?.Values ?? Array.Empty<TaobaoItemPropertyValue>())
                    .Where(v => v.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                    .Select(v => new CompletionResult(Quote(v.Name), v.Name, CompletionResultType.ParameterValue, v.Name + " (" + property!.Pid + ":" + v.Vid + ")"));
            }
            return properties
                .Where(p => p.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(p => new CompletionResult(Quote(p.Name), p.Name, CompletionResultType.ParameterValue,
                    p.Name + " (" + p.Kind + ")" + (p.IsEnum ? ": " + string.Join(", ", p.Values.Take(8).Select(v => v.Name)) : string.Empty)));
        }

        private static string Quote(string text) => text.IndexOfAny(new[] { ' ', '\'', '(', ')', ',', ';', '$' }) >= 0 ? "'" + text.Replace("'", "''") + "'" : text;
    }
}
