using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace TaobaoTop.Base
{
    /// <summary>
    /// Runs async work while the cmdlet's own thread writes what it reports: cmdlets may only write from the
    /// pipeline thread, and calls report from thread-pool continuations.
    /// </summary>
    internal sealed class CallPump
    {
        private readonly BlockingCollection<Action> _writes = new BlockingCollection<Action>();

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
            work.ContinueWith(_ => _writes.CompleteAdding(), TaskScheduler.Default);
            foreach (var write in _writes.GetConsumingEnumerable()) write();
            return work.GetAwaiter().GetResult();
        }
    }
}
