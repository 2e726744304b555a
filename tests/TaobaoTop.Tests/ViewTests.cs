using System.Management.Automation;
using System.Management.Automation.Internal;
using System.Management.Automation.Runspaces;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>
/// Every view of TaobaoTop.format.ps1xml, rendered through Out-Default as a console shows it. The views are read from
/// the format file, so a new view is tested as soon as it is added.
/// </summary>
public class ViewTests
{
    /// <summary>
    /// Scripts (run after Connect-TaobaoTop -Emulator) that output an object of a view's type, for types whose cmdlet
    /// cannot make one without arguments. Any other type is made by the exported cmdlet that declares it as
    /// [OutputType], called with no arguments.
    /// </summary>
    internal static readonly Dictionary<string, string> Samples = new()
    {
        ["TaobaoTop.TaobaoItem"] = "Get-TaobaoItem -OnSale -First 3",
        ["TaobaoTop.TaobaoItemProperty"] = "Get-TaobaoItemProperty -CategoryId 91000002",
        ["TaobaoTop.TaobaoFreightTemplate"] = "Get-TaobaoFreightTemplate",
        ["TaobaoTop.TaobaoMessage"] = "Receive-TaobaoMessage -Duration 0 | Out-Null; [pscustomobject]@{ 标题 = '最好的纯棉T恤'; 价格 = '59.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉面料舒适透气'; 商家编码 = 'VIEW-MSG-1'; 省 = '浙江'; 市 = '杭州' } | Add-TaobaoItem | Out-Null; Receive-TaobaoMessage -Duration 0",
        ["TaobaoTop.TaobaoItemSku"] = "[TaobaoTop.TaobaoItemSku]@{ SkuId = 5000000000001; NumIid = 700000000000000016; Name = '藏青色/XXXL'; Price = 1299.00; Quantity = 900000000; OuterId = 'HD-001-NAVY-XXXL' }",
        ["TaobaoTop.TaobaoItemResult"] = "[pscustomobject]@{ 标题 = '纯棉短袖T恤'; 价格 = '19.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉面料舒适透气'; 商家编码 = 'VIEW-1'; 省 = '浙江'; 市 = '杭州' } | Add-TaobaoItem",
        ["TaobaoTop.TaobaoPicture"] = "$p = Join-Path ([IO.Path]::GetTempPath()) \"$([guid]::NewGuid()).gif\"; [IO.File]::WriteAllBytes($p, [Convert]::FromBase64String('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==')); Add-TaobaoPicture $p",
        ["TaobaoTop.Connection.TaobaoConnection"] = "Connect-TaobaoTop -Emulator -PassThru",
        ["TaobaoTop.TaobaoApi"] = "Get-TaobaoApi -Title '*淘口令*', '*详情查询*'",
        ["TaobaoTop.TbkShop"] = "Get-TbkShop 手机 -First 3",
        ["TaobaoTop.TaobaoToken"] = "New-TaobaoTopToken -AuthorizationCode demo-auth-code",
        ["TaobaoTop.TbkOrder"] = "@(Get-TbkOrder -Start ([DateTime]::Now.AddHours(-6)))[0..2]",
        ["TaobaoTop.TbkRefundOrder"] = "@(Get-TbkRefundOrder -Start ([DateTime]::Now.AddDays(-10)) -End ([DateTime]::Now.AddDays(-1)))[0..2]",
        ["TaobaoTop.TbkItem"] = "Find-TbkItem -Keyword 手机 -First 3",
        ["TaobaoTop.TbkLink"] = "Find-TbkItem -Keyword 手机 -First 3 | ConvertTo-TbkLink",
        ["TaobaoTop.TbkPassword"] = "Find-TbkItem -Keyword 手机 -First 3 | ConvertTo-TbkLink | New-TbkPassword",
        ["TaobaoTop.TbkResolvedPassword"] = "Find-TbkItem -Keyword 手机 -First 3 | ConvertTo-TbkLink | New-TbkPassword | Resolve-TbkPassword -Convert",
        ["TaobaoTop.TbkCoupon"] = "Find-TbkItem -Keyword 面膜 -CouponOnly -First 3 | Get-TbkCoupon",
        ["TaobaoTop.TbkAdzone"] = "New-TbkAdzone -Name 微信群推广位",
        ["TaobaoTop.TbkPublisher"] = "Get-TbkPublisher -Kind Channel -First 3",
        ["TaobaoTop.TbkInviteCode"] = "Get-TbkInviteCode -Kind Member",
        ["TaobaoTop.TbkShortLink"] = "Find-TbkItem -Keyword 手机 -First 2 | ForEach-Object ClickUrl | New-TbkShortLink",
        ["TaobaoTop.TbkShopLink"] = "Find-TbkItem -Keyword 手机 -First 2 | ConvertTo-TbkShopLink",
        ["TaobaoTop.TbkPidTestResult"] = "'mm_1000001_2000001_3000001', 'mm_1_2' | Test-TbkPid",
        ["TaobaoTop.TbkItemIdMap"] = "ConvertTo-TbkItemId 600000000042",
        ["TaobaoTop.TbkActivityLink"] = "Get-TbkActivityLink 20150318020002597, 20150318020004284",
        ["TaobaoTop.TbkGiftMoney"] = "Find-TbkItem -Keyword 耳机 -First 2 | New-TbkGiftMoney -Amount 5 -Count 100",
        ["TaobaoTop.TbkGiftMoneyReport"] = "Find-TbkItem -Keyword 耳机 -First 2 | New-TbkGiftMoney -Amount 5 -Count 100 | Get-TbkGiftMoneyReport",
        ["TaobaoTop.TbkNewUserOrder"] = "Get-TbkNewUserOrder 119013_2 -Start ([DateTime]::Now.AddDays(-2))",
        ["TaobaoTop.TbkNewUserSummary"] = "Get-TbkNewUserSummary 119013_2",
        ["TaobaoTop.TbkPasswordReport"] = "Find-TbkItem -Keyword 手机 -First 2 | ConvertTo-TbkLink | New-TbkPassword | Get-TbkPasswordReport",
        ["TaobaoTop.TbkGiftMoneyLink"] = "Find-TbkItem -Keyword 耳机 -First 2 | New-TbkGiftMoney -Amount 5 -Count 100 | ConvertTo-TbkGiftMoneyLink",
        ["TaobaoTop.TbkCpaActivityDetail"] = "Get-TbkCpaActivityDetail 30001 -First 3",
        ["TaobaoTop.TbkMemberGroup"] = "Get-TbkMemberGroup 5000001",
        ["TaobaoTop.TbkPromotion"] = "Find-TbkPromotion 31001 -First 3",
        ["TaobaoTop.TbkRelationReport"] = "Get-TbkPublisher -Kind Channel -First 3 | Get-TbkRelationReport",
        ["TaobaoTop.TbkRedPacketStatus"] = "Get-TbkPublisher -Kind Channel -First 3 | Get-TbkRedPacketStatus",
        ["TaobaoTop.Connection.WeComConnection"] = "Connect-WeCom -Emulator -PassThru",
        ["TaobaoTop.WeComContactWay"] = "Connect-WeCom -Emulator; Get-WeComContactWay",
        ["TaobaoTop.WeComCustomer"] = "Connect-WeCom -Emulator; @(Get-WeComCustomer -State xhs_note)[0..2]",
        ["TaobaoTop.WeComContactEvent"] = "Connect-WeCom -Emulator; Get-WeComContactEvent -Emulator | Select-Object -First 3",
        ["TaobaoTop.WeComCustomerChange"] = "Connect-WeCom -Emulator; Sync-WeComCustomer (Join-Path ([IO.Path]::GetTempPath()) \"$([guid]::NewGuid()).json\") | Select-Object -First 3",
        ["TaobaoTop.ChannelReportRow"] = "Connect-WeCom -Emulator; $d = Join-Path ([IO.Path]::GetTempPath()) \"$([guid]::NewGuid()).csv\"; @([pscustomobject]@{ Channel = '小红书'; State = 'xhs_note'; Cost = 1200 }, [pscustomobject]@{ Channel = '抖音'; State = 'dy_feed'; Cost = 3000 }) | Export-Csv $d -Encoding utf8 -NoTypeInformation; Get-WeComCustomer | Measure-TaobaoChannel $d",
    };

