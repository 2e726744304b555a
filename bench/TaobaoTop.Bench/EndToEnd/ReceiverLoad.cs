using System.Diagnostics;
using TaobaoTop.Callbacks;
using TaobaoTop.Emulator.WeCom;

namespace TaobaoTop.Bench.EndToEnd;

/// <summary>
/// The WeCom callback receiver under WeCom's pace: encrypted callbacks sent open-loop at 1,000 a second over loopback
/// (each at its own time, whether or not earlier ones were answered), every answer timed; then the stored count.
/// </summary>
public static class ReceiverLoad
{
    private const string Token = "benchToken";
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string CorpId = "ww0000bench0corp";
    private static readonly TimeSpan WeComTimeout = TimeSpan.FromSeconds(5);

    public static async Task AddAsync(Report report, Settings settings)
    {
        var directory = Directory.CreateTempSubdirectory("taobaotop-bench-receiver-").FullName;
        var environment = new Dictionary<string, string?>
        {
            [CallbackOptions.TokenVariable] = Token,
            [CallbackOptions.AesKeyVariable] = AesKey,
            [CallbackOptions.ReadTokenVariable] = "bench-read-token-0123456789",
        };
        var options = CallbackOptions.Parse(new[] { "--urls", "http://127.0.0.1:0", "--corp-id", CorpId, "--db", Path.Combine(directory, "events.db") }, name => environment.GetValueOrDefault(name));
        try
        {
            using var store = new EventStore(options.DatabasePath);
            await using var app = CallbackServer.Build(options, store);
            await app.StartAsync();
            var url = new Uri(new Uri(app.Urls.Single()), options.CallbackPath);
            var count = Settings.ReceiverEventsPerSecond * settings.ReceiverSeconds;
            var sender = new WeComCallbackSender(Token, AesKey, CorpId) { MaxRetries = 0, AnswerTimeout = WeComTimeout };
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 });
            var latencies = new double[count];
            var answered = new bool[count];
            var clock = Stopwatch.StartNew();
            var sends = new List<Task>(count);
            for (var i = 0; i < count; i++)
            {
                var due = TimeSpan.FromMilliseconds(i * 1000.0 / Settings.ReceiverEventsPerSecond);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
                var n = i;
                sends.Add(Task.Run(async () =>
                {
                    var started = clock.Elapsed;
                    var contactEvent = new EmulatedContactEvent(DateTimeOffset.FromUnixTimeSeconds(1_764_000_000 + n), "add_external_contact", "sales0" + (n % 6 + 1), "wmbench" + n.ToString("D7")) { State = "dy_feed" };
                    var delivery = await sender.SendAsync(http, url, new[] { contactEvent });
                    latencies[n] = (clock.Elapsed - started).TotalMilliseconds;
                    answered[n] = delivery.Delivered == 1;
                }));
            }
            var sentIn = clock.Elapsed;
            await Task.WhenAll(sends);
            var sorted = latencies.OrderBy(l => l).ToArray();
            double Quantile(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            var late = latencies.Count(l => l >= WeComTimeout.TotalMilliseconds);
            var stored = store.Count();
            var rate = count / sentIn.TotalSeconds;
            var met = late == 0 && answered.All(a => a) && stored == count;
            report.Add(new Row(
                Report.Invariant($"WeCom callback receiver, {Settings.ReceiverEventsPerSecond:N0} encrypted events/s for {settings.ReceiverSeconds} s on loopback"),
                Report.Invariant($"answers p50 {Quantile(0.5):0.0} ms, p99 {Quantile(0.99):0.0} ms, max {sorted[^1]:0} ms; {stored:N0} of {count:N0} stored; sent at {rate:N0}/s"),
                "WeCom's limit: 5,000 ms",
                Report.Ratio(sorted[^1], WeComTimeout.TotalMilliseconds),
                "every answer < 5 s, every event stored",
                met ? Verdict.Met : Verdict.Missed,
                met ? "" : Report.Invariant($"{late} answers took 5 s or more, {answered.Count(a => !a)} unanswered, {count - stored} not stored; {report.Load}.")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
