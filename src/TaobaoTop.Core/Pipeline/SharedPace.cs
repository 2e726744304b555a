using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// The call schedule of one app key, shared by the processes of this machine through a small file: a call that is
    /// ready takes the file's exclusive OS lock for a moment and goes only when the next slot has come, moving it on by
    /// one spacing; otherwise it sleeps until then and looks again. Slots are taken when a call goes, never reserved
    /// ahead, so a process that stalled (a loaded machine, a GC pause) cannot send a bunch of overdue calls at once; a
    /// late start is caught up on the next slot by at most 10 ms, as in-process. While another process calls too, a
    /// call also waits for a sliding window of recent starts to have room. A process that dies holds nothing (the OS
    /// frees the lock), and a slot far ahead left by a changed clock is ignored.
    /// </summary>
    internal sealed class SharedPace
    {
        /// <summary>One process alone keeps the in-process margin (2%, 20 ms a second).</summary>
        public const double AloneMargin = 1.02;

        /// <summary>
        /// Calls of two processes reach the gateway with more jitter than one's, and TOP counts calls per clock second:
        /// while another process calls too, a 5% margin (50 ms a second) keeps a late call from tipping a second over.
        /// </summary>
        public const double SharedMargin = 1.05;

        private static readonly long Stale = TimeSpan.FromMinutes(1).Ticks;
        private static readonly long CatchUp = TimeSpan.FromMilliseconds(10).Ticks;

        /// <summary>How long after another process's call this one still paces with the shared margin.</summary>
        private static readonly long SharedSpell = TimeSpan.FromSeconds(2).Ticks;

        private static readonly int ProcessId = System.Diagnostics.Process.GetCurrentProcess().Id;

        /// <summary>
        /// While processes share the quota, a call also waits until fewer than QPS - 1 calls started in the last second
        /// and 30 ms: the schedule alone lets calls that woke late bunch into one of the gateway's clock seconds, and a
        /// call reaches the gateway a few milliseconds after it starts.
        /// </summary>
        private static readonly long Window = TimeSpan.FromMilliseconds(1030).Ticks;

        // The file: next slot (8 bytes), last process (4), shared until (8), ring head (4), then the last calls' starts.
        private const int Takes = 64;
        private const int RingOffset = 24;
        private const int RecordLength = RingOffset + 8 * Takes;

        private readonly string _path;

        public SharedPace(string folder, string key)
        {
            using (var sha = SHA256.Create())
            {
                var hash = BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes(key)), 0, 8).Replace("-", string.Empty).ToLowerInvariant();
                _path = Path.Combine(folder, hash + ".pace");
            }
        }

        /// <summary>The default folder: one per user, in the temporary folder.</summary>
        public static string DefaultFolder => Path.Combine(Path.GetTempPath(), "taobaotop-pace-" + Environment.UserName);

        /// <summary>Waits until a call may go at <paramref name="qps"/> calls/s; false when the file cannot be used (then pace in-process only).</summary>
        public async Task<bool> WaitTurnAsync(double qps, CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                long wait;
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
                    using (var file = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                    {
                        var record = new byte[RecordLength];
                        var length = 0;
                        for (int read; length < record.Length && (read = file.Read(record, length, record.Length - length)) > 0;) length += read;
                        if (length < RecordLength) Array.Clear(record, 0, record.Length);
                        var next = BitConverter.ToInt64(record, 0);
                        var lastProcess = BitConverter.ToInt32(record, 8);
                        var sharedUntil = BitConverter.ToInt64(record, 12);
                        var head = BitConverter.ToInt32(record, 20) & (Takes - 1);
                        var now = DateTime.UtcNow.Ticks;
                        if (next - now > Stale) next = now;
                        wait = next - now;
                        if (lastProcess != 0 && lastProcess != ProcessId) sharedUntil = now + SharedSpell;
                        var shared = now < sharedUntil;
                        if (shared)
                        {
                            // At most QPS - 1 calls of all processes started in any window a little over a second long.
                            var within = Math.Max(1, Math.Min(Takes, (int)Math.Floor(qps) - 1));
                            var kth = BitConverter.ToInt64(record, RingOffset + 8 * ((head - within + Takes) % Takes));
                            if (kth <= now) wait = Math.Max(wait, kth + Window - now);
                        }
                        if (wait <= 0)
                        {
                            var spacing = (long)(TimeSpan.TicksPerSecond * (shared ? SharedMargin : AloneMargin) / qps);
                            next = Math.Max(next + spacing, now + spacing - CatchUp);
                            Array.Copy(BitConverter.GetBytes(next), 0, record, 0, 8);
                            Array.Copy(BitConverter.GetBytes(ProcessId), 0, record, 8, 4);
                            Array.Copy(BitConverter.GetBytes(sharedUntil), 0, record, 12, 8);
                            Array.Copy(BitConverter.GetBytes(now), 0, record, RingOffset + 8 * head, 8);
                            Array.Copy(BitConverter.GetBytes((head + 1) & (Takes - 1)), 0, record, 20, 4);
                            file.Position = 0;
                            file.Write(record, 0, record.Length);
                            return true;
                        }
                    }
                }
                catch (UnauthorizedAccessException)
                {
                    return false;
                }
                catch (IOException ex) when (!(ex is FileNotFoundException) && !(ex is DirectoryNotFoundException) && !(ex is PathTooLongException))
                {
                    // Another process holds the file for a moment.
                    wait = TimeSpan.TicksPerMillisecond;
                }
                await Task.Delay(TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, wait)), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
