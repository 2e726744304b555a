using System.Globalization;
using TaobaoTop.Emulator;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Processes;

/// <summary>Two processes on one app key (a scheduled sync while someone works at the console) share its quota.</summary>
[Collection(AloneCollection.Name)]
public sealed class CrossProcessPaceTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const int CallsEach = 200;
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-pace-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Two_processes_at_40_per_second_on_one_app_key_keep_to_the_quota_and_use_most_of_it()
    {
        // The emulator server on a port of its own: the shared pace is per app key and gateway, so no other test shares it.
        using var gateway = EmulatorServerProcess.Start("--qps", "40");
        var go = Path.Combine(_folder, "go");
        string Script(int n) => $$"""
            Connect-TaobaoTop -AppKey {{EmulatorDefaults.DemoAppKey}} -AppSecret '{{EmulatorDefaults.DemoAppSecret}}' -Session '{{EmulatorDefaults.DemoSession}}' -Endpoint '{{gateway.Endpoint}}' -Qps 40 -MaxRetries 0
            # Warm up (first-call JIT) before the measured run.
            Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0; fields = 'cid' } | Out-Null
            $rows = 1..{{CallsEach}} | ForEach-Object { [pscustomobject]@{ 标题 = "纯棉短袖T恤 $_"; 价格 = '59.90'; 库存 = 3; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = "P{{n}}-$_"; 省 = '浙江'; 市 = '杭州' } }
            Set-Content '{{_folder}}/ready-{{n}}' 'ready'
            while (-not (Test-Path '{{go}}')) { Start-Sleep -Milliseconds 5 }
            $started = [DateTime]::UtcNow.Ticks
            $added = @($rows | Add-TaobaoItem -ThrottleLimit 8 -ErrorAction SilentlyContinue).Count
            "result $started $([DateTime]::UtcNow.Ticks) $added"
            """;
        using var first = PwshProcess.Start(Script(1));
        using var second = PwshProcess.Start(Script(2));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(File.Exists(Path.Combine(_folder, "ready-1")) && File.Exists(Path.Combine(_folder, "ready-2"))) && waited.Elapsed < TimeSpan.FromSeconds(90)) Thread.Sleep(20);
        var before = gateway.Stats();
        File.WriteAllText(go, "go");
        Assert.True(first.WaitForExit(TimeSpan.FromSeconds(90)) && second.WaitForExit(TimeSpan.FromSeconds(90)), "the runs did not finish: " + first.Output + second.Output);

        var results = new[] { first.Output, second.Output }.Select(output =>
        {
            var line = output.Split('\n').Select(l => l.Trim()).SingleOrDefault(l => l.StartsWith("result ")) ?? throw new Xunit.Sdk.XunitException("no result: " + output);
            var parts = line.Split(' ');
            return (Start: long.Parse(parts[1], CultureInfo.InvariantCulture), End: long.Parse(parts[2], CultureInfo.InvariantCulture), Added: int.Parse(parts[3], CultureInfo.InvariantCulture));
        }).ToList();
        var stats = gateway.Stats();
        Assert.All(results, r => Assert.Equal(CallsEach, r.Added));
        var seconds = TimeSpan.FromTicks(results.Max(r => r.End) - results.Min(r => r.Start)).TotalSeconds;
        var calls = stats.Requests - before.Requests;
        var limited = stats.CallLimited - before.CallLimited;
        output.WriteLine($"{calls} calls in {seconds:0.00} s = {calls / seconds:0.0} calls/s, {limited} code 7; load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown")}");
        // Unpaced across processes, half the calls are refused; a call must never be, even on a loaded machine.
        Assert.True(limited == 0, $"{limited} of {calls} calls got code 7");
        // The window also holds each run's own start and end (the first look-ups, the last answers).
        Assert.True(calls / seconds >= 36, $"{calls} calls took {seconds:0.00} s: {calls / seconds:0.0} calls/s, under 90% of a 40/s quota");
    }
}
