using System.Management.Automation;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// True when a PID has the mm_&lt;member&gt;_&lt;site&gt;_&lt;adzone&gt; shape; with -Online, also when the promoter
    /// owns that adzone on that site (a one-item search for the adzone, which TOP rejects for a foreign adzone).
    /// TOP has no API that reads an adzone.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "TbkPid")]
    [OutputType(typeof(bool))]
    public sealed class TestTbkPidCommand : TbkCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Pid { get; set; } = null!;

        /// <summary>Also asks TOP whether the adzone exists and belongs to the site.</summary>
        [Parameter]
        public SwitchParameter Online { get; set; }

        protected override void ProcessRecord()
        {
            if (!TbkPid.TryParse(Pid, out var pid, out var problem))
            {
                WriteVerbose(problem);
                WriteObject(false);
                return;
            }
            if (!Online)
            {
                WriteObject(true);
                return;
            }
            var probe = new TopRequest("taobao.tbk.dg.material.optional.upgrade")
                .With("adzone_id", pid.AdzoneId)
                .With("site_id", pid.SiteId)
                .With("q", "淘宝")
                .With("page_size", 1);
            try
            {
                CallApi(probe);
                WriteObject(true);
            }
            catch (TopApiException ex) when (ex.SubCode == "50001")
            {
                WriteObject(true);
            }
            // Business codes 2 (adzone not on this site) and 4 (adzone unknown or not the caller's).
            catch (TopApiException ex) when (ex.Code == 15 && (ex.SubCode == "2" || ex.SubCode == "4"))
            {
                WriteVerbose(Pid + ": " + ex.SubMessage);
                WriteObject(false);
            }
            catch (TopException ex)
            {
                WriteCallError(ex, Pid);
            }
        }
    }
}
