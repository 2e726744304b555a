using System.Diagnostics;
using System.Text;
using TaobaoTop.Tests.Items;
using Xunit;

namespace TaobaoTop.Loading.Tests;

/// <summary>
/// The .NET Framework lane: a net472 host (tests/TaobaoTop.DesktopLane.Host) under Mono's strict loader, which, like
/// .NET Framework, refuses a sibling file of another version than the one referenced and raises AssemblyResolve. The
/// host answers only exact versions (powershell.exe's rule), loads out/TaobaoTop/ as shipped, imports the module, and
/// runs the core end to end: signing, answers into models, a GB18030 sheet, PNG checks, the in-process emulator wired
/// as Connect-TaobaoTop -Emulator wires it, an order sync and a small listing, then calls over the network stack.
///
/// What Mono cannot show, and only Windows PowerShell 5.1 on .NET Framework can:
/// - the engine itself: System.Management.Automation for .NET Framework does not exist off Windows, so the host calls
///   ModuleLoading.Start (what ModuleInitializer.OnImport calls) instead of Import-Module, and does not load every
///   public type of TaobaoTop.dll first as Import-Module does (TypesBeforeInitializerTests reads them instead);
/// - .NET Framework's own netstandard.dll and facades: the host carries the SDK's set for .NET Framework 4.7.1;
/// - .NET Framework's HTTP stack: its HttpClientHandler takes the per-host connection limit and Expect: 100-continue
///   from the gateway's ServicePoint, Mono's does not (six calls reach the loopback gateway at once even with a limit
///   of 2). So the lane checks the ServicePoint itself (limit, Expect, TLS 1.2 added to what was there) and that the
///   network path works, but the speed-up only shows on Windows;
/// - Windows' GB18030 table: Mono has none without libmono-i18n-cjk, so the sheet is decoded by the shipped
///   System.Text.Encoding.CodePages, where .NET Framework would use its own;
/// - the registry (the import-time .NET Framework version check).
/// </summary>
public sealed class NetFrameworkLaneTests : IDisposable
{
    private const string Install = "apt-get install -y --no-install-recommends mono-runtime libmono-system-net-http4.0-cil";

    private readonly string _work = Directory.CreateTempSubdirectory("taobaotop-lane-").FullName;

    public NetFrameworkLaneTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var sheet = "标题,价格,数量,类目ID,描述,商家编码,主图,省,市\r\n"
            + string.Concat(Enumerable.Range(1, 3).Select(i => $"纯棉短袖T恤 {i}号,19.90,3,50000436,纯棉短袖T恤舒适透气,LANE-{i},main.png,浙江,杭州\r\n"));
        File.WriteAllBytes(Path.Combine(_work, "items-gb18030.csv"), Encoding.GetEncoding(54936).GetBytes(sheet));
        TestPictures.WritePng(_work, "main.png", 800, 800);
        TestPictures.WritePng(_work, "small.png", 100, 100);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void The_core_runs_end_to_end_on_the_module_folder_as_shipped()
    {
        var (exitCode, output) = RunHost();

        Assert.True(exitCode == 0, output);
        Assert.Contains("read a GB18030 sheet: 3 rows", output);
        Assert.Contains("listed 3 items with their pictures", output);
        Assert.Contains("the core's messages are Chinese under zh-CN", output);
        Assert.Contains("lane passed", output);
    }

    [Fact]
    public void Without_the_modules_initializer_its_dependencies_do_not_bind()
    {
        var (exitCode, output) = RunHost("--without-initializer");

        Assert.Equal(1, exitCode);
        Assert.Contains("Could not load file or assembly 'System.Text.Json, Version=8.0.0.0", output);
    }

    private (int ExitCode, string Output) RunHost(params string[] extra)
    {
        var mono = FindMono();
        Assert.True(mono != null, "Mono is not installed, and the .NET Framework lane needs it: " + Install + " (CI's .ci/run installs it).");
        var start = new ProcessStartInfo(mono!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--assembly-loader=strict", TestPaths.DesktopLaneHost, TestPaths.ModuleFolder, _work }.Concat(extra))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the lane did not finish in 3 minutes:\n" + stdout);
        }
        return (process.ExitCode, stdout + stderr.Result);
    }

    private static string? FindMono() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "mono"))
            .FirstOrDefault(File.Exists);
}
