using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TaobaoTop.Bench.EndToEnd;

/// <summary>
/// One scenario in a fresh process: the harness starts itself with <c>child &lt;scenario&gt; name=value…</c> and reads
/// the one result line it prints; a fresh process gives the pacer its own process. The scenarios against a gateway
/// run in real pwsh (<see cref="PwshScenarios"/>).
/// </summary>
public static class ChildScenario
{
    public const string Verb = "child";
    public const string ResultPrefix = "BENCH-RESULT ";

    public static async Task<int> RunAsync(string[] args)
    {
        var scenario = args[0];
        var options = args.Skip(1).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        double Number(string name) => double.Parse(options[name], CultureInfo.InvariantCulture);
        var result = scenario switch
        {
            "pacer" => await PacerAsync(Number("qps"), (int)Number("calls"), (int)Number("workers")),
            _ => throw new ArgumentException("Unknown scenario " + scenario),
        };
        Console.WriteLine(ResultPrefix + result.ToJsonString());
        await Console.Out.FlushAsync();
        return 0;
    }

    /// <summary>
    /// The client's own ceiling: calls through TopClient's whole pipeline at -Qps to an in-process emulator with no quota
    /// and no latency, from enough callers that the pacer alone sets the pace.
    /// </summary>
    private static async Task<JsonObject> PacerAsync(double qps, int calls, int workers)
    {
        using var emulator = new Emulator.TopEmulator();
        var options = new Core.TopClientOptions(Emulator.EmulatorDefaults.DemoAppKey, new Core.Protocol.Secret(Emulator.EmulatorDefaults.DemoAppSecret))
        {
            Session = new Core.Protocol.Secret(Emulator.EmulatorDefaults.DemoSession),
            Endpoint = new Uri("http://emulator.invalid" + Emulator.EmulatorDefaults.GatewayPath),
            Qps = qps,
        };
        using var client = new Core.TopClient(options, emulator.CreateHandler());
        // One call first, so the measured ones do not pay for the first call's compilation.
        await client.InvokeAsync(new Core.Protocol.TopRequest("taobao.itemcats.get").With("parent_cid", 0));
        var left = calls;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0) await client.InvokeAsync(new Core.Protocol.TopRequest("taobao.itemcats.get").With("parent_cid", 0));
        })));
        return new JsonObject { ["calls"] = calls, ["seconds"] = clock.Elapsed.TotalSeconds };
    }

    /// <summary>Starts this program as <c>child scenario</c> and returns the result it printed.</summary>
    public static JsonObject Start(string scenario, IDictionary<string, string> options, TimeSpan timeout)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Under `dotnet run` or `dotnet x.dll` the process is the dotnet host: name the program.
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) info.ArgumentList.Add(typeof(ChildScenario).Assembly.Location);
        info.ArgumentList.Add(Verb);
        info.ArgumentList.Add(scenario);
        foreach (var pair in options) info.ArgumentList.Add(pair.Key + "=" + pair.Value);
        using var process = Process.Start(info)!;
        return ResultOf(process, Report.Invariant($"The {scenario} scenario"), timeout);
    }

    /// <summary>
    /// Waits for a child whose output is redirected and returns the one result line it printed; <paramref name="onLine"/>
    /// sees each line of its output as it comes. A child over <paramref name="timeout"/> is stopped.
    /// </summary>
    internal static JsonObject ResultOf(Process process, string name, TimeSpan timeout, Action<string>? onLine = null)
    {
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new StringBuilder();
        var reading = Task.Run(() =>
        {
            for (var line = process.StandardOutput.ReadLine(); line != null; line = process.StandardOutput.ReadLine())
            {
                stdout.AppendLine(line);
                onLine?.Invoke(line);
            }
        });
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(Report.Invariant($"{name} ran over {timeout.TotalMinutes:0} minutes and was stopped."));
        }
        reading.Wait();
        var result = stdout.ToString().Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || result is null) throw new InvalidOperationException($"{name} failed (exit {process.ExitCode}):\n{stderr.Result}\n{stdout}");
        return JsonNode.Parse(result[ResultPrefix.Length..])!.AsObject();
    }
}
