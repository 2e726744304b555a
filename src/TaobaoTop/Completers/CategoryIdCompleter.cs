using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using TaobaoTop.Base;
using TaobaoTop.Connection;
using TaobaoTop.Core.Items;

namespace TaobaoTop.Completers
{
    /// <summary>
    /// Completes leaf category ids (类目ID) with their path as the tooltip, from the current connection's category tree:
    /// fetched once per connection with a small budget of calls (the whole tree on the emulator, the first levels on
    /// Taobao), so Tab stays quick.
    /// </summary>
    public sealed class CategoryIdCompleter : IArgumentCompleter
    {
        private const int MaxCalls = 25;
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);
        private static readonly ConditionalWeakTable<TaobaoConnection, IReadOnlyList<CategoryLeaf>> Trees = new ConditionalWeakTable<TaobaoConnection, IReadOnlyList<CategoryLeaf>>();

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = ConnectionStore<TaobaoConnection>.Current;
            if (connection is null) return Enumerable.Empty<CompletionResult>();
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return Leaves(connection)
                .Where(leaf => leaf.Id.ToString(System.Globalization.CultureInfo.InvariantCulture).StartsWith(typed, StringComparison.Ordinal) || leaf.Path.IndexOf(typed, StringComparison.Ordinal) >= 0)
                .Select(leaf => new CompletionResult(leaf.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), leaf.Id + " " + leaf.Path, CompletionResultType.ParameterValue, leaf.Path));
        }

        private static IReadOnlyList<CategoryLeaf> Leaves(TaobaoConnection connection)
        {
            if (Trees.TryGetValue(connection, out var cached)) return cached;
            try
            {
                using (var timeout = new CancellationTokenSource(Budget))
                {
                    var leaves = CategoryTree.LeavesAsync(connection.Client, MaxCalls, timeout.Token).GetAwaiter().GetResult();
                    return Trees.GetValue(connection, _ => leaves);
                }
            }
            catch (Exception ex) when (ex is Core.Errors.TopException || ex is OperationCanceledException)
            {
                // No completion is better than a broken Tab; the next Tab tries again.
                return Array.Empty<CategoryLeaf>();
            }
        }
    }
}
