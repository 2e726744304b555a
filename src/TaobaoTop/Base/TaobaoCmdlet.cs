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
            var connection = Connection ?? ConnectionStore.Current;
            if (connection is null) ThrowTerminatingError(ErrorRecords.NotConnected(MyInvocation.MyCommand.Name));
            return connection!;
        }

        /// <summary>Calls the API, writing -Verbose reports (API, elapsed ms, request id, retries) as they happen.</summary>
        protected TopResponse CallApi(TopRequest request)
        {
            var client = RequireConnection().Client;
            return RunCall((observer, cancel) => client.InvokeAsync(request, observer, cancel));
        }

        /// <summary>A non-terminating error for one failed call; the pipeline goes on with the next record.</summary>
        protected void WriteCallError(TopException ex, object? target) => WriteError(ErrorRecords.From(ex, target));
    }
}
