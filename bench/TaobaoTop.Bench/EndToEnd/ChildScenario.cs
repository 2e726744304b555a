using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace TaobaoTop.Bench.EndToEnd;

/// <summary>
/// One end-to-end scenario in a fresh process: the harness starts itself with <c>child &lt;scenario&gt; name=value…</c>
/// and reads the one result line it prints. A fresh process gives each scenario its own peak working set and a cold import.
/// </summary>
public static class ChildScenario
{
    public const string Verb = "child";
    public const string ResultPrefix = "BENCH-RESULT ";

    public static async Task<int> RunAsync(string[] args)
    {
        var scenario = args[0];
        var options = args.Skip(1).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        string Text(string name) => options[name];
        double Number(string name) => double.Parse(options[name], CultureInfo.InvariantCulture);
        var result = scenario switch
        {
            "import" => Import(),
            "orders" => Orders(Text("endpoint"), Number("qps"), Number("days")),
            "add" => Add(Text("endpoint"), Number("qps"), (int)Number("items"), options.TryGetValue("prefix", out var prefix) ? prefix : "ADD"),
            "naive" => Naive(Text("endpoint"), Number("qps"), (int)Number("items"), Number("sleep")),
            "pacer" => await PacerAsync(Number("qps"), (int)Number("calls"), (int)Number("workers")),
            _ => throw new ArgumentException("Unknown scenario " + scenario),
        };
        Console.WriteLine(ResultPrefix + result.ToJsonString());
        await Console.Out.FlushAsync();
        return 0;
    }

    private static JsonObject Import()
    {
        using var engine = HostedEngine.Open(out var opened);
        var clock = Stopwatch.StartNew();
        engine.ImportModule();
        var imported = clock.Elapsed;
        var addItem = engine.Run("[bool](Get-Command Add-TaobaoItem -Module TaobaoTop -ErrorAction SilentlyContinue)").Single();
        return new JsonObject
        {
            ["engineMs"] = opened.TotalMilliseconds,
            ["importMs"] = imported.TotalMilliseconds,
            ["hasAddTaobaoItem"] = (bool)addItem.BaseObject,
        };
    }

    private static JsonObject Orders(string endpoint, double qps, double days)
    {
        using var engine = HostedEngine.OpenWithModule();
        engine.Connect(endpoint, qps);
        var before = Environment.WorkingSet;
        using var sampler = new WorkingSetSampler();
        var clock = Stopwatch.StartNew();
        // TOP time (+08:00) as Get-TbkOrder reads an unspecified DateTime; counted as they stream, never kept.
        var count = engine.Run($$"""
            $end = [DateTime]::SpecifyKind([DateTime]::UtcNow.AddHours(8), 'Unspecified')
            $count = 0
            Get-TbkOrder -Start $end.AddDays(-{{days.ToString(CultureInfo.InvariantCulture)}}) -End $end | ForEach-Object { $count++ }
            $count
            """).Single();
        var seconds = clock.Elapsed.TotalSeconds;
        return new JsonObject
        {
            ["orders"] = Convert.ToInt64(count.BaseObject, CultureInfo.InvariantCulture),
            ["seconds"] = seconds,
            ["beforeBytes"] = before,
            ["peakSampledBytes"] = sampler.Stop(),
            ["peakProcessBytes"] = Process.GetCurrentProcess().PeakWorkingSet64,
            // What the sync left behind once the garbage is gone: orders kept anywhere would show here.
            ["retainedManagedBytes"] = GC.GetTotalMemory(forceFullCollection: true),
        };
    }

    private static string Rows(int count, string prefix) => $$"""
        $rows = foreach ($i in 1..{{count}}) {
            [pscustomobject]@{ Title = "基准测试T恤 $i"; Price = '19.90'; Quantity = 10; CategoryId = 50000436; Description = '纯棉短袖T恤，舒适透气'; OuterId = "{{prefix}}-$i"; State = '浙江'; City = '杭州' }
        }
        """;

    /// <param name="prefix">Of the outer ids: a run on a gateway that already has them would skip every row.</param>
    private static JsonObject Add(string endpoint, double qps, int items, string prefix)
    {
        using var engine = HostedEngine.OpenWithModule();
        engine.Connect(endpoint, qps);
        engine.Run(Rows(items, prefix));
        var clock = Stopwatch.StartNew();
        var added = engine.Run("@($rows | Add-TaobaoItem | Where-Object Status -eq 'Added').Count", out var errors).Single();
        return Timed(clock, added, errors.Count);
    }

    /// <summary>The usual script: one item.add after another, a fixed sleep between calls (Thread.Sleep: the hosted engine has no Start-Sleep).</summary>
    private static JsonObject Naive(string endpoint, double qps, int items, double sleep)
    {
        using var engine = HostedEngine.OpenWithModule();
        engine.Connect(endpoint, qps);
        engine.Run(Rows(items, "NAIVE"));
        var clock = Stopwatch.StartNew();
        var added = engine.Run($$"""
            $added = 0
            foreach ($row in $rows) {
                $answer = Invoke-TaobaoApi taobao.item.add @{ title = $row.Title; price = $row.Price; num = $row.Quantity; type = 'fixed'; stuff_status = 'new'; desc = $row.Description; cid = $row.CategoryId; outer_id = $row.OuterId; 'location.state' = $row.State; 'location.city' = $row.City }
                if ($answer.item.num_iid) { $added++ }
                [System.Threading.Thread]::Sleep({{(int)(sleep * 1000)}})
            }
            $added
            """, out var errors).Single();
        // A reference that failed measures nothing.
        if (errors.Count > 0) throw new InvalidOperationException("The naive loop wrote errors:\n" + string.Join("\n", errors.Take(5)));
        return Timed(clock, added, errors.Count);
    }

    private static JsonObject Timed(Stopwatch clock, System.Management.Automation.PSObject added, int errors) => new()
    {
        ["added"] = Convert.ToInt64(added.BaseObject, CultureInfo.InvariantCulture),
        ["errors"] = errors,
        ["seconds"] = clock.Elapsed.TotalSeconds,
    };

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
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The {scenario} scenario ran over {timeout.TotalMinutes:0} minutes and was stopped.");
        }
        var line = stdout.Result.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"The {scenario} scenario failed (exit {process.ExitCode}):\n{stderr.Result}\n{stdout.Result}");
        return JsonNode.Parse(line[ResultPrefix.Length..])!.AsObject();
    }
}
