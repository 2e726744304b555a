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
using TaobaoTop.Core.Resources;


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
        private readonly Dictionary<string, (int Row, int? Line)> _outerIds = new Dictionary<string, (int, int?)>(StringComparer.Ordinal);
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
                    errors.Add(new ItemFieldError(ItemColumns.OuterId, CoreText.Format("OuterIdRepeatsRow", ItemColumns.Describe(ItemColumns.OuterId), draft.OuterId, ItemRow.Where(first.Row, first.Line))));
                else
                    _outerIds[draft.OuterId] = (draft.Row.RowNumber, draft.Row.LineNumber);
            }
            // A category not seen yet: its properties are asked for while it is looked up, so a slow gateway costs the
            // first row of each category one round trip instead of two. A bad category's properties go unused.
            var properties = _categoryProblems.ContainsKey(draft.CategoryId) ? null : ItemPropertyCatalog.GetAsync(_client, draft.CategoryId, _observer, cancellation);
            if (await CategoryProblemAsync(draft.CategoryId, cancellation).ConfigureAwait(false) is string problem)
            {
                errors.Add(new ItemFieldError(ItemColumns.CategoryId, CoreText.Format("FieldProblem", ItemColumns.Describe(ItemColumns.CategoryId), problem)));
                _ = properties?.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            else
            {
                await PropertiesAsync(draft, errors, cancellation).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// A SKU's sale value that is not one of the property's is listed under the sheet's own name (雾霾蓝) on a value of
        /// the property the item does not use otherwise, where the property allows it (property_alias).
        /// </summary>
        public bool AllowCustomSaleValues { get; set; }

        /// <summary>The sheet's columns that gave a category property in some row (so they are not reported as unused).</summary>
        public ISet<string> PropertyColumns { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// Columns named after the category's properties become props (pid:vid) for a listed value and
        /// input_pids/input_str for typed text; each SKU's sale-property columns become its pid:vid;pid:vid. A required
        /// property missing or a value not in the list is an error naming the property and the nearest allowed values.
        /// </summary>
        private async Task PropertiesAsync(ItemDraft draft, List<ItemFieldError> errors, CancellationToken cancellation)
        {
            IReadOnlyList<TaobaoItemProperty> properties;
            try
            {
                properties = await ItemPropertyCatalog.GetAsync(_client, draft.CategoryId, _observer, cancellation).ConfigureAwait(false);
            }
            catch (TopException)
            {
                // Unchecked is not wrong: item.add still refuses what the category does not allow.
                properties = Array.Empty<TaobaoItemProperty>();
            }
            var row = draft.Row;
            var props = new List<string>();
            var propsFrom = new List<string>();
            var inputPids = new List<string>();
            var inputs = new List<string>();
            foreach (var property in properties.Where(p => !p.IsSale))
            {
                var column = ItemPropertyCatalog.ColumnOf(property, row.Extra);
                if (column != null) PropertyColumns.Add(column);
                var text = column is null ? null : row.Extra[column]?.Trim();
                if (string.IsNullOrEmpty(text))
                {
                    if (property.IsRequired)
                        errors.Add(new ItemFieldError(property.Name, property.IsEnum
                            ? CoreText.Format("PropertyRequiredValues", property.Name, draft.CategoryId, string.Join(CoreText.Get("ListSeparator"), property.Values.Take(5).Select(v => v.Name)))
                            : CoreText.Format("PropertyRequiredColumn", property.Name, draft.CategoryId)));
                    continue;
                }
                if (ItemPropertyCatalog.ValueOf(property, text!) is TaobaoItemPropertyValue value)
                {
                    props.Add(property.Pid.ToString(CultureInfo.InvariantCulture) + ":" + value.Vid.ToString(CultureInfo.InvariantCulture));
                    propsFrom.Add(property.Name);
                }
                else if (property.IsInput)
                {
                    if (text!.IndexOf(',') >= 0)
                    {
                        errors.Add(new ItemFieldError(property.Name, CoreText.Format("PropertyComma", property.Name, text)));
                        continue;
                    }
                    inputPids.Add(property.Pid.ToString(CultureInfo.InvariantCulture));
                    inputs.Add(text!);
                }
                else
                {
                    errors.Add(new ItemFieldError(property.Name, CoreText.Format("PropertyNotAValue", property.Name, text, string.Join(CoreText.Get("ListSeparator"), ItemPropertyCatalog.Nearest(property, text!)))));
                }
            }
            var before = errors.Count;
            var sale = properties.Where(p => p.IsSale).ToList();
            if (draft.Skus.Count > 0) SaleProperties(draft, sale, errors);
            // item.add's doc: the SKUs' sale properties are given in props too, so they count towards its limits.
            if (errors.Count == before)
            {
                foreach (var pair in draft.Skus.SelectMany(s => s.Properties!.Split(';')).Distinct(StringComparer.Ordinal))
                {
                    props.Add(pair);
                    propsFrom.Add(sale.First(p => pair.StartsWith(p.Pid.ToString(CultureInfo.InvariantCulture) + ":", StringComparison.Ordinal)).Name);
                }
            }
            if (props.Count > ItemRules.MaxPropsPairs)
                errors.Add(new ItemFieldError(propsFrom[ItemRules.MaxPropsPairs], CoreText.Format("PropsTooMany", props.Count, ItemRules.MaxPropsPairs, propsFrom[ItemRules.MaxPropsPairs])));
            else if (ItemRules.FirstBeyond(props, ItemRules.MaxPropsBytes) is (int index, int bytes))
                errors.Add(new ItemFieldError(propsFrom[index], CoreText.Format("PropsTooLong", bytes, ItemRules.MaxPropsBytes, propsFrom[index])));
            draft.Props = props.Count > 0 ? string.Join(";", props) : null;
            draft.InputPids = inputPids.Count > 0 ? string.Join(",", inputPids) : null;
            draft.InputStr = inputs.Count > 0 ? string.Join(",", inputs) : null;
        }

        private void SaleProperties(ItemDraft draft, IReadOnlyList<TaobaoItemProperty> sale, List<ItemFieldError> errors)
        {
            if (sale.Count == 0)
            {
                errors.Add(new ItemFieldError(ItemColumns.SkuOuterId, CoreText.Format("NoSaleProperties", draft.CategoryId)));
                return;
            }
            string? firstPids = null;
            var before = errors.Count;
            var seen = new Dictionary<string, SkuDraft>(StringComparer.Ordinal);
            var custom = AllowCustomSaleValues ? new CustomSaleValues(draft, sale) : null;
            // A value not in the list is said once, at its first SKU: a colour repeats on every size.
            var refused = new HashSet<(long Pid, string Text)>();
            foreach (var sku in draft.Skus)
            {
                var pairs = new List<(long Pid, long Vid)>();
                var names = new List<string>();
                var where = CoreText.Format("SkuWhere", sku.Row.DescribeSku(null));
                var broken = false;
                foreach (var property in sale)
                {
                    var column = ItemPropertyCatalog.ColumnOf(property, sku.Row.Extra);
                    if (column != null) PropertyColumns.Add(column);
                    var text = column is null ? null : sku.Row.Extra[column]?.Trim();
                    if (string.IsNullOrEmpty(text)) continue;
                    if ((ItemPropertyCatalog.ValueOf(property, text!) ?? custom?.ValueFor(property, text!)) is TaobaoItemPropertyValue value)
                    {
                        pairs.Add((property.Pid, value.Vid));
                        names.Add(value.Name);
                    }
                    else
                    {
                        broken = true;
                        if (!refused.Add((property.Pid, text!))) continue;
                        var nearest = string.Join(CoreText.Get("ListSeparator"), ItemPropertyCatalog.Nearest(property, text!));
                        errors.Add(new ItemFieldError(property.Name, where + (!property.IsAllowAlias ? CoreText.Format("PropertyNotAValue", property.Name, text, nearest)
                            : custom is null ? CoreText.Format("SaleValueNotAValue", property.Name, text, nearest)
                            : CustomSaleValues.CanName(text!) ? CoreText.Format("NoFreeSaleValue", property.Name, text, property.Values.Count)
                            : CoreText.Format("SaleValueNameChars", property.Name, text))));
                    }
                }
                if (broken) continue;
                sku.Name = string.Join("/", names);
                where = sku.Row.DescribeSku(sku.Name) + ": ";
                if (pairs.Count == 0)
                {
                    errors.Add(new ItemFieldError(sale[0].Name, where + CoreText.Format("SkuNoSaleProperty", string.Join(CoreText.Get("AndOr"), sale.Select(p => p.Name)))));
                    continue;
                }
                var pids = string.Join(",", pairs.Select(p => p.Pid));
                if (firstPids != null && pids != firstPids)
                {
                    errors.Add(new ItemFieldError(sale[0].Name, where + CoreText.Get("SkuOtherSaleProperties")));
                    continue;
                }
                firstPids = pids;
                sku.Properties = string.Join(";", pairs.Select(p => p.Pid.ToString(CultureInfo.InvariantCulture) + ":" + p.Vid.ToString(CultureInfo.InvariantCulture)));
                // A colour's picture goes with the colour's value, once per value.
                if (sku.Picture != null)
                {
                    var colour = pairs.FirstOrDefault(p => sale.First(s => s.Pid == p.Pid).Name.IndexOf("颜色", StringComparison.Ordinal) >= 0);
                    if (colour.Pid == 0) colour = pairs[0];
                    var properties = colour.Pid.ToString(CultureInfo.InvariantCulture) + ":" + colour.Vid.ToString(CultureInfo.InvariantCulture);
                    if (!draft.PropertyPictures.Any(p => p.Properties == properties)) draft.PropertyPictures.Add((properties, sku.Picture));
                }
                if (seen.TryGetValue(sku.Properties, out var first))
                    errors.Add(new ItemFieldError(sale[0].Name, where + CoreText.Format("SkuRepeats", sku.Name, first.Row.DescribeSku(null))));
                else
                    seen[sku.Properties] = sku;
            }
            if (errors.Count > before) return;
            if (custom?.PropertyAlias is string alias)
            {
                if (alias.Length > ItemRules.MaxPropertyAliasChars)
                {
                    errors.Add(new ItemFieldError(sale[0].Name, CoreText.Format("PropertyAliasTooLong", custom.Count, alias.Length, ItemRules.MaxPropertyAliasChars)));
                    return;
                }
                draft.PropertyAlias = alias;
            }
            if (SkuSplit.Apply(draft) is (SkuDraft beyond, int bytes, string parameter))
            {
                var field = parameter == "sku_outer_ids" ? ItemColumns.SkuOuterId : sale[0].Name;
                errors.Add(new ItemFieldError(field, beyond.Row.DescribeSku(beyond.Name) + ": "
                    + CoreText.Format("SkusMustFitAdd", bytes, parameter, ItemRules.MaxSkuPropertiesBytes)));
            }
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
            if (category.ValueKind == System.Text.Json.JsonValueKind.Undefined) problem = CoreText.Format("CategoryUnknown", id);
            else if (category.Bool("is_parent") == true) problem = CoreText.Format("CategoryNotLeaf", id, category.Text("name"));
            _categoryProblems[cid] = problem;
            return problem;
        }

    /// <summary>
    /// The sheet's own names for sale values (雾霾蓝, 奶白): each listed on a value of its property that no SKU of the item
    /// uses by its standard name, taken in the property's order, and the same name on the same value throughout.
    /// </summary>
    internal sealed class CustomSaleValues
    {
        private readonly HashSet<(long Pid, long Vid)> _taken = new HashSet<(long, long)>();
        private readonly Dictionary<(long Pid, string Name), TaobaoItemPropertyValue> _given = new Dictionary<(long, string), TaobaoItemPropertyValue>();
        private readonly List<string> _aliases = new List<string>();

        public CustomSaleValues(ItemDraft draft, IReadOnlyList<TaobaoItemProperty> sale)
        {
            foreach (var sku in draft.Skus)
            {
                foreach (var property in sale)
                {
                    var column = ItemPropertyCatalog.ColumnOf(property, sku.Row.Extra);
                    var text = column is null ? null : sku.Row.Extra[column]?.Trim();
                    if (!string.IsNullOrEmpty(text) && ItemPropertyCatalog.ValueOf(property, text!) is TaobaoItemPropertyValue value) _taken.Add((property.Pid, value.Vid));
                }
            }
        }

        public int Count => _aliases.Count;

        /// <summary>property_alias separates with ':' and ';', and SKU lists with ','.</summary>
        public static bool CanName(string name) => name.IndexOfAny(new[] { ':', ';', ',' }) < 0;

        /// <summary>pid:vid:name;…, or null when no SKU gave a name of its own.</summary>
        public string? PropertyAlias => _aliases.Count == 0 ? null : string.Join(";", _aliases);

        /// <summary>The value the name is listed on; null when the property takes no names of the seller's own or has no value free.</summary>
        public TaobaoItemPropertyValue? ValueFor(TaobaoItemProperty property, string name)
        {
            if (!property.IsAllowAlias || !CanName(name)) return null;
            if (_given.TryGetValue((property.Pid, name), out var given)) return given;
            var free = property.Values.FirstOrDefault(v => !_taken.Contains((property.Pid, v.Vid)));
            if (free is null) return null;
            _taken.Add((property.Pid, free.Vid));
            var value = new TaobaoItemPropertyValue(free.Vid, name);
            _given[(property.Pid, name)] = value;
            _aliases.Add(property.Pid.ToString(CultureInfo.InvariantCulture) + ":" + free.Vid.ToString(CultureInfo.InvariantCulture) + ":" + name);
            return value;
        }
    }
    }
}
