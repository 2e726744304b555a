using System.Globalization;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Binds;
using TaobaoTop.Core.Items;

namespace TaobaoTop.Cmdlets.Items
{
    /// <summary>Puts items from the warehouse on sale (上架, taobao.item.update.listing).</summary>
    [Cmdlet(VerbsData.Publish, "TaobaoItem", SupportsShouldProcess = true)]
    [OutputType(typeof(TaobaoItem))]
    public sealed class PublishTaobaoItemCommand : TaobaoCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("num_iid", "Id", "ItemId", "宝贝ID", "商品ID")]
        public TaobaoItemBind NumIid { get; set; } = null!;

        /// <summary>The stock to list with; the item's current stock when omitted.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("数量", "库存", "Num")]
        [ValidateRange(0, ItemRules.MaxQuantity)]
        public long? Quantity { get; set; }

        protected override void OnRecord() => Attempt(NumIid, () =>
        {
            if (!ResolveItem(NumIid)) return;
            var quantity = Quantity ?? ReadAnswer(CallApi(ItemApi.SellerGet(NumIid)), ItemApi.ReadItem).Quantity ?? 0;
            if (quantity < 1)
            {
                WriteInputError(Resources.Messages.Format("NoStock", NumIid), "NoStock", ErrorCategory.InvalidArgument, NumIid);
                return;
            }
            if (!ShouldProcess(Resources.Messages.Format("ItemTarget", NumIid), Resources.Messages.Format("ListAction", quantity))) return;
            CallApi(ItemApi.Listing(NumIid, quantity));
            WriteItemAfterChange(NumIid);
        });
    }
}
