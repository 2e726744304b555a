using System.Diagnostics;
using Xunit;

namespace TaobaoTop.Bench.Tests;

/// <summary>Runs the harness's smoke mode so it cannot rot; never asserts on a figure (bench numbers do not gate CI).</summary>
public sealed class BenchSmokeTests : IDisposable
{
    private static readonly string[] Rows =
    {
        "| TopSigner.Sign, 12 parameters, Md5 |",
        "| TopSigner.Sign, 12 parameters, Hmac |",
        "| TopSigner.Sign, 12 parameters, HmacSha256 |",
        "| TopSigner.Sign, 12 parameters + a 4 KB description, HmacSha256 |",
        "| FormBody.Encode, 12 parameters |",
        "| 100-item material search answer → TbkItem, read from the bytes |",
        "| 20-item details answer (item.info.upgrade.get) → TbkItem, read from the bytes |",
        "| 100-order page → TbkOrder, read from the bytes |",
        "| Start-up in real pwsh: Import-Module TaobaoTop |",
        "| Start-up in real pwsh: Connect-TaobaoTop -Endpoint |",
        "| Start-up in real pwsh: first call ",
        "| Start-up in real pwsh: Import-Module without the format file ",
        "| Get-TbkOrder, ",
        "| Get-TbkOrder: code 7 (App Call Limited) answers |",
        "| Get-TbkOrder: peak working set of the pwsh process |",
        "| Add-TaobaoItem, ",
        " without extra pictures at 5 ms latency: calls/s |",
        " with a 主图2 each at 5 ms latency: calls/s |",
        " SKUs, 60 each: 17 with item.add, 43 with taobao.item.sku.add, properties, prices from cost) without extra pictures at 5 ms latency: calls/s |",
        "| Get-TbkOrder, 1 days at 50 ms latency: calls/s and code 7 |",
        "| Add-TaobaoItem, 10 items at 50 ms latency: calls/s and code 7 |",
        "| Bulk listing: code 7 (App Call Limited) answers |",
        "| TopClient at -Qps ",
        "| Add-TaobaoItem -WhatIf, ",
        "| WeCom callback receiver, ",
    };

    private readonly string _report = Path.Combine(Path.GetTempPath(), "taobaotop-bench-" + Guid.NewGuid().ToString("N") + ".md");

    public void Dispose() => File.Delete(_report);

    [Fact]
    public async Task The_smoke_run_writes_a_report_with_every_row_and_the_machine()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(BenchDll());
        info.ArgumentList.Add("--smoke");
        info.ArgumentList.Add("--out");
        info.ArgumentList.Add(_report);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("The smoke run took over 3 minutes.");
            }
        }
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await stderr}\n{await stdout}");

        var report = await File.ReadAllTextAsync(_report);
        Assert.Contains("**Smoke run**", report);
        foreach (var machine in new[] { "| cores |", "| OS |", "| .NET |", "| date |" }) Assert.Contains(machine, report);
        foreach (var row in Rows) Assert.Contains(row, report);
        Assert.Equal(Rows.Length, report.Split('\n').Count(line => Rows.Any(line.StartsWith)));
    }

    /// <summary>The harness built next to this test, in the same configuration.</summary>
    private static string BenchDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "TaobaoTop.Bench", "bin", configuration, "net10.0", "TaobaoTop.Bench.dll");
            if (File.Exists(dll)) return dll;
        }
        throw new FileNotFoundException("TaobaoTop.Bench.dll not found above " + AppContext.BaseDirectory);
    }
}