    public static TheoryData<string> ViewNames()
    {
        var data = new TheoryData<string>();
        foreach (var view in FormatViews.Read(FormatViews.SourcePath)) data.Add(view.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ViewNames))]
    public void The_view_renders_its_headers_through_Out_Default(string viewName)
    {
        var view = FormatViews.Read(Path.Combine(ModulePaths.ModuleFolder, "TaobaoTop.format.ps1xml")).Single(v => v.Name == viewName);
        var console = RenderWithOnly(view);

        if (view.IsTable)
        {
            var lines = console.Split('\n').Select(l => l.TrimEnd()).ToList();
            var header = new Regex(@"^\s*" + string.Join(@"\s+", view.Labels.Select(Regex.Escape)) + "$");
            var at = lines.FindIndex(l => header.IsMatch(l));
            Assert.True(at >= 0, $"View {view.Name}: no table header line '{string.Join(" ", view.Labels)}' in:\n{console}");
            Assert.Matches(@"^[\s-]+$", lines[at + 1]);
            Assert.False(string.IsNullOrWhiteSpace(lines[at + 2]), $"View {view.Name}: the table has no rows:\n{console}");
        }
        else
        {
            var shown = console.Split('\n').Select(l => Regex.Match(l, @"^(\S[^:]*?)\s*: ")).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.True(view.Labels.SequenceEqual(shown), $"View {view.Name}: expected the list items {string.Join(", ", view.Labels)}, the console shows {string.Join(", ", shown)}:\n{console}");
        }
    }

    [Fact]
    public void A_connection_shows_where_it_goes_and_when_it_connected_in_TOP_time_but_no_secret()
    {
        using var session = new ModuleSession();
        session.Ok("Connect-TaobaoTop -Emulator -PassThru | Out-Default");
        var console = Plain(session.Host.Console);
        Assert.Contains("emulator (in-process)", console);
        Assert.Matches(@"10000001\s+True\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+emulator \(in-process\)", console);
        Assert.DoesNotContain(TaobaoTop.Emulator.EmulatorDefaults.DemoAppSecret, console);
        Assert.DoesNotContain(TaobaoTop.Emulator.EmulatorDefaults.DemoSession, console);
    }

    [Fact]
    public void The_context_table_counts_the_calls_and_shows_the_last_one_in_TOP_time()
    {
        using var session = new ModuleSession();
        session.Ok("Connect-TaobaoTop -Emulator; 1..2 | ForEach-Object { Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0 } } | Out-Null; Get-TaobaoTopContext | Out-Default");
        Assert.Matches(@"10000001\s+True\s+2\s+0\s+0\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", Plain(session.Host.Console));
    }

    [Fact]
    public void Api_titles_longer_than_the_column_are_cut_with_an_ellipsis_and_short_ones_are_whole()
    {
        using var session = new ModuleSession();
        session.Ok("Get-TaobaoApi taobao.tbk.item.details.upgrade.get, taobao.tbk.tpwd.create | Out-Default");
        var console = Plain(session.Host.Console);
        Assert.Contains("淘宝客-公用-淘口令生成", console);
        Assert.Contains("淘宝客-公用-淘宝客商品详情查询升级…", console);
        Assert.DoesNotContain("(详细版)", console);
        Assert.Matches(@"taobao\.tbk\.tpwd\.create\s+淘宝客-公用-淘口令生成", console);
    }

    /// <summary>The console text without $PSStyle's ANSI sequences (a host strips them when it cannot show colours).</summary>
    internal static string Plain(string console) => new StringDecorated(console).ToString(OutputRendering.PlainText);

    /// <summary>Renders a sample in a session where this view comes before every other view of its type.</summary>
    internal static string RenderWithOnly(FormatView view, int width = 120, string then = "")
    {
        var formatFile = Path.Combine(Path.GetTempPath(), "taobaotop-view-" + Guid.NewGuid().ToString("N") + ".format.ps1xml");
        File.WriteAllText(formatFile, new XDocument(new XElement("Configuration", new XElement("ViewDefinitions", view.Element))).ToString());
        try
        {
            var host = new TestHost(width);
            var state = InitialSessionState.CreateDefault2();
            state.Formats.Add(new SessionStateFormatEntry(formatFile));
            using var runspace = RunspaceFactory.CreateRunspace(host, state);
            runspace.Open();
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            var sample = Samples.TryGetValue(view.TypeName, out var script)
                ? script
                : $"(Get-Module TaobaoTop).ExportedCmdlets.Values | Where-Object {{ $_.OutputType.Name -contains '{view.TypeName}' }} | ForEach-Object {{ & $_.Name }}";
            ps.AddScript($$"""
                Import-Module '{{ModulePaths.Manifest}}' -ErrorAction Stop
                Connect-TaobaoTop -Emulator
                $items = @({{sample}}) | Where-Object { $_.PSObject.TypeNames -contains '{{view.TypeName}}' }
                if ($items.Count -eq 0) { throw 'no object of type {{view.TypeName}}: add a script that outputs one to ViewTests.Samples, or declare [OutputType] on a cmdlet that makes one without arguments' }
                $items | Out-Default
                {{then}}
                """);
            ps.Invoke();
            Assert.True(ps.Streams.Error.Count == 0, $"View {view.Name}: " + string.Join("\n", ps.Streams.Error));
            return Plain(host.Console);
        }
        finally
        {
            File.Delete(formatFile);
        }
    }
}

