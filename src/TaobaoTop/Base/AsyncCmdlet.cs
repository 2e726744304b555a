using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core;
using TaobaoTop.Core.Pipeline;

namespace TaobaoTop.Base
{
    /// <summary>
    /// Base of the cmdlets that run async client work (TOP and WeCom): the work runs off the pipeline thread, what it
    /// reports is written on it, and Ctrl+C or a pipeline stopped downstream cancels it.
    /// </summary>
    public abstract class AsyncCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        protected CancellationToken Cancellation => _stopping.Token;

        /// <summary>Runs one client operation, writing its -Verbose reports on the pipeline thread as they happen.</summary>
        protected T RunCall<T>(Func<Action<ServiceCallEvent>, CancellationToken, Task<T>> call)
        {
            var pump = new CallPump();
            return pump.Run(call(e => pump.Post(() => Report(e)), Cancellation));
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
            private readonly AsyncCmdlet _cmdlet;
            private readonly CallPump _pump;

            internal StreamSink(AsyncCmdlet cmdlet, CallPump pump)
            {
                _cmdlet = cmdlet;
                _pump = pump;
            }

            public void Emit(object record) => _pump.Post(() => _cmdlet.WriteObject(record));

            public void Progress(ProgressRecord progress) => _pump.Post(() => _cmdlet.WriteProgress(progress));

            /// <summary>For a client's observer (TOP or WeCom): -Verbose reports of each call.</summary>
            public void Report(ServiceCallEvent e) => _pump.Post(() => _cmdlet.Report(e));
        }

        /// <summary>A call's event on the pipeline thread: a warning when auditing failed, else -Verbose text.</summary>
        protected void Report(ServiceCallEvent e)
        {
            if (e.Kind == CallEventKind.AuditFailed) WriteWarning(Resources.TopText.Describe(e));
            else WriteVerbose(Resources.TopText.Describe(e));
        }

        protected override void StopProcessing() => _stopping.Cancel();
    }
}
