using System.Management.Automation;
using TaobaoTop.Core.Errors;

namespace TaobaoTop.Cmdlets.WeCom
{
    /// <summary>Deletes contact ways: their QR codes stop adding customers; customers already added stay.</summary>
    [Cmdlet(VerbsCommon.Remove, "WeComContactWay", SupportsShouldProcess = true)]
    public sealed class RemoveWeComContactWayCommand : WeComCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] ConfigId { get; set; } = null!;

        protected override void ProcessRecord()
        {
            foreach (var id in ConfigId)
            {
                if (!ShouldProcess(id, "Delete WeCom contact way")) continue;
                try
                {
                    Call((contacts, ct) => contacts.DeleteContactWayAsync(id, ct));
                }
                catch (TopException ex)
                {
                    WriteError(ErrorFor(ex, id));
                }
            }
        }
    }
}
