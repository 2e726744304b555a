using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// Per PID, whether it has the mm_&lt;member&gt;_&lt;site&gt;_&lt;adzone&gt; shape and, with -Online, whether TOP's pid校验
    /// (taobao.tbk.tbkinfo.get) says it is the caller's, and why not. -Quiet: one boolean, true when every PID is valid.
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
            if (!TbkPid.TryParse(Pid, out _, out var problem))
            {
                Report(false, problem);
                return;
            }
            if (!Online)
            {
                Report(true, null);
                return;
            }
            var check = new TopRequest("taobao.tbk.tbkinfo.get").With("pid", Pid);
            var answered = Attempt(Pid, () =>
            {
                var owned = Read(CallApi(check), TbkToolAnswers.PidIsValid);
                Report(owned, owned ? null : Resources.Messages.Format("PidNotOwned", Pid));
            });
            _allValid &= answered;
        }
    }
}
