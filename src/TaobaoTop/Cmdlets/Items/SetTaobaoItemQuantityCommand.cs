using System.Globalization;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Binds;
using TaobaoTop.Core.Items;

namespace TaobaoTop.Cmdlets.Items
{
    /// <summary>Sets an item's or a SKU's stock, or adds to it (-Incremental).</summary>
    [Cmdlet(VerbsCommon.Set, "TaobaoItemQuantity", SupportsShouldProcess = true)]
    [OutputType(typeof(TaobaoItem))]
    public sealed class SetTaobaoItemQuantityCommand : TaobaoCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("num_iid", "Id", "ItemId", "宝贝ID", "商品ID")]
        public TaobaoItemBind NumIid { get; set; } = null!;

        /// <summary>The new stock; with -Incremental the change, which may be negative.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("数量", "库存", "Num")]
        [ValidateRange(-ItemRules.MaxQuantity, ItemRules.MaxQuantity)]
        public long Quantity { get; set; }

        /// <summary>Adds Quantity to the current stock instead of replacing it (TOP's type 2).</summary>
        [Parameter]
        public SwitchParameter Incremental { get; set; }

        /// <summary>Changes only this SKU's stock.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("sku_id")]
        public long? SkuId { get; set; }

        /// <summary>Changes only the stock of the SKU with this 商家编码 (SKU编码); TOP's outer_id of item.quantity.update.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("SKU编码", "SKU商家编码", "sku_outer_id")]
        public string? SkuOuterId { get; set; }

        protected override void OnRecord() => Attempt(NumIid, () =>
        {
            if (!ResolveItem(NumIid)) return;
            if (!Incremental && Quantity < 0)
            {
                WriteInputError(Resources.Messages.Format("StockBelowZero", NumIid, Quantity), "InvalidQuantity", ErrorCategory.InvalidArgument, NumIid);
                return;
            }
            var skuOuterId = string.IsNullOrWhiteSpace(SkuOuterId) ? null : SkuOuterId!.Trim();
            var target = Resources.Messages.Format("ItemTarget", NumIid) + (SkuId is long sku ? " SKU " + sku.ToString(CultureInfo.InvariantCulture) : skuOuterId != null ? " SKU " + skuOuterId : string.Empty);
            var action = Resources.Messages.Format(Incremental ? "ChangeStockAction" : "SetStockAction", Quantity);
            if (!ShouldProcess(target, action)) return;
            CallApi(ItemApi.QuantityUpdate(NumIid, Quantity, Incremental, SkuId, SkuId is null ? skuOuterId : null));
            WriteItemAfterChange(NumIid);
        });
    }
}
