using System.Diagnostics;
using System.Management.Automation;
using System.Text.RegularExpressions;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Processes;

/// <summary>Two runs on one -JournalPath, in two processes (an overlapping scheduled task).</summary>
public sealed class JournalOverlapTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-overlap-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Row = "[pscustomobject]@{ 标题 = \"纯棉短袖T恤 $_\"; 价格 = '59.90'; 库存 = 3; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = \"O-$_\"; 省 = '浙江'; 市 = '杭州' }";

    [Fact]
    public void A_second_run_on_a_journal_another_process_holds_names_that_process_and_sends_nothing_and_a_kill_frees_it()
    {
        var journal = Path.Combine(_folder, "overlap.jsonl");
        // The first run holds the journal while its rows trickle in.
        using var first = PwshProcess.Start($"Connect-TaobaoTop -Emulator -Qps 0; 1..100000 | ForEach-Object {{ Start-Sleep -Milliseconds 200; {Row} }} | Add-TaobaoItem -JournalPath '{journal}' | Out-Null");
        var waited = Stopwatch.StartNew();
        int? holder;
        while ((holder = Holder(journal)) is null && !first.HasExited && waited.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(50);
        Assert.True(holder is int id && id != Environment.ProcessId, "the first run never took the journal: " + first.Output);

        using var session = new ModuleSession();
        var second = session.Run($$"""
            Connect-TaobaoTop -Emulator -Qps 0
            1..5 | ForEach-Object { {{Row}} } | Add-TaobaoItem -JournalPath '{{journal}}'
            """);
        var error = (second.Terminating as IContainsErrorRecord)?.ErrorRecord ?? Assert.Single(second.Errors);
        Assert.Equal("JournalInUse,TaobaoTop.Cmdlets.Items.AddTaobaoItemCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Contains("process " + holder + " ", error.Exception.Message);
        Assert.Empty(second.Output);
        Assert.Equal(0L, Convert.ToInt64(session.Ok("(Get-TaobaoTopContext).Calls").Single().BaseObject));

        first.Kill();
        var third = session.Ok($"1..5 | ForEach-Object {{ {Row} }} | Add-TaobaoItem -JournalPath '{journal}'");
        Assert.Equal(5, third.Count);
    }

    /// <summary>The process id on the journal's run line (pwsh runs under the dotnet tool host, a process of its own).</summary>
    private static int? Holder(string journal)
    {
        if (!File.Exists(journal)) return null;
        var match = Regex.Match(ReadShared(journal), "\"key\":\"run\".*\"process\":\"process (\\d+) ");
        return match.Success ? int.Parse(match.Groups[1].Value) : null;
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
