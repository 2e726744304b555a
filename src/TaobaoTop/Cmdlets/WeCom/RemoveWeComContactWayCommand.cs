using System.Management.Automation;
using TaobaoTop.Base;

namespace TaobaoTop.Cmdlets.WeCom
{
    /// <summary>
    /// Deletes contact ways: their QR codes stop adding customers; customers already added stay. It cannot be undone,
    /// so it asks by default, naming each code by its state and remark (read first).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "WeComContactWay", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveWeComContactWayCommand : WeComCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] ConfigId { get; set; } = null!;

        protected override void OnRecord()
        {
            foreach (var id in ConfigId)
            {
                Attempt(id, () =>
                {
                    var code = Call((contacts, ct) => contacts.GetContactWayAsync(id, ct));
                    var target = Resources.Messages.Format("ContactWayRemoveTarget", OrNotSet(code.State), OrNotSet(code.Remark), id);
                    if (ShouldProcess(target, Resources.Messages.Get("DeleteContactWay"))) Call((contacts, ct) => contacts.DeleteContactWayAsync(id, ct));
                });
            }
        }

        private static string OrNotSet(string? text) => string.IsNullOrEmpty(text) ? Resources.Messages.Get("NotSet") : text!;
    }
}
