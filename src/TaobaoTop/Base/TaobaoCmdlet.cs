using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Connection;
using TaobaoTop.Core;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Base
{
    /// <summary>
    /// Base of every cmdlet that calls TOP: finds the connection (-Connection or the session's current one), runs calls
    /// with verbose reports on the pipeline thread, stops cleanly on Ctrl+C.
    /// </summary>
    public abstract class TaobaoCmdlet : AsyncCmdlet
    {
        /// <summary>A connection from Connect-TaobaoTop -PassThru; the session's current connection when omitted.</summary>
        [Parameter]
        [ValidateNotNull]
        public TaobaoConnection? Connection { get; set; }

        /// <summary>The connection to use; stops the cmdlet with a clear error when there is none.</summary>
        protected TaobaoConnection RequireConnection()
        {
            var connection = Connection ?? ConnectionStore<TaobaoConnection>.Current;
            if (connection is null) ThrowTerminatingError(ErrorRecords.NotConnected());
            return connection!;
        }

        /// <summary>Calls the API, writing -Verbose reports (API, elapsed ms, request id, retries) as they happen.</summary>
        protected TopResponse CallApi(TopRequest request)
        {
            var client = RequireConnection().Client;
            return RunCall((observer, cancel) => client.InvokeAsync(request, observer, cancel));
        }

        /// <summary>Null when the input names one item (looked up by 商家编码 if need be); else the error to write.</summary>
        internal ErrorRecord? ResolveItem(Cmdlets.Items.TaobaoItemBind item)
        {
            try
            {
                return item.Resolve(CallApi);
            }
            catch (TopException ex)
            {
                return ErrorRecords.From(ex, item.ToString());
            }
        }

        /// <summary>
        /// After a write whose answer carries only num_iid and modified: writes the item as it is now (one read), so
        /// title, stock and status are true; a warning when the change went through but the read did not.
        /// </summary>
        internal void WriteItemAfterChange(long numIid)
        {
            try
            {
                WriteObject(Core.Items.ItemApi.ReadItem(CallApi(Core.Items.ItemApi.SellerGet(numIid))));
            }
            catch (TopException ex)
            {
                WriteWarning(Resources.Messages.Format("ItemReadBackFailed", numIid, ex.Message));
            }
        }

        /// <summary>A non-terminating error for one failed call; the pipeline goes on with the next record.</summary>
        protected void WriteCallError(TopException ex, object? target, string? subject = null) => WriteError(ErrorRecords.From(ex, target, subject));
    }
}
