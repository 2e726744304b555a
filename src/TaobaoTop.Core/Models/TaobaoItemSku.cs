using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TaobaoTop.Core.Json;

namespace TaobaoTop
{
    /// <summary>One SKU of an item: a combination of sale-property values with its own price, stock and 商家编码.</summary>
    public sealed class TaobaoItemSku
    {
        public long SkuId { get; set; }

        public long NumIid { get; set; }

        /// <summary>pid:vid;pid:vid, the form the SKU APIs name a SKU by.</summary>
        public string? Properties { get; set; }

        /// <summary>The values by name: 黑色/M.</summary>
        public string? Name { get; set; }

        /// <summary>Yuan, two decimals.</summary>
        public decimal? Price { get; set; }

        /// <summary>Stock of this SKU.</summary>
        public long? Quantity { get; set; }

        /// <summary>The SKU's own 商家编码 (SKU编码).</summary>
        public string? OuterId { get; set; }

        public static TaobaoItemSku FromJson(JsonElement sku)
        {
            var names = JsonFields.Text(sku, "properties_name");
            return new TaobaoItemSku
            {
                SkuId = JsonFields.Long(sku, "sku_id") ?? 0,
                NumIid = JsonFields.Long(sku, "num_iid") ?? 0,
                Properties = JsonFields.Text(sku, "properties"),
                // pid:vid:属性名:值名;… → the value names.
                Name = names is null ? null : string.Join("/", names.Split(';').Select(p => p.Split(':')).Where(p => p.Length >= 4).Select(p => string.Join(":", p.Skip(3)))),
                Price = JsonFields.Money(sku, "price"),
                Quantity = JsonFields.Long(sku, "quantity"),
                OuterId = JsonFields.Text(sku, "outer_id"),
            };
        }

        /// <summary>The SKUs of an item answer, whether simplified (an array) or not (<c>skus.sku[]</c>).</summary>
        public static IReadOnlyList<TaobaoItemSku> ListFromJson(JsonElement item)
        {
            if (!item.TryGetProperty("skus", out var list)) return Array.Empty<TaobaoItemSku>();
            if (list.ValueKind == JsonValueKind.Object && list.TryGetProperty("sku", out var inner)) list = inner;
            if (list.ValueKind != JsonValueKind.Array) return Array.Empty<TaobaoItemSku>();
            return list.EnumerateArray().Select(FromJson).ToList();
        }

        public override string ToString() => (Name ?? Properties ?? SkuId.ToString(System.Globalization.CultureInfo.InvariantCulture)) + (OuterId is null ? string.Empty : " (" + OuterId + ")");
    }
}
