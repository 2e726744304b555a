using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using TaobaoTop.Core.Catalog;

namespace TaobaoTop.Completers
{
    /// <summary>Completes API method names from the catalog, with the Chinese title as the tooltip.</summary>
    public sealed class ApiMethodCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return TopApiCatalog.Default.All
                .Where(api => api.Method.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0 || api.Title.IndexOf(typed, StringComparison.Ordinal) >= 0)
                .OrderBy(api => api.Method.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(api => api.Method, StringComparer.Ordinal)
                .Select(api => new CompletionResult(api.Method, api.Method, CompletionResultType.ParameterValue, api.Title));
        }
    }
}
