using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Connection;

namespace TaobaoTop.Cmdlets.Connection
{
    /// <summary>Shows the current connection: endpoint, app key, sign method, whether a session is set, quotas and calls made.</summary>
    [Cmdlet(VerbsCommon.Get, "TaobaoTopContext")]
    [OutputType(typeof(TaobaoTopContext))]
    public sealed class GetTaobaoTopContextCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var connection = ConnectionStore<TaobaoConnection>.Current;
            if (connection is null)
            {
                WriteWarning(Resources.Messages.Get("NoConnectionWarning"));
                return;
            }
            WriteObject(new TaobaoTopContext(connection));
        }
    }
}
