using System.Diagnostics;
using Xunit;

namespace TaobaoTop.Loading.Tests;

/// <summary>
/// On PowerShell 7 the module's dependencies live in a load context of their own: a session that already loaded
/// another CsvHelper (another module's) can import and use TaobaoTop, and one that imported TaobaoTop can still load
/// and use another CsvHelper. Each scenario runs in a hosted engine in a fresh process, as each starts a new session.
/// </summary>
public sealed class IsolationTests : IDisposable
{
    private const string Helpers = """
        $ErrorActionPreference = 'Stop'
        function Read-WithOldCsvHelper($assembly) {
            $type = $assembly.GetType('CsvHelper.CsvReader', $true)
            $reader = [Activator]::CreateInstance($type, @([System.IO.StringReader]::new("a,b`n1,2"), [cultureinfo]::InvariantCulture))
            $null = $reader.Read(); $null = $reader.ReadHeader(); $null = $reader.Read()
            'old CsvHelper read: ' + $reader.GetField(1)
        }
        function Add-Items {
            Connect-TaobaoTop -Emulator
            $results = @(Add-TaobaoItem -Path $Sheet)
            'items added: ' + @($results | Where-Object Status -eq 'Added').Count
        }
        function Show-CsvHelpers {
            [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'CsvHelper' } | ForEach-Object {
                'CsvHelper ' + $_.GetName().Version + ' in ' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name
            }
        }

        """;

    private readonly string _work = Directory.CreateTempSubdirectory("taobaotop-isolation-").FullName;

    public IsolationTests()
    {
        File.WriteAllText(Path.Combine(_work, "items.csv"),
            "标题,价格,数量,类目ID,描述,商家编码,省,市\n纯棉短袖T恤 1号,19.90,3,50000436,纯棉短袖T恤舒适透气,ISO-1,浙江,杭州\n纯棉短袖T恤 2号,29.90,5,50000436,纯棉短袖T恤舒适透气,ISO-2,浙江,杭州\n");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void A_session_with_an_older_CsvHelper_imports_and_uses_the_module()
    {
        var output = Run("""
            $old = [System.Reflection.Assembly]::LoadFrom($OldCsvHelper)
            Import-Module $Manifest
            Add-Items
            Read-WithOldCsvHelper $old
            Show-CsvHelpers
            """);

        Assert.Contains("items added: 2", output);
        Assert.Contains("old CsvHelper read: 2", output);
        Assert.Contains("CsvHelper 15.0.0.0 in Default", output);
        Assert.Contains("CsvHelper 33.0.0.0 in TaobaoTop", output);
    }

    [Fact]
    public void After_the_module_has_read_a_sheet_another_CsvHelper_still_loads_and_works()
    {
        var output = Run("""
            Import-Module $Manifest
            Add-Items
            $old = [System.Reflection.Assembly]::LoadFrom($OldCsvHelper)
            Read-WithOldCsvHelper $old
            Add-Items
            Show-CsvHelpers
            """);

        Assert.Contains("old CsvHelper read: 2", output);
        Assert.Equal(2, output.Split('\n').Count(line => line.Trim() == "items added: 2"));
        Assert.Contains("CsvHelper 15.0.0.0 in Default", output);
        Assert.Contains("CsvHelper 33.0.0.0 in TaobaoTop", output);
    }

    private string Run(string scenario)
    {
        var script = Path.Combine(_work, "scenario.ps1");
        File.WriteAllText(script, Helpers + scenario);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     TestPaths.IsolationHost, script, "Manifest=" + Path.Combine(TestPaths.ModuleFolder, "TaobaoTop.psd1"),
                     "OldCsvHelper=" + TestPaths.OldCsvHelper, "Sheet=" + Path.Combine(_work, "items.csv"),
                 })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the scenario did not finish in 2 minutes:\n" + stdout);
        var output = stdout + stderr.Result;
        Assert.True(process.ExitCode == 0, output);
        return output;
    }
}
