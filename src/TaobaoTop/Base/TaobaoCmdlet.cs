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
    public abstract class TaobaoCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        /// <summary>A connection from Connect-TaobaoTop -PassThru; the session's current connection when omitted.</summary>
        [Parameter]
        [ValidateNotNull]
        public TaobaoConnection? Connection { get; set; }

        protected CancellationToken Cancellation => _stopping.Token;

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

        /// <summary>Runs one client operation, writing its -Verbose reports on the pipeline thread as they happen.</summary>
        protected T RunCall<T>(Func<Action<TopCallEvent>, CancellationToken, Task<T>> call)
        {
            var pump = new CallPump();
            return pump.Run(call(e => pump.Post(() => WriteVerbose(e.ToString())), Cancellation));
        }

        /// <summary>
        /// Runs streaming work (many calls, many records) off the pipeline thread: <c>Emit</c> writes a record, and
        /// blocks when 1,000 wait, so memory stays flat; verbose reports go through the same queue. Stops the work when
        /// the pipeline stops downstream.
        /// </summary>
        protected void Stream(Func<StreamSink, CancellationToken, Task> work)
        {
            var pump = new CallPump(capacity: 1000);
            using (var abandon = CancellationTokenSource.CreateLinkedTokenSource(Cancellation))
            {
                var sink = new StreamSink(this, pump);
                pump.Run(Task.Run(() => work(sink, abandon.Token)), abandon);
            }
        }

        /// <summary>What streaming work may write, from any thread.</summary>
        protected sealed class StreamSink
        {
            private readonly TaobaoCmdlet _cmdlet;
            private readonly CallPump _pump;

            internal StreamSink(TaobaoCmdlet cmdlet, CallPump pump)
            {
                _cmdlet = cmdlet;
                _pump = pump;
            }

            public void Emit(object record) => _pump.Post(() => _cmdlet.WriteObject(record));

            public void Progress(ProgressRecord progress) => _pump.Post(() => _cmdlet.WriteProgress(progress));

            /// <summary>For <see cref="TopClient.InvokeAsync"/>'s observer: -Verbose reports of each call.</summary>
            public void Report(TopCallEvent e) => _pump.Post(() => _cmdlet.WriteVerbose(e.ToString()));
        }

        /// <summary>A non-terminating error for one failed call; the pipeline goes on with the next record.</summary>
        protected void WriteCallError(TopException ex, object? target) => WriteError(ErrorRecords.From(ex, target));

        protected override void StopProcessing() => _stopping.Cancel();
    }
}
