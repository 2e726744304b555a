using System.Diagnostics;
using System.Text.RegularExpressions;
using TaobaoTop.Emulator.WeCom;

namespace TaobaoTop.Callbacks.Tests;

public class CrashTests
{
    [Fact]
    public async Task Every_answered_event_survives_a_kill_9_of_the_receiver()
    {
        var directory = Path.Combine(Path.GetTempPath(), "taobaotop-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "events.db");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "TaobaoTop.Callbacks.dll"), "--urls", "http://127.0.0.1:0", "--corp-id", ReceiverHarness.CorpId, "--db", database })
            start.ArgumentList.Add(arg);
        foreach (var name in new[] { Callbacks.CallbackOptions.TokenVariable, Callbacks.CallbackOptions.AesKeyVariable, Callbacks.CallbackOptions.ReadTokenVariable })
            start.Environment[name] = ReceiverHarness.Environment(name);
        using var process = Process.Start(start)!;
        try
        {
            var url = await ListeningUrl(process);
            var sender = new WeComCallbackSender(ReceiverHarness.Token, ReceiverHarness.AesKey, ReceiverHarness.CorpId);
            var events = Enumerable.Range(0, 300).Select(i => new EmulatedContactEvent(DateTimeOffset.FromUnixTimeSeconds(1_764_000_000 + i), "add_external_contact", "sales01", "wm" + i.ToString("D5")) { State = "xhs_note" }).ToList();
            using var http = new HttpClient();
            var delivery = await sender.SendAsync(http, new Uri(url, "/wecom/callback"), events);
            Assert.Equal(300, delivery.Delivered);

            process.Kill();
            await process.WaitForExitAsync();

            using var store = new EventStore(database);
            Assert.Equal(300, store.Count());
        }
        finally
        {
            if (!process.HasExited) process.Kill();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<Uri> ListeningUrl(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = Regex.Match(line, @"Now listening on: (http://\S+)");
            if (match.Success) return new Uri(match.Groups[1].Value);
        }
        throw new InvalidOperationException("The receiver stopped before listening: " + await process.StandardError.ReadToEndAsync());
    }
}
