using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Binds;
using TaobaoTop.Core.Items;

namespace TaobaoTop.Cmdlets.Items
{
    /// <summary>Takes items off sale into the warehouse (下架, taobao.item.update.delisting).</summary>
    [Cmdlet(VerbsData.Unpublish, "TaobaoItem", SupportsShouldProcess = true)]
    [OutputType(typeof(TaobaoItem))]
    public sealed class UnpublishTaobaoItemCommand : TaobaoCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("num_iid", "Id", "ItemId", "宝贝ID", "商品ID")]
        public TaobaoItemBind NumIid { get; set; } = null!;

        protected override void OnRecord() => Attempt(NumIid, () =>
        {
            if (!ResolveItem(NumIid) || !ShouldProcess(Resources.Messages.Format("ItemTarget", NumIid), Resources.Messages.Get("DelistAction"))) return;
            CallApi(ItemApi.Delisting(NumIid));
            WriteItemAfterChange(NumIid);
        });
    }
}
