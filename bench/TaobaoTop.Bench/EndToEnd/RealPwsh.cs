using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace TaobaoTop.Bench.EndToEnd;

/// <summary>
/// Real pwsh (the repo's local tool, <c>dotnet pwsh</c>), a fresh process per script: start-up as a user meets it
/// (import, connect, first call, each step timed inside the process), the import without the format file, -WhatIf, and
/// the runner of the scenarios against a gateway (<see cref="PwshScenarios"/>).
/// </summary>
public static class RealPwsh
{
    private static readonly Lazy<bool> Restored = new(() => Start("tool", "restore").WaitForExit(120_000));

    /// <summary>One fresh pwsh: milliseconds from the process start to the script, for import, connect and the first call.</summary>
    public static JsonObject StartUp(string endpoint, double qps)
    {
        var manifest = RepoPaths.Manifest.Replace("'", "''");
        var script = $$"""
            $ErrorActionPreference = 'Stop'
            $script = ([DateTime]::Now - [Diagnostics.Process]::GetCurrentProcess().StartTime).TotalMilliseconds
            $clock = [Diagnostics.Stopwatch]::StartNew()
            Import-Module '{{manifest}}'
            $import = $clock.Elapsed.TotalMilliseconds
            $clock.Restart()
            Connect-TaobaoTop -AppKey '{{Emulator.EmulatorDefaults.DemoAppKey}}' -AppSecret '{{Emulator.EmulatorDefaults.DemoAppSecret}}' -Session '{{Emulator.EmulatorDefaults.DemoSession}}' -Endpoint '{{endpoint}}' -Qps {{qps.ToString(CultureInfo.InvariantCulture)}} -LocalPaceOnly
            $connect = $clock.Elapsed.TotalMilliseconds
            $clock.Restart()
            $null = Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0; fields = 'cid' }
            $first = $clock.Elapsed.TotalMilliseconds
            $clock.Restart()
            $null = Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0; fields = 'cid' }
            $second = $clock.Elapsed.TotalMilliseconds
            "BENCH-RESULT " + (@{ scriptMs = $script; importMs = $import; connectMs = $connect; firstCallMs = $first; secondCallMs = $second } | ConvertTo-Json -Compress)
            """;
        return Run(script);
    }

    /// <summary>
    /// -WhatIf over many rows in a fresh pwsh, as a user runs it: validation, ShouldProcess (its lines written to the
    /// console, here a pipe) and the real run's reads (the category once, the shop's outer ids 40 to a call) against
    /// the in-process emulator; reference: the same rows through Where-Object in the same process.
    /// </summary>
    public static JsonObject WhatIf(int rows)
    {
        var manifest = RepoPaths.Manifest.Replace("'", "''");
        var script = $$"""
            $ErrorActionPreference = 'Stop'
            Import-Module '{{manifest}}'
            Connect-TaobaoTop -Emulator -Qps 0
            $rows = foreach ($i in 1..{{rows}}) {
                [pscustomobject]@{ Title = "基准测试T恤 $i"; Price = '19.90'; Quantity = 10; CategoryId = 50000436; Description = '纯棉短袖T恤，舒适透气'; OuterId = "WHATIF-$i"; State = '浙江'; City = '杭州' }
            }
            # A warm-up row each, so neither figure pays the first call's compilation.
            $rows[0] | Add-TaobaoItem -WhatIf
            $null = $rows[0] | Where-Object Title
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $rows | Add-TaobaoItem -WhatIf
            $whatIf = $clock.Elapsed.TotalSeconds
            $clock.Restart()
            $passed = @($rows | Where-Object Title).Count
            $reference = $clock.Elapsed.TotalSeconds
            if ($passed -ne {{rows}}) { throw 'The reference pipeline lost rows.' }
            "BENCH-RESULT " + (@{ rows = {{rows}}; seconds = $whatIf; referenceSeconds = $reference } | ConvertTo-Json -Compress)
            """;
        return Run(script);
    }

    /// <summary>
    /// Import-Module of a copy of the module without its format file, in a fresh pwsh: against the whole import,
    /// what the views cost at start-up.
    /// </summary>
    public static JsonObject ImportWithoutFormats(string copy)
    {
        var manifest = Path.Combine(copy, "TaobaoTop.psd1").Replace("'", "''");
        var script = $$"""
            $ErrorActionPreference = 'Stop'
            $clock = [Diagnostics.Stopwatch]::StartNew()
            Import-Module '{{manifest}}'
            "BENCH-RESULT " + (@{ importMs = $clock.Elapsed.TotalMilliseconds } | ConvertTo-Json -Compress)
            """;
        return Run(script);
    }

    /// <summary>A copy of out/TaobaoTop whose manifest loads no format file; the caller deletes it.</summary>
    public static string CopyWithoutFormats()
    {
        var source = Path.GetDirectoryName(RepoPaths.Manifest)!;
        var copy = Directory.CreateTempSubdirectory("taobaotop-noformat-").FullName;
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var manifest = Path.Combine(copy, "TaobaoTop.psd1");
        var text = File.ReadAllText(manifest);
        if (!text.Contains("FormatsToProcess", StringComparison.Ordinal)) throw new InvalidOperationException("The manifest names no format file.");
        File.WriteAllText(manifest, System.Text.RegularExpressions.Regex.Replace(text, @"FormatsToProcess\s*=\s*@\([^)]*\)", "FormatsToProcess = @()"), new System.Text.UTF8Encoding(true));
        return copy;
    }

    private static JsonObject Run(string script) => Run(script, TimeSpan.FromMinutes(2));

    /// <summary>Runs a script in a fresh pwsh and returns its result line; <paramref name="onLine"/> sees each line of its output as it comes.</summary>
    internal static JsonObject Run(string script, TimeSpan timeout, Action<string>? onLine = null)
    {
        if (!Restored.Value) throw new InvalidOperationException("dotnet tool restore failed in " + RepoPaths.Root);
        using var process = Start("pwsh", "-NoProfile", "-NonInteractive", "-Command", script);
        return ChildScenario.ResultOf(process, "pwsh", timeout, onLine);
    }

    private static Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return Process.Start(info)!;
    }
}
