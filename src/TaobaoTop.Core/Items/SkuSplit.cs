using System.Collections.Generic;
using System.Linq;

namespace TaobaoTop.Core.Items
{
    /// <summary>
    /// Which of an item's SKUs item.add carries and which follow one by one with taobao.item.sku.add: item.add takes
    /// sku_properties and sku_outer_ids of at most 512 bytes each, about 17 colour × size SKUs.
    /// </summary>
    /// <remarks>
    /// item.add must carry the SKUs without stock (sku.add takes stock above zero only), the cheapest and the dearest
    /// SKU (an item's price must lie within its SKUs' prices from the start) and one with stock (an item added without
    /// stock goes to the warehouse); then as many of the others as fit, in sheet order. The rest keep their sheet order
    /// for sku.add.
    /// </remarks>
    public static class SkuSplit
    {
        /// <summary>
        /// Fills <see cref="ItemDraft.LaterSkus"/>; returns the SKU item.add must carry but that does not fit, with the
        /// bytes they come to and the parameter, or null when the item can be listed.
        /// </summary>
        public static (SkuDraft Sku, int Bytes, string Parameter)? Apply(ItemDraft draft)
        {
            draft.LaterSkus.Clear();
            var skus = draft.Skus;
            if (skus.Count == 0) return null;
            var must = new bool[skus.Count];
            for (var i = 0; i < skus.Count; i++) must[i] = skus[i].Quantity == 0;
            must[IndexOf(skus, skus.Min(s => s.Price))] = true;
            must[IndexOf(skus, skus.Max(s => s.Price))] = true;
            // An item added without stock goes to the warehouse, and SKUs added later do not put it on sale.
            var stocked = skus.FindIndex(s => s.Quantity > 0);
            if (stocked >= 0 && !skus.Where((s, i) => must[i]).Any(s => s.Quantity > 0)) must[stocked] = true;

            var properties = new Joined(ItemRules.MaxSkuPropertiesBytes);
            var outerIds = new Joined(ItemRules.MaxSkuOuterIdsBytes);
            for (var i = 0; i < skus.Count; i++)
            {
                if (!must[i]) continue;
                properties.Add(skus[i].Properties);
                outerIds.Add(skus[i].OuterId ?? string.Empty);
                if (!properties.Fits) return (skus[i], properties.Bytes, "sku_properties");
                if (!outerIds.Fits) return (skus[i], outerIds.Bytes, "sku_outer_ids");
            }
            for (var i = 0; i < skus.Count; i++)
            {
                if (must[i]) continue;
                if (properties.WouldFit(skus[i].Properties) && outerIds.WouldFit(skus[i].OuterId ?? string.Empty))
                {
                    properties.Add(skus[i].Properties);
                    outerIds.Add(skus[i].OuterId ?? string.Empty);
                }
                else
                {
                    draft.LaterSkus.Add(skus[i]);
                }
            }
            return null;
        }

        private static int IndexOf(List<SkuDraft> skus, decimal price) => skus.FindIndex(s => s.Price == price);

        /// <summary>A comma-joined parameter's length in GBK bytes as entries are added.</summary>
        private sealed class Joined
        {
            private readonly int _max;
            private int _count;

            public Joined(int max) => _max = max;

            public int Bytes { get; private set; }

            public bool Fits => Bytes <= _max;

            public bool WouldFit(string entry) => Bytes + (_count > 0 ? 1 : 0) + ItemRules.GbkLength(entry) <= _max;

            public void Add(string entry)
            {
                Bytes += (_count > 0 ? 1 : 0) + ItemRules.GbkLength(entry);
                _count++;
            }
        }
    }
}
