namespace TaobaoTop.Core.Items
{
    /// <summary>
    /// Gathers the SKU rows of an item as ERP exports write them: consecutive rows sharing one 商家编码, each giving a SKU
    /// (SKU价格, SKU库存 or SKU编码), either all SKUs or an item-level row first. A row without SKU columns that repeats
    /// a 商家编码 stays a row of its own (and is refused as a repeat).
    /// </summary>
    public sealed class ItemRowGrouper
    {
        private ItemRow? _pending;

        /// <summary>Takes the next row; returns the item it completes (the row before it), if any.</summary>
        public ItemRow? Add(ItemRow row)
        {
            if (_pending != null && Continues(_pending, row))
            {
                _pending.Skus.Add(row);
                return null;
            }
            var done = _pending;
            _pending = row;
            if (row.HasSkuColumns) row.Skus.Add(row);
            return done;
        }

        /// <summary>The last item, at the end of the input.</summary>
        public ItemRow? Flush()
        {
            var done = _pending;
            _pending = null;
            return done;
        }

        private static bool Continues(ItemRow item, ItemRow row)
            => row.HasSkuColumns && !string.IsNullOrWhiteSpace(row.OuterId) && !string.IsNullOrWhiteSpace(item.OuterId)
               && string.Equals(item.OuterId!.Trim(), row.OuterId!.Trim(), System.StringComparison.Ordinal);
    }
}
