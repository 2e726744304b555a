using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// The 淘口令 warning and interception list (taobao.tbk.dg.tpwd.risk.report; -AsServiceProvider for the sc version):
    /// the account's PIDs on it, or with -Pid that PID's channels, each warned (预警) or blocked (拦截).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TbkPasswordRisk")]
    [OutputType(typeof(TbkPasswordRisk))]
    public sealed class GetTbkPasswordRiskCommand : TbkCmdlet
    {
        // The API serves at most 1000 entries a call.
        private const int Limit = 1000;

        /// <summary>A PID whose channels to list; by property name from New-TbkAdzone too. The account's PIDs when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateTbkPid]
        public string Pid { get; set; } = null!;

        /// <summary>Only the blocked ones (拦截).</summary>
        [Parameter]
        public SwitchParameter BlockedOnly { get; set; }

        /// <summary>Calls taobao.tbk.sc.tpwd.risk.report (tool service providers; needs a session).</summary>
        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        protected override void OnRecord()
        {
            var pid = string.IsNullOrWhiteSpace(Pid) ? null : Pid.Trim();
            object target = pid ?? "account";
            for (var offset = 0; ; offset += Limit)
            {
                var request = new TopRequest(AsServiceProvider ? "taobao.tbk.sc.tpwd.risk.report" : "taobao.tbk.dg.tpwd.risk.report")
                    .With("offset", offset)
                    .With("limit", Limit)
                    .With("pid", pid);
                var risks = Fetch(request, body => TbkPromotionAnswers.PasswordRisks(body, pid), target);
                if (risks == null) return;
                foreach (var risk in risks)
                {
                    if (!BlockedOnly || risk.Status == TbkPasswordRiskStatus.Blocked) WriteObject(risk);
                }
                if (risks.Count < Limit) return;
            }
        }
    }
}
