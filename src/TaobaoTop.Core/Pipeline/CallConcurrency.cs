using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// How many calls a bulk job keeps in flight: enough to fill the app key's pace at the gateway's recent latency
    /// (Little's law: calls in flight = pace × time per call), with headroom, between a floor and the caller's cap.
    /// The pacer alone sets the pace; this only keeps enough calls waiting at it, so a slow gateway (hundreds of
    /// milliseconds from outside China) gets more in flight and a fast one fewer. The cap bounds memory.
    /// </summary>
    public sealed class CallConcurrency
    {
        /// <summary>The cap when the caller gives none: 400 ms at 40 calls/s with headroom.</summary>
        public const int DefaultCap = 32;

        /// <summary>
        /// Calls in flight however fast the gateway: one being answered while the next waits for its slot, and room
        /// for what a job does between calls (a journal line, a look-up) and for slots shared with other processes.
        /// </summary>
        public const int Floor = 4;

        /// <summary>The latency assumed before any call has been timed.</summary>
        public static readonly TimeSpan InitialLatency = TimeSpan.FromMilliseconds(200);

        // p90 rather than the mean, and half as much again: calls slower than usual must not leave the pacer idle.
        private const double Headroom = 1.5;
        private const double Percentile = 0.9;

        // Recent enough to follow a gateway slowing down within a couple of seconds at 40 calls/s.
        private const int Samples = 64;

        private readonly Func<double> _pace;
        private readonly double[] _latencies = new double[Samples];
        private readonly Queue<TaskCompletionSource<bool>> _waiting = new Queue<TaskCompletionSource<bool>>();
        private readonly object _lock = new object();
        private int _sampleCount;
        private int _nextSample;
        private double _p90Seconds = InitialLatency.TotalSeconds;
        private int _inFlight;

        /// <param name="pace">Calls per second the pacer lets through now; 0 or less when calls are not paced.</param>
        /// <param name="cap">The most calls in flight, whatever the latency (e.g. -ThrottleLimit).</param>
        public CallConcurrency(Func<double> pace, int cap)
        {
            _pace = pace ?? throw new ArgumentNullException(nameof(pace));
            Cap = Math.Max(1, cap);
        }

        /// <summary>For calls through <paramref name="client"/>: its app key's pace in this process (the lowest any connection asked for), else its -Qps.</summary>
        public static CallConcurrency For(TopClient client, int cap)
        {
            if (client is null) throw new ArgumentNullException(nameof(client));
            var options = client.Options;
            return new CallConcurrency(() => options.Qps <= 0 ? 0 : RateLimitPolicy.Pace(options.AppKey, options.Endpoint.Authority) ?? options.Qps, cap);
        }

        public int Cap { get; }

        /// <summary>Calls allowed in flight now.</summary>
        public int Limit
        {
            get
            {
                lock (_lock) return LimitNow();
            }
        }

        public int InFlight
        {
            get
            {
                lock (_lock) return _inFlight;
            }
        }

        /// <summary>The 90th percentile of the last calls' time on the wire (from sending to the answer).</summary>
        public TimeSpan RecentLatency
        {
            get
            {
                lock (_lock) return TimeSpan.FromSeconds(_p90Seconds);
            }
        }

        /// <summary>Waits for a place among the calls in flight; give it back with <see cref="Release"/>.</summary>
        public Task WaitAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TaskCompletionSource<bool> place;
            lock (_lock)
            {
                if (_waiting.Count == 0 && _inFlight < LimitNow())
                {
                    _inFlight++;
                    return Task.CompletedTask;
                }
                place = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Enqueue(place);
            }
            if (!cancellationToken.CanBeCanceled) return place.Task;
            var registration = cancellationToken.Register(() => place.TrySetCanceled(cancellationToken));
            return place.Task.ContinueWith(t =>
            {
                registration.Dispose();
                return t;
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Unwrap();
        }

        public void Release()
        {
            lock (_lock)
            {
                _inFlight--;
                Admit();
            }
        }

        /// <summary>Times one call of the job (each attempt from sending to its answer) and passes its events on.</summary>
        public Action<TopCallEvent> Watch(Action<TopCallEvent>? observer)
        {
            TimeSpan? sentAt = null;
            return e =>
            {
                if (e.Kind == CallEventKind.Sending)
                {
                    sentAt = e.Elapsed;
                }
                else if (sentAt is TimeSpan sent && (e.Kind == CallEventKind.Succeeded || e.Kind == CallEventKind.Failed || e.Kind == CallEventKind.Retrying))
                {
                    Record(e.Elapsed - sent);
                    sentAt = null;
                }
                observer?.Invoke(e);
            };
        }

        /// <summary>Adds one call's time on the wire to the recent ones.</summary>
        public void Record(TimeSpan latency)
        {
            lock (_lock)
            {
                _latencies[_nextSample] = Math.Max(0, latency.TotalSeconds);
                _nextSample = (_nextSample + 1) % Samples;
                if (_sampleCount < Samples) _sampleCount++;
                var recent = new double[_sampleCount];
                Array.Copy(_latencies, recent, _sampleCount);
                Array.Sort(recent);
                _p90Seconds = recent[Math.Min(_sampleCount - 1, (int)Math.Ceiling(Percentile * _sampleCount) - 1)];
                Admit();
            }
        }

        private int LimitNow()
        {
            var pace = _pace();
            if (pace <= 0) return Cap;
            var needed = (int)Math.Ceiling(pace * _p90Seconds * Headroom) + 1;
            return Math.Min(Cap, Math.Max(Floor, needed));
        }

        private void Admit()
        {
            var limit = LimitNow();
            while (_inFlight < limit && _waiting.Count > 0)
            {
                if (_waiting.Dequeue().TrySetResult(true)) _inFlight++;
            }
        }
    }
}
