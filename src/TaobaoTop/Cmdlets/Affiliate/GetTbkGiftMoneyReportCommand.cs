using System.Management.Automation;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>How a 淘礼金 did (taobao.tbk.dg.vegas.tlj.report): claims, uses, refunds, paid orders and commission.</summary>
    [Cmdlet(VerbsCommon.Get, "TbkGiftMoneyReport")]
    [OutputType(typeof(TbkGiftMoneyReport))]
    public sealed class GetTbkGiftMoneyReportCommand : TbkGiftMoneyCmdlet
    {
        protected override void ProcessRecord()
        {
            if (!(GiftAdzoneId() is long adzoneId)) return;
            var request = new TopRequest("taobao.tbk.dg.vegas.tlj.report").With("rights_id", RightsId).With("adzone_id", adzoneId);
            var response = TryCall(request, RightsId);
            if (response == null) return;
            var report = Read(response, _ => TbkPromotionAnswers.GiftMoneyReport(response, RightsId, adzoneId), RightsId);
            if (report != null) WriteObject(report);
        }
    }
}
