using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>An Alimama promotion coupon's details (taobao.tbk.coupon.get), by activity id and optionally the item.</summary>
    [Cmdlet(VerbsCommon.Get, "TbkCoupon")]
    [OutputType(typeof(TbkCoupon))]
    public sealed class GetTbkCouponCommand : TbkCmdlet
    {
        /// <summary>The coupon's activity id (CouponActivityId of Find-TbkItem / ConvertTo-TbkLink).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("CouponActivityId")]
        [ValidateNotNullOrEmpty]
        public string ActivityId { get; set; } = null!;

        /// <summary>The item the coupon is for.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        public string ItemId { get; set; } = null!;

        protected override void OnRecord()
        {
            if (TbkItemReference.IsLegacyItemId(ItemId))
            {
                WriteLegacyIdError(ItemId);
                return;
            }
            var request = new TopRequest("taobao.tbk.coupon.get").With("activity_id", ActivityId).With("item_id", string.IsNullOrEmpty(ItemId) ? null : ItemId);
            var itemId = string.IsNullOrEmpty(ItemId) ? null : ItemId;
            var coupon = Fetch(request, body => TbkAnswers.Coupon(body, itemId), ActivityId);
            if (coupon != null) WriteObject(coupon);
        }
    }
}
