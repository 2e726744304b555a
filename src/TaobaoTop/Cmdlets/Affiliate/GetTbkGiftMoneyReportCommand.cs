using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>How a 淘礼金 did (taobao.tbk.dg.vegas.tlj.report): claims, uses, refunds, paid orders and commission.</summary>
    [Cmdlet(VerbsCommon.Get, "TbkGiftMoneyReport")]
    [OutputType(typeof(TbkGiftMoneyReport))]
    public sealed class GetTbkGiftMoneyReportCommand : TbkGiftMoneyCmdlet
    {
        protected override void OnRecord()
        {
            if (!(GiftAdzoneId() is long adzoneId)) return;
            var request = new TopRequest("taobao.tbk.dg.vegas.tlj.report").With("rights_id", RightsId).With("adzone_id", adzoneId);
            var report = FetchAnswer(request, response => TbkPromotionAnswers.GiftMoneyReport(response, RightsId, adzoneId), RightsId);
            if (report != null) WriteObject(report);
        }
    }
}