public sealed record FormatView(string Name, string TypeName, bool IsTable, IReadOnlyList<string> Labels, XElement Element);

public static class FormatViews
{
    public static string SourcePath => Path.Combine(ModulePaths.RepoRoot, "TaobaoTop.format.ps1xml");

    /// <summary>Each view with the labels a console shows: a header's Label, else its column's property name.</summary>
    public static IEnumerable<FormatView> Read(string path)
    {
        foreach (var view in XDocument.Load(path).Descendants("View"))
        {
            var name = (string)view.Element("Name")!;
            var typeName = (string)view.Element("ViewSelectedBy")!.Element("TypeName")!;
            var table = view.Element("TableControl");
            if (table != null)
            {
                var headers = table.Element("TableHeaders")!.Elements("TableColumnHeader").ToList();
                var items = table.Descendants("TableColumnItem").ToList();
                var labels = headers.Select((h, i) => (string?)h.Element("Label") ?? (string)items[i].Element("PropertyName")!).ToList();
                yield return new FormatView(name, typeName, true, labels, view);
            }
            else
            {
                var labels = view.Descendants("ListItem").Select(i => (string?)i.Element("Label") ?? (string)i.Element("PropertyName")!).ToList();
                yield return new FormatView(name, typeName, false, labels, view);
            }
        }
    }
}
