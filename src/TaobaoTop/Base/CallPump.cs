using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace TaobaoTop.Base
{
    /// <summary>
    /// Runs async work while the cmdlet's own thread writes what it reports: cmdlets may only write from the
    /// pipeline thread, and calls report from thread-pool continuations.
    /// </summary>
    internal sealed class CallPump
    {
        private readonly BlockingCollection<Action> _writes;

        public CallPump()
        {
            _writes = new BlockingCollection<Action>();
        }

        /// <param name="capacity">Writes held at most; <see cref="Post"/> blocks beyond it, so a fast producer waits for the pipeline.</param>
        public CallPump(int capacity)
        {
            _writes = new BlockingCollection<Action>(capacity);
        }

        /// <summary>Queues a write for the pipeline thread; safe from any thread.</summary>
        public void Post(Action write)
        {
            try
            {
                _writes.Add(write);
            }
            catch (InvalidOperationException)
            {
                // The work already finished; a late report has nowhere to go.
            }
        }

        public T Run<T>(Task<T> work)
        {
            Drain(work);
            return work.GetAwaiter().GetResult();
        }

        /// <param name="abandon">Cancelled when a write throws (the pipeline stopped downstream), so the work stops too.</param>
        public void Run(Task work, CancellationTokenSource abandon)
        {
            try
            {
                Drain(work);
            }
            catch
            {
                abandon.Cancel();
                _writes.CompleteAdding();
                throw;
            }
            work.GetAwaiter().GetResult();
        }

        private void Drain(Task work)
        {
            work.ContinueWith(_ => _writes.CompleteAdding(), TaskScheduler.Default);
            foreach (var write in _writes.GetConsumingEnumerable()) write();
        }
    }
}
