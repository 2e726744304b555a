using System.Management.Automation;
using TaobaoTop.Base;
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

        protected override void OnRecord()
        {
            if (!(GiftAdzoneId() is long adzoneId)) return;
            if (!ShouldProcess("淘礼金 " + RightsId, Resources.Messages.Get("StopSendingAction"))) return;
            // Stopping twice is harmless, so a call whose answer was lost may be sent again.
            var request = new TopRequest("taobao.tbk.dg.vegas.tlj.stop") { IsIdempotent = true }.With("rights_id", RightsId).With("adzone_id", adzoneId);
            Attempt(RightsId, () =>
            {
                var stopped = CallApi(request);
                Read(stopped, _ => { TbkPromotionAnswers.GiftMoneyStopped(stopped); return stopped; });
                if (!PassThru) return;
                var report = CallApi(new TopRequest("taobao.tbk.dg.vegas.tlj.report").With("rights_id", RightsId).With("adzone_id", adzoneId));
                WriteObject(Read(report, _ => TbkPromotionAnswers.GiftMoneyReport(report, RightsId, adzoneId)));
            });
        }
    }
}
