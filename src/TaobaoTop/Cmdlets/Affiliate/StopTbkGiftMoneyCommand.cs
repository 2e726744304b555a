using System.Management.Automation;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>Stops sending a 淘礼金 (taobao.tbk.dg.vegas.tlj.stop); those claimed already stay usable.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "TbkGiftMoney", SupportsShouldProcess = true)]
    [OutputType(typeof(TbkGiftMoneyReport))]
    public sealed class StopTbkGiftMoneyCommand : TbkGiftMoneyCmdlet
    {
        /// <summary>Writes the 淘礼金's report after stopping it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (!(GiftAdzoneId() is long adzoneId)) return;
            if (!ShouldProcess("淘礼金 " + RightsId, Resources.Messages.Get("StopSendingAction"))) return;
            // Stopping twice is harmless, so a call whose answer was lost may be sent again.
            var request = new TopRequest("taobao.tbk.dg.vegas.tlj.stop") { IsIdempotent = true }.With("rights_id", RightsId).With("adzone_id", adzoneId);
            var response = TryCall(request, RightsId);
            if (response == null) return;
            if (Read(response, _ => { TbkPromotionAnswers.GiftMoneyStopped(response); return response; }, RightsId) == null || !PassThru) return;
            var report = TryCall(new TopRequest("taobao.tbk.dg.vegas.tlj.report").With("rights_id", RightsId).With("adzone_id", adzoneId), RightsId);
            if (report == null) return;
            var read = Read(report, _ => TbkPromotionAnswers.GiftMoneyReport(report, RightsId, adzoneId), RightsId);
            if (read != null) WriteObject(read);
        }
    }
}
