using System.Diagnostics;

namespace TaobaoTop.Bench.EndToEnd;

/// <summary>Another process's working set, sampled from here every 50 ms; the peak is what a sync needs while it runs.</summary>
public sealed class WorkingSetSampler : IDisposable
{
    private readonly Process _process;
    private readonly Timer _timer;
    private long _peak;
    private bool _disposed;

    public WorkingSetSampler(int processId)
    {
        _process = Process.GetProcessById(processId);
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    private void Sample()
    {
        long now;
        lock (_process)
        {
            if (_disposed) return;
            try
            {
                _process.Refresh();
                now = _process.WorkingSet64;
            }
            catch (InvalidOperationException)
            {
                // It has exited.
                return;
            }
        }
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen) { }
    }

    public long Stop()
    {
        _timer.Dispose();
        Sample();
        return Interlocked.Read(ref _peak);
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_process)
        {
            _disposed = true;
            _process.Dispose();
        }
    }
}
