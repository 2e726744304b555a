using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Pipeline;

namespace TaobaoTop.Core.Items
{
    /// <summary>
    /// Leaf categories' properties (taobao.itemprops.get), each category fetched once per connection: a sheet of a
    /// thousand rows in one category asks once. A failed fetch is not kept, so the next row asks again.
    /// </summary>
    public static class ItemPropertyCatalog
    {
        private static readonly ConditionalWeakTable<TopClient, ConcurrentDictionary<long, Lazy<Task<IReadOnlyList<TaobaoItemProperty>>>>> Caches
            = new ConditionalWeakTable<TopClient, ConcurrentDictionary<long, Lazy<Task<IReadOnlyList<TaobaoItemProperty>>>>>();

        public static async Task<IReadOnlyList<TaobaoItemProperty>> GetAsync(TopClient client, long categoryId, Action<TopCallEvent>? observer, CancellationToken cancellation)
        {
            var cache = Caches.GetValue(client, _ => new ConcurrentDictionary<long, Lazy<Task<IReadOnlyList<TaobaoItemProperty>>>>());
            var entry = cache.GetOrAdd(categoryId, cid => new Lazy<Task<IReadOnlyList<TaobaoItemProperty>>>(() => FetchAsync(client, cid, observer, cancellation)));
            try
            {
                return await entry.Value.ConfigureAwait(false);
            }
            catch
            {
                cache.TryRemove(categoryId, out _);
                throw;
            }
        }

        private static async Task<IReadOnlyList<TaobaoItemProperty>> FetchAsync(TopClient client, long categoryId, Action<TopCallEvent>? observer, CancellationToken cancellation)
        {
            var response = await client.InvokeAsync(ItemApi.Properties(categoryId), observer, cancellation).ConfigureAwait(false);
            return Json.JsonFields.List(response.Body, "item_props").Select(p => TaobaoItemProperty.FromJson(p, categoryId)).ToList();
        }

        /// <summary>Other names sheets give a property's column: ERP exports say 颜色 for 颜色分类, 机身内存 for 存储容量.</summary>
        private static readonly Dictionary<string, string[]> ColumnAliases = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["颜色分类"] = new[] { "颜色" },
            ["机身颜色"] = new[] { "颜色", "颜色分类" },
            ["存储容量"] = new[] { "机身内存", "内存", "容量" },
            ["尺码"] = new[] { "尺寸" },
        };

        /// <summary>The column of a row that gives a property (its name, or a usual other name), or null.</summary>
        public static string? ColumnOf(TaobaoItemProperty property, IReadOnlyDictionary<string, string> columns)
        {
            foreach (var header in columns.Keys)
            {
                if (Same(header, property.Name)) return header;
            }
            if (!ColumnAliases.TryGetValue(property.Name, out var aliases)) return null;
            foreach (var alias in aliases)
            {
                foreach (var header in columns.Keys)
                {
                    if (Same(header, alias)) return header;
                }
            }
            return null;
        }

        /// <summary>The enumerated value a cell names (ignoring case and surrounding spaces), or null.</summary>
        public static TaobaoItemPropertyValue? ValueOf(TaobaoItemProperty property, string text)
            => property.Values.FirstOrDefault(v => Same(v.Name, text));

        /// <summary>The allowed values nearest to what was written: containing it or contained in it first, then by edit distance.</summary>
        public static IReadOnlyList<string> Nearest(TaobaoItemProperty property, string text, int count = 3)
        {
            var wanted = text.Trim().ToLowerInvariant();
            return property.Values
                .Select(v => (v.Name, Contains: v.Name.ToLowerInvariant().Contains(wanted) || wanted.Contains(v.Name.ToLowerInvariant()), Distance: ItemColumns.Distance(wanted, v.Name.ToLowerInvariant()),
                    Shared: v.Name.ToLowerInvariant().Distinct().Count(wanted.Contains)))
                // Equally far, the value sharing more characters comes first: 雾霾蓝 is nearer 蓝色 than 黑色.
                .OrderByDescending(v => v.Contains).ThenBy(v => v.Distance).ThenByDescending(v => v.Shared)
                .Take(count).Select(v => v.Name).ToList();
        }

        private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
