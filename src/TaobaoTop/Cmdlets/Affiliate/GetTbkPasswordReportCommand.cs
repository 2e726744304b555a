using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// How often a 淘口令 was opened (taobao.tbk.dg.tpwd.report.get; -AsServiceProvider for the sc version): PV and UV
    /// in all and in the last hour, for the adzone it was made for.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TbkPasswordReport")]
    [OutputType(typeof(TbkPasswordReport))]
    public sealed class GetTbkPasswordReportCommand : TbkPromotionCmdlet
    {
        /// <summary>A 淘口令 or a share text with one; from New-TbkPassword and ConvertTo-TbkLink by name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Password { get; set; } = null!;

        /// <summary>Calls taobao.tbk.sc.tpwd.report.get (tool service providers; needs -Pid and a session).</summary>
        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        protected override void OnRecord()
        {
            if (!TbkPasswordText.TryFind(Password, out var code))
            {
                WriteInputError(Resources.Messages.Format("NoPasswordInText", Password), "NoPasswordInText", ErrorCategory.InvalidArgument, Password);
                return;
            }
            var request = WithAdzone(new TopRequest(AsServiceProvider ? "taobao.tbk.sc.tpwd.report.get" : "taobao.tbk.dg.tpwd.report.get"), AsServiceProvider)
                .With("tao_password", "￥" + code + "￥");
            var report = Fetch(request, body => TbkPromotionAnswers.PasswordReport(body, code), Password);
            if (report != null) WriteObject(report);
        }
    }
}
