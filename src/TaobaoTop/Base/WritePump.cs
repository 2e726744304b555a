using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace TaobaoTop.Base
{
    /// <summary>
    /// For cmdlets that keep many calls in flight across records: background work posts writes (objects, errors,
    /// verbose) from any thread, and the pipeline thread runs them while it waits. Unlike <see cref="CallPump"/> it
    /// lives for the whole cmdlet, not one call.
    /// </summary>
    internal sealed class WritePump
    {
        private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
        private readonly BlockingCollection<Action> _writes = new BlockingCollection<Action>();

        /// <summary>Queues a write for the pipeline thread; safe from any thread.</summary>
        public void Post(Action write) => _writes.Add(write);

        /// <summary>Runs queued writes until <paramref name="work"/> ends, calling <paramref name="idle"/> about every 250 ms; a Ctrl+C stops the pipeline.</summary>
        public void RunUntil(Task work, CancellationToken stopping, Action? idle = null)
        {
            // Work that finished at once (a -WhatIf row's checks from cached answers) needs no wake-up from the pool.
            if (work.IsCompleted)
            {
                Drain();
                if (work.IsCanceled && stopping.IsCancellationRequested) throw new PipelineStoppedException();
                work.GetAwaiter().GetResult();
                return;
            }
            work.ContinueWith(_ => _writes.Add(() => { }), TaskScheduler.Default);
            var lastIdle = DateTime.UtcNow;
            try
            {
                while (!work.IsCompleted || _writes.Count > 0)
                {
                    if (_writes.TryTake(out var write, (int)Tick.TotalMilliseconds, stopping)) write();
                    if (idle != null && DateTime.UtcNow - lastIdle >= Tick)
                    {
                        idle();
                        lastIdle = DateTime.UtcNow;
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            if (work.IsCanceled && stopping.IsCancellationRequested) throw new PipelineStoppedException();
            work.GetAwaiter().GetResult();
        }

        /// <summary>Runs the writes queued so far without waiting.</summary>
        public void Drain()
        {
            while (_writes.TryTake(out var write)) write();
        }
    }
}
