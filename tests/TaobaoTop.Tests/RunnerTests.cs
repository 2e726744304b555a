using System.Text.RegularExpressions;
using System.Diagnostics;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>The runner as a user starts it: a process with its output redirected, as in CI or a pipe.</summary>
public class RunnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-runner-").FullName;

    [Fact]
    public void A_script_prints_its_objects_through_the_module_views_and_exits_0()
    {
        var script = Script("list.ps1", "Get-TaobaoApi -Title '*淘口令*'");
        var run = Runner.Run(script);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"(?m)^Method\s+Title\s*$", run.Output);
        Assert.Matches(@"taobao\.tbk\.tpwd\.create\s+淘宝客-公用-淘口令生成", run.Output);
        Assert.DoesNotContain("\u001b[", run.Output);
    }

    [Fact]
    public void A_failing_call_exits_1_and_prints_the_message_category_and_target()
    {
        var script = Script("fail.ps1", "Invoke-TaobaoApi taobao.tbk.tpwd.create @{ text = 'no url' }\n'after the error'");
        var run = Runner.Run("-Emulator", script);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("after the error", run.Output);
        Assert.Contains("Invoke-TaobaoApi: ", run.Error);
        Assert.Contains("url", run.Error);
        Assert.Matches(@"CategoryInfo\s+: InvalidArgument: \(taobao\.tbk\.tpwd\.create:String\) \[Invoke-TaobaoApi\]", run.Error);
    }

    [Fact]
    public void A_terminating_error_stops_the_script_and_exits_1()
    {
        var script = Script("throw.ps1", "throw 'the shop is closed'\n'never printed'");
        var run = Runner.Run(script);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("the shop is closed", run.Error);
        Assert.DoesNotContain("never printed", run.Output);
    }

    [Fact]
    public void Exit_in_a_script_sets_the_exit_code_and_parameters_bind_by_name()
    {
        var script = Script("exit.ps1", "param([string] $Name, [int] $Code, [switch] $Loud)\n\"name=$Name loud=$Loud\"\nexit $Code");
        var run = Runner.Run(script, "-Name", "小店 A", "-Code", "5", "-Loud");
        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.Contains("name=小店 A loud=True", run.Output);
    }

    [Fact]
    public void Command_runs_text_and_exit_in_it_sets_the_exit_code()
    {
        var run = Runner.Run("-Command", "Get-TaobaoApi taobao.tbk.tpwd.create; exit 3");
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("淘宝客-公用-淘口令生成", run.Output);
    }

    [Fact]
    public void Emulator_connects_before_the_script_and_verbose_lines_are_prefixed()
    {
        var connected = Runner.Run("-Emulator", "-Command", "Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0 } -Verbose | Out-Null; Get-TaobaoTopContext");
        Assert.True(connected.ExitCode == 0, connected.ToString());
        Assert.Matches(@"10000001\s+True\s+1\s", connected.Output);
        Assert.Matches(@"(?m)^VERBOSE: taobao\.itemcats\.get: succeeded", connected.Output);

        var alone = Runner.Run("-Command", "Get-TaobaoTopContext");
        Assert.True(alone.ExitCode == 0, alone.ToString());
        Assert.Contains("WARNING: There is no Taobao connection", alone.Output);
        Assert.DoesNotContain("emulator (in-process)", alone.Output);
    }

    [Fact]
    public void Progress_is_left_out_of_redirected_output()
    {
        var run = Runner.Run("-Command", "$Host.UI.WriteProgress(1, [System.Management.Automation.ProgressRecord]::new(1, 'Uploading', 'picture 1 of 3')); 'after'");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("after\n", run.Output);
    }

    [Fact]
    public void Get_Help_in_a_Chinese_locale_shows_the_translated_pages_and_English_for_the_others()
    {
        var chinese = new Dictionary<string, string> { ["LC_ALL"] = "zh_CN.UTF-8", ["LANG"] = "zh_CN.UTF-8" };
        var translated = Runner.RunWith(chinese, "-Command", "Get-Help Invoke-TaobaoApi");
        Assert.True(translated.ExitCode == 0, translated.ToString());
        Assert.Contains("按方法名调用任意 TOP API", translated.Output);

        var english = Runner.RunWith(chinese, "-Command", "Get-Help Disconnect-TaobaoTop");
        Assert.True(english.ExitCode == 0, english.ToString());
        Assert.Contains("Forgets the session's current Taobao connection", english.Output);

        var about = Runner.RunWith(chinese, "-Command", "Get-Help about_TaobaoTop");
        Assert.True(about.ExitCode == 0, about.ToString());
        Assert.Contains("配额与限速", about.Output);
    }

    [Fact]
    public void The_quickstart_runs_end_to_end_against_the_emulator()
    {
        var run = Runner.Run("-Emulator", Path.Combine(ModulePaths.RepoRoot, "examples", "quickstart.ps1"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"line 2\s+Added\s+\d+\s+QS-TS-001\s+59\.90\s+纯棉短袖T恤…", run.Output);
        Assert.Contains("not listed: line 6 (商家编码 QS-QZ-001): 价格 '69.999' has more than 2 decimals.", run.Output);
        Assert.Matches(@"纯棉短袖T恤 男 …\s+53\.91\s+150\s+True", run.Output);
        Assert.Equal(3, Regex.Matches(run.Output, "(?m)^￥[A-Za-z0-9]+￥ ").Count);
        Assert.Matches(@"(?m)^[\d,]+ orders, [\d,]+\.\d\d yuan paid", run.Output);
        Assert.Matches(@"(?m)^Rank Channel\s+FirstAdds\s+Converted\s+Gmv\s+Roi\s+QualityScore\s+Notes", run.Output);
        Assert.Matches(@"(?m)^\s+1 \S+\s+\d+\s+\d+\s+[\d,]+\.\d\d", run.Output);
        Assert.Equal(string.Empty, run.Error);
    }

    private string Script(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed record RunResult(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    private static class Runner
    {
        /// <summary>The runner built with the same configuration as these tests (the test project references it).</summary>
        private static string Path => System.IO.Path.Combine(
            ModulePaths.RepoRoot, "src", "TaobaoTop.Runner", "bin",
            new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "TaobaoTop.Runner.dll");

        public static RunResult Run(params string[] arguments) => RunWith(new Dictionary<string, string>(), arguments);

        public static RunResult RunWith(IDictionary<string, string> environment, params string[] arguments)
        {
            Assert.True(File.Exists(Path), "The runner is not built at " + Path);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path);
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            start.Environment.Remove("NO_COLOR");
            foreach (var (name, value) in environment) start.Environment[name] = value;
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            // A guard against a hung runner, not a timing assertion.
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new Xunit.Sdk.XunitException("The runner did not finish: " + string.Join(" ", arguments));
            }
            return new RunResult(process.ExitCode, output.Replace("\r\n", "\n"), error.Result.Replace("\r\n", "\n"));
        }
    }
}
