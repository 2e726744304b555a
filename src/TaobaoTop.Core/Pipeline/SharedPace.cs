using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// The next free call slot of one app key, shared by the processes of this machine through a small file: each call
    /// takes the file's exclusive OS lock for a moment, reserves the next slot and moves it on by one spacing. A process
    /// that dies holds nothing (the OS frees the lock), and a slot left far ahead by a changed clock is ignored. A call
    /// that comes after its slot does not catch up: calls of two processes reach the gateway with more jitter than one's.
    /// </summary>
    internal sealed class SharedPace
    {
        /// <summary>
        /// Calls of two processes reach the gateway with more jitter than one's, and TOP counts calls per clock second:
        /// a 5% margin (50 ms a second) keeps a late call from tipping the next second over the quota.
        /// </summary>
        public const double Margin = 1.05;

        private static readonly long Stale = TimeSpan.FromMinutes(1).Ticks;

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

        /// <summary>Reserves a start slot (UTC ticks) for one call; null when the file cannot be used (then pace in-process only).</summary>
        public async Task<long?> ReserveAsync(long spacingTicks, CancellationToken cancellationToken)
        {
            while (true)
            {
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
                    using (var file = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                    {
                        var bytes = new byte[8];
                        var next = file.Read(bytes, 0, 8) == 8 ? BitConverter.ToInt64(bytes, 0) : 0;
                        var now = DateTime.UtcNow.Ticks;
                        var slot = next > now && next - now < Stale ? next : now;
                        file.Position = 0;
                        file.Write(BitConverter.GetBytes(slot + spacingTicks), 0, 8);
                        return slot;
                    }
                }
                catch (UnauthorizedAccessException)
                {
                    return null;
                }
                catch (IOException ex) when (!(ex is FileNotFoundException) && !(ex is DirectoryNotFoundException) && !(ex is PathTooLongException))
                {
                    // Another process holds the file for a moment.
                    await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
