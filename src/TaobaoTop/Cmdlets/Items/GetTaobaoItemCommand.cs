using System;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Items;

namespace TaobaoTop.Cmdlets.Items
{
    /// <summary>Gets the seller's items: one by id, or all items on sale or in the warehouse, page after page.</summary>
    [Cmdlet(VerbsCommon.Get, "TaobaoItem", DefaultParameterSetName = IdSet)]
    [OutputType(typeof(TaobaoItem))]
    public sealed class GetTaobaoItemCommand : TaobaoCmdlet
    {
        private const string IdSet = "Id";
        private const string OnSaleSet = "OnSale";
        private const string InventorySet = "Inventory";
        private const int PageSize = 200;

        /// <summary>The item id(s) (num_iid).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("num_iid", "Id", "ItemId", "宝贝ID", "商品ID")]
        public TaobaoItemBind[] NumIid { get; set; } = Array.Empty<TaobaoItemBind>();

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

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            foreach (var numIid in NumIid)
            {
                if (numIid.Problem() is ErrorRecord notAnItem)
                {
                    WriteError(notAnItem);
                    continue;
                }
                try
                {
                    WriteObject(ItemApi.ReadItem(CallApi(ItemApi.SellerGet(numIid))));
                }
                catch (TopException ex)
                {
                    WriteCallError(ex, numIid);
                }
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == IdSet) return;
            var onSale = ParameterSetName == OnSaleSet;
            var wanted = First ?? int.MaxValue;
            var written = 0;
            // One page size throughout: TOP pages by page_no × page_size.
            var size = (int)Math.Min(PageSize, wanted);
            for (long page = 1; ; page++)
            {
                var items = ItemApi.ReadItems(CallApi(ItemApi.List(onSale, page, size, Query)), out var total);
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
