using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Binds;
using TaobaoTop.Core.Items;

namespace TaobaoTop.Cmdlets.Items
{
    /// <summary>Gets the seller's items: by id, by 商家编码 (outer_id), or all items on sale or in the warehouse, page after page.</summary>
    [Cmdlet(VerbsCommon.Get, "TaobaoItem", DefaultParameterSetName = IdSet)]
    [OutputType(typeof(TaobaoItem))]
    public sealed class GetTaobaoItemCommand : TaobaoCmdlet
    {
        private const string IdSet = "Id";
        private const string OnSaleSet = "OnSale";
        private const string InventorySet = "Inventory";
        private const string OuterIdSet = "OuterId";
        private const int OuterIdsPerCall = 40;
        private const int PageSize = 200;

        /// <summary>The item id(s) (num_iid).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("num_iid", "Id", "ItemId", "宝贝ID", "商品ID")]
        public TaobaoItemBind[] NumIid { get; set; } = Array.Empty<TaobaoItemBind>();

        /// <summary>The seller's own code(s) (商家编码); from a sheet's 商家编码 or OuterId column too.</summary>
        [Parameter(Mandatory = true, ParameterSetName = OuterIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("商家编码", "outer_id", "外部编码")]
        [ValidateNotNullOrEmpty]
        public string[] OuterId { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = OnSaleSet)]
        public SwitchParameter OnSale { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = InventorySet)]
        public SwitchParameter Inventory { get; set; }

        /// <summary>Only items whose title contains this text (TOP's q).</summary>
        [Parameter(ParameterSetName = OnSaleSet)]
        [Parameter(ParameterSetName = InventorySet)]
        [ValidateNotNullOrEmpty]
        public string? Query { get; set; }

        /// <summary>Stops after this many items.</summary>
        [Parameter(ParameterSetName = OnSaleSet)]
        [Parameter(ParameterSetName = InventorySet)]
        [ValidateRange(1, int.MaxValue)]
        public int? First { get; set; }

        protected override object? ErrorTarget
            => ParameterSetName == OnSaleSet ? "taobao.items.onsale.get" : ParameterSetName == InventorySet ? "taobao.items.inventory.get" : null;

        protected override void OnRecord()
        {
            if (ParameterSetName == OuterIdSet)
            {
                foreach (var batch in OuterId.Select((id, i) => (id, i)).GroupBy(p => p.i / OuterIdsPerCall, p => p.id)) WriteByOuterId(batch.ToList());
                return;
            }
            if (ParameterSetName != IdSet) return;
            foreach (var numIid in NumIid)
            {
                Attempt(numIid, () =>
                {
                    if (ResolveItem(numIid)) WriteObject(ReadAnswer(CallApi(ItemApi.SellerGet(numIid)), ItemApi.ReadItem));
                });
            }
        }

        /// <summary>The items of up to 40 outer_ids in the order asked (several per outer_id if the shop has them); an unknown one is an error naming it.</summary>
        private void WriteByOuterId(List<string> outerIds)
        {
            var found = Attempt(string.Join(",", outerIds), () => ReadAnswer(CallApi(ItemApi.CustomGet(outerIds, ItemApi.ItemFields)), ItemApi.ReadByOuterId));
            if (found is null) return;
            foreach (var outerId in outerIds)
            {
                if (!found.Contains(outerId))
                {
                    WriteInputError(Resources.Messages.Format("OuterIdNotFound", outerId), "OuterIdNotFound", ErrorCategory.ObjectNotFound, outerId);
                    continue;
                }
                foreach (var item in found[outerId]) WriteObject(item);
            }
        }

        protected override void OnEnd()
        {
            if (ParameterSetName == IdSet || ParameterSetName == OuterIdSet) return;
            var onSale = ParameterSetName == OnSaleSet;
            var wanted = First ?? int.MaxValue;
            var written = 0;
            // One page size throughout: TOP pages by page_no × page_size.
            var size = (int)Math.Min(PageSize, wanted);
            for (long page = 1; ; page++)
            {
                long total = 0;
                var items = ReadAnswer(CallApi(ItemApi.List(onSale, page, size, Query)), r => ItemApi.ReadItems(r, out total));
                foreach (var item in items)
                {
                    WriteObject(item);
                    if (++written == wanted) return;
                }
                // A short page, or the pages so far cover the total, is the end.
                if (items.Count < size || page * size >= total) return;
            }
        }
    }
}
