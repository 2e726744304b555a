using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// Per PID, whether it has the mm_&lt;member&gt;_&lt;site&gt;_&lt;adzone&gt; shape and, with -Online, whether the
    /// promoter owns that adzone on that site (a one-item search for the adzone, which TOP rejects for a foreign
    /// adzone; TOP has no API that reads an adzone), and why not. -Quiet: one boolean, true when every PID is valid.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "TbkPid")]
    [OutputType(typeof(TbkPidTestResult))]
    [OutputType(typeof(bool))]
    public sealed class TestTbkPidCommand : TbkCmdlet
    {
        private bool _allValid = true;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Pid { get; set; } = null!;

        /// <summary>Also asks TOP whether the adzone exists and belongs to the site.</summary>
        [Parameter]
        public SwitchParameter Online { get; set; }

        /// <summary>Writes one boolean for all the PIDs instead of an object per PID.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void OnEnd()
        {
            if (Quiet) WriteObject(_allValid);
        }

        private void Report(bool isValid, string? reason)
        {
            _allValid &= isValid;
            if (reason != null) WriteVerbose(Pid + ": " + reason);
            if (!Quiet) WriteObject(new TbkPidTestResult(Pid, isValid, reason));
        }

        protected override void OnRecord()
        {
            if (!TbkPid.TryParse(Pid, out var pid, out var problem))
            {
                Report(false, problem);
                return;
            }
            if (!Online)
            {
                Report(true, null);
                return;
            }
            var probe = new TopRequest("taobao.tbk.dg.material.optional.upgrade")
                .With("adzone_id", pid.AdzoneId)
                .With("site_id", pid.SiteId)
                .With("q", "淘宝")
                .With("page_size", 1);
            var answered = Attempt(Pid, () =>
            {
                var verdict = TbkAnswers.PidProbe(() => CallApi(probe));
                Report(verdict.IsValid, verdict.Reason);
            });
            _allValid &= answered;
        }
    }
}
