using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Connection;

namespace TaobaoTop.Cmdlets.Connection
{
    /// <summary>Forgets the session's current connection and its credentials.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "TaobaoTop")]
    public sealed class DisconnectTaobaoTopCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var connection = ConnectionStore<TaobaoConnection>.Current;
            if (connection is null)
            {
                WriteVerbose(Resources.Messages.Get("NoConnectionToClose"));
                return;
            }
            ConnectionStore<TaobaoConnection>.Current = null;
            connection.Release();
            WriteVerbose(Resources.Messages.Format("Disconnected", connection));
        }
    }
}
