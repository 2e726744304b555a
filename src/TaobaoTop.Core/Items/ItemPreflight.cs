using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;


namespace TaobaoTop.Core.Items
{
    /// <summary>
    /// The checks of a valid row that need the rest of the run or the shop, made before anything is sent and the same
    /// under -WhatIf: an outer_id that repeats an earlier row, a category that is not a leaf of the category tree.
    /// Reads only (taobao.itemcats.get, taobao.items.custom.get), each category once.
    /// </summary>
    public sealed class ItemPreflight
    {
        private readonly TopClient _client;
        private readonly Action<TopCallEvent>? _observer;
        private readonly Dictionary<string, string> _outerIds = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<long, string?> _categoryProblems = new Dictionary<long, string?>();

        /// <param name="observer">Sees each call's events, as the listing's own calls are seen (verbose, audit failures).</param>
        public ItemPreflight(TopClient client, Action<TopCallEvent>? observer = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _observer = observer;
        }

        /// <summary>Adds to <paramref name="errors"/> what is wrong with the row; the row counts as seen either way.</summary>
        public async Task CheckAsync(ItemDraft draft, List<ItemFieldError> errors, CancellationToken cancellation)
        {
            if (draft.OuterId != null)
            {
                if (_outerIds.TryGetValue(draft.OuterId, out var first))
                    errors.Add(new ItemFieldError(ItemColumns.OuterId, ItemColumns.Describe(ItemColumns.OuterId) + " '" + draft.OuterId + "' repeats " + first + "; one item per outer_id"));
                else
                    _outerIds[draft.OuterId] = draft.Row.LineNumber is int line ? "line " + line : "row " + draft.Row.RowNumber;
            }
            if (await CategoryProblemAsync(draft.CategoryId, cancellation).ConfigureAwait(false) is string problem)
                errors.Add(new ItemFieldError(ItemColumns.CategoryId, ItemColumns.Describe(ItemColumns.CategoryId) + " " + problem));
        }

        /// <summary>The ids of the shop's items with these outer_ids (at most <see cref="ItemApi.CustomGetBatchSize"/>), by outer_id.</summary>
        public async Task<Dictionary<string, long>> ExistingAsync(IReadOnlyCollection<string> outerIds, CancellationToken cancellation)
        {
            var found = new Dictionary<string, long>(StringComparer.Ordinal);
            if (outerIds.Count == 0) return found;
            var response = await _client.InvokeAsync(ItemApi.CustomGet(outerIds), _observer, cancellation).ConfigureAwait(false);
            foreach (var items in ItemApi.ReadByOuterId(response))
            {
                if (outerIds.Contains(items.Key)) found[items.Key] = items.First().NumIid;
            }
            return found;
        }

        private async Task<string?> CategoryProblemAsync(long cid, CancellationToken cancellation)
        {
            if (_categoryProblems.TryGetValue(cid, out var known)) return known;
            TopResponse response;
            try
            {
                response = await _client.InvokeAsync(new TopRequest("taobao.itemcats.get").With("cids", cid).With("fields", "cid,name,is_parent"), _observer, cancellation).ConfigureAwait(false);
            }
            catch (TopException)
            {
                // Unchecked is not wrong: item.add still refuses a bad category, and the next row asks again.
                return null;
            }
            var category = response.Body.List("item_cats").FirstOrDefault(c => c.Long("cid") == cid);
            var id = cid.ToString(CultureInfo.InvariantCulture);
            string? problem = null;
            if (category.ValueKind == System.Text.Json.JsonValueKind.Undefined) problem = id + " is not a category of taobao.itemcats.get";
            else if (category.Bool("is_parent") == true) problem = id + " (" + category.Text("name") + ") is not a leaf category; items go under a leaf (Tab after -CategoryId lists them)";
            _categoryProblems[cid] = problem;
            return problem;
        }
    }
}
