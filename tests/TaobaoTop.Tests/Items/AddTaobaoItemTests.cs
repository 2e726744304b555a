using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;
using System.Text.Json;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Items;

[Collection(AloneCollection.Name)]
public sealed class AddTaobaoItemTests : IDisposable
{
    private const string Header = "标题,价格,库存,类目ID,描述,商家编码,主图,省,市";

    /// <summary>About one call in ten fails: isp errors, 502/503, dropped connections, and writes whose answer is lost after they were carried out.</summary>
    private const string Faults = "@{ IspErrorRate = 0.03; Http502Rate = 0.02; Http503Rate = 0.02; DropConnectionRate = 0.01; LostAnswerRate = 0.02; Seed = 7 }";

    /// <summary>Every outer_id in the shop, on sale or not; reads are repeated until they get through the injected faults.</summary>
    private const string ShopOuterIds = """
        function Get-ShopOuterId {
            foreach ($api in 'taobao.items.onsale.get', 'taobao.items.inventory.get') {
                $page = 1
                do {
                    $answer = $null
                    for ($try = 0; $try -lt 30 -and -not $answer; $try++) {
                        $answer = Invoke-TaobaoApi $api @{ fields = 'num_iid,outer_id'; page_no = $page; page_size = 200 } -ErrorAction SilentlyContinue
                    }
                    if (-not $answer) { throw "$api page $page kept failing" }
                    $answer.items.item | ForEach-Object { $_.outer_id }
                    $page++
                } while (@($answer.items.item).Count -eq 200)
            }
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-items-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static object? Property(object target, string name) => PSObject.AsPSObject(target).Properties[name]?.Value;

    private static string Rows(int count, string prefix = "T-")
        => $$"""$rows = foreach ($i in 1..{{count}}) { [pscustomobject]@{ 标题 = "测试T恤 $i"; 价格 = '19.90'; 库存 = 10; 类目ID = 50000436; 描述 = '纯棉短袖T恤，舒适透气'; 商家编码 = "{{prefix}}$i"; 省 = '浙江'; 市 = '杭州' } }""";

    [Fact]
    public void Rows_with_Chinese_columns_are_added_in_input_order_with_the_row_attached()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator -Qps 0
            $rows = @(
                [pscustomobject]@{ 标题 = '纯棉短袖T恤 男 夏季'; 价格 = '59.90'; 库存 = '120'; 类目ID = '50000436'; 描述 = '纯棉面料，舒适透气'; 商家编码 = 'SKU-001'; 省 = '浙江'; 市 = '杭州'; 新旧程度 = '全新' }
                [pscustomobject]@{ Title = 'Slim fit jeans'; Price = 129; Num = 5; Cid = 50010167; Desc = 'Stretch denim, slim fit'; OuterId = 'SKU-002'; State = '广东'; City = '广州' }
                [pscustomobject]@{ 标题 = '商务衬衫 免烫'; 价格 = 88.8; 库存 = 0; 类目ID = 162104; 描述 = '免烫面料，通勤百搭'; 商家编码 = 'SKU-003'; 省份 = '江苏'; 城市 = '苏州' }
            )
            $results = $rows | Add-TaobaoItem -ThrottleLimit 3
            $results
            foreach ($result in $results) { (Invoke-TaobaoApi taobao.item.seller.get @{ fields = 'title,price,num,outer_id,location,stuff_status'; num_iid = $result.NumIid }).item }
            """);
        var results = output.Take(3).ToList();
        var items = output.Skip(3).ToList();
        Assert.Equal(new[] { "SKU-001", "SKU-002", "SKU-003" }, results.Select(r => r.Properties["OuterId"].Value));
        Assert.All(results, r => Assert.Equal("Added", r.Properties["Status"].Value.ToString()));
        Assert.Equal(new object[] { 1, 2, 3 }, results.Select(r => r.Properties["RowNumber"].Value));
        Assert.Equal("纯棉短袖T恤 男 夏季", Property(results[0].Properties["Row"].Value, "标题"));
        Assert.Equal("TaobaoTop.TaobaoItemResult", results[0].BaseObject.GetType().FullName);

        Assert.Equal(new[] { "纯棉短袖T恤 男 夏季", "Slim fit jeans", "商务衬衫 免烫" }, items.Select(i => i.Properties["title"].Value));
        Assert.Equal(new[] { "59.90", "129.00", "88.80" }, items.Select(i => i.Properties["price"].Value));
        Assert.Equal(new[] { 120L, 5L, 0L }, items.Select(i => Convert.ToInt64(i.Properties["num"].Value)));
        Assert.Equal("苏州", Property(items[2].Properties["location"].Value, "city"));
        Assert.Equal("new", items[0].Properties["stuff_status"].Value);
    }

    [Fact]
    public void Pipeline_columns_and_CSV_headers_go_by_the_same_names()
    {
        using var session = new ModuleSession();
        var mismatches = session.Ok("""
            $parameters = (Get-Command Add-TaobaoItem).Parameters
            foreach ($field in [TaobaoTop.Core.Items.ItemColumns]::Aliases.GetEnumerator()) {
                $aliases = $parameters[$field.Key].Aliases
                if (($aliases -join '|') -ne ($field.Value -join '|')) { "$($field.Key): parameter $($aliases -join ',') vs CSV $($field.Value -join ',')" }
            }
            [TaobaoTop.Core.Items.ItemColumns]::Aliases.Count
            """);
        Assert.Equal(15, Assert.Single(mismatches).BaseObject);
    }

    [Fact]
    public void A_local_main_picture_is_uploaded_and_its_picture_url_becomes_the_items_picture()
    {
        var picture = TestPictures.WritePng(_folder, "main.png", 800, 800);
        using var session = new ModuleSession();
        var output = session.Ok($$"""
            Connect-TaobaoTop -Emulator -Qps 0
            $result = [pscustomobject]@{ 标题 = 'T恤'; 价格 = '19.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉短袖T恤一件'; 商家编码 = 'PIC-1'; 主图 = '{{picture}}'; 省 = '浙江'; 市 = '杭州' } | Add-TaobaoItem
            $result.PictureUrl
            (Invoke-TaobaoApi taobao.item.seller.get @{ fields = 'pic_url'; num_iid = $result.NumIid }).item.pic_url
            """);
        var uploaded = Assert.IsType<string>(output[0].BaseObject);
        Assert.Matches(@"^https://img\.alicdn\.com/imgextra/.+\.png$", uploaded);
        Assert.Equal(uploaded, output[1].BaseObject);
    }

    [Fact]
    public void A_sheet_of_bad_rows_gives_one_error_per_bad_row_naming_line_and_field_and_the_good_rows_are_added()
    {
        TestPictures.WritePng(_folder, "big.png", 800, 800);
        TestPictures.WritePng(_folder, "tiny.png", 100, 100);
        var csv = new MemoryStream();
        void Line(string text) => csv.Write(Encoding.UTF8.GetBytes(text + "\r\n"));
        Line(Header);
        Line("好T恤,19.90,10,50000436,纯棉短袖T恤舒适,B-1,,浙江,杭州");
        Line(new string('长', 31) + ",19.90,10,50000436,纯棉短袖T恤舒适,B-2,,浙江,杭州");
        Line("三位小数,19.999,10,50000436,纯棉短袖T恤舒适,B-3,,浙江,杭州");
        Line("负库存,19.90,-5,50000436,纯棉短袖T恤舒适,B-4,,浙江,杭州");
        Line("没有类目,19.90,10,,纯棉短袖T恤舒适,B-5,,浙江,杭州");
        Line("小图,19.90,10,50000436,纯棉短袖T恤舒适,B-6,tiny.png,浙江,杭州");
        // One row saved by another program in GBK inside a UTF-8 sheet.
        CodePages();
        csv.Write(Encoding.GetEncoding("GB18030").GetBytes("乱码标题"));
        Line(",19.90,10,50000436,纯棉短袖T恤舒适,B-7,,浙江,杭州");
        Line("大图T恤,29.90,3,50000436,纯棉短袖T恤舒适,B-8,big.png,浙江,杭州");
        var path = Path.Combine(_folder, "items.csv");
        File.WriteAllBytes(path, csv.ToArray());

        using var session = new ModuleSession();
        var result = session.Run($$"""
            Connect-TaobaoTop -Emulator -Qps 0
            Add-TaobaoItem -Path '{{path}}'
            (Invoke-TaobaoApi taobao.items.custom.get @{ fields = 'outer_id'; outer_id = 'B-1,B-2,B-3,B-4,B-5,B-6,B-7,B-8' }).items.item | ForEach-Object { 'shop ' + $_.outer_id }
            """);
        Assert.Null(result.Terminating);
        var added = result.Output.Where(o => o.BaseObject is not string).ToList();
        Assert.Equal(new object[] { "B-1", "B-8" }, added.Select(r => r.Properties["OuterId"].Value));
        Assert.Equal(new object[] { 2, 9 }, added.Select(r => r.Properties["LineNumber"].Value));
        Assert.Equal(new[] { "shop B-1", "shop B-8" }, result.Output.Where(o => o.BaseObject is string).Select(o => (string)o.BaseObject).OrderBy(s => s));

        var expected = new (int Line, string Field)[]
        {
            (3, "标题 is 62 bytes long"), (4, "价格 '19.999' has more than 2 decimals"), (5, "库存 '-5' is outside 0 to 900000000"),
            (6, "类目ID is missing"), (7, "主图"), (8, "标题 has bytes that are not text"),
        };
        Assert.Equal(expected.Length, result.Errors.Count);
        foreach (var (error, (line, field)) in result.Errors.Zip(expected))
        {
            Assert.StartsWith($"line {line} (商家编码 B-{line - 1}): ", error.Exception.Message);
            Assert.Contains(field, error.Exception.Message);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal(line, Property(error.TargetObject, "LineNumber"));
        }
        Assert.Contains("100×100; at least 800×800", result.Errors[4].Exception.Message);
    }

    [Fact]
    public void A_GB18030_sheet_from_Excel_is_read_with_its_Chinese_intact()
    {
        CodePages();
        var titles = new[] { "纯棉短袖T恤 男款 夏季新品", "复古牛仔裤 女 阔腿 𠮷" };
        var text = Header + "\r\n" + string.Join("\r\n", titles.Select((t, i) => $"{t},39.00,8,50000436,描述：纯棉面料，舒适透气,GB-{i + 1},,浙江,杭州")) + "\r\n";
        var path = Path.Combine(_folder, "excel.csv");
        File.WriteAllBytes(path, Encoding.GetEncoding("GB18030").GetBytes(text));

        using var session = new ModuleSession();
        var output = session.Ok($$"""
            Connect-TaobaoTop -Emulator -Qps 0
            Add-TaobaoItem -Path '{{path}}' | ForEach-Object {
                $item = (Invoke-TaobaoApi taobao.item.seller.get @{ fields = 'title,desc,location'; num_iid = $_.NumIid }).item
                $item.title; $item.desc; $item.location.state
            }
            """);
        Assert.Equal(new object[] { titles[0], "描述：纯棉面料，舒适透气", "浙江", titles[1], "描述：纯棉面料，舒适透气", "浙江" }, output.Select(o => o.BaseObject));
    }

    [Fact]
    public void WhatIf_validates_every_row_and_sends_nothing()
    {
        var journal = Path.Combine(_folder, "whatif.jsonl");
        using var session = new ModuleSession();
        var result = session.Run($$"""
            Connect-TaobaoTop -Emulator -Qps 0
            {{Rows(3, "W-")}}
            $rows += [pscustomobject]@{ 标题 = '坏行'; 价格 = '1.234'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉短袖T恤舒适'; 商家编码 = 'W-4'; 省 = '浙江'; 市 = '杭州' }
            $rows | Add-TaobaoItem -WhatIf -JournalPath '{{journal}}'
            $found = (Invoke-TaobaoApi taobao.items.custom.get @{ fields = 'outer_id'; outer_id = 'W-1,W-2,W-3,W-4' }).items.item
            if ($found) { 'shop: some' } else { 'shop: none' }
            """);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("row 4 (商家编码 W-4): 价格 '1.234' has more than 2 decimals", error.Exception.Message);
        Assert.Equal("shop: none", Assert.Single(result.Output).BaseObject);
        Assert.Contains("What if: Performing the operation \"Add item '测试T恤 3' at 19.90 yuan, stock 10\" on target \"row 3 (商家编码 W-3)\"", session.Host.Console);
        Assert.False(File.Exists(journal));
    }

    [Fact]
    public void Rows_whose_outer_id_is_already_in_the_shop_are_skipped_by_default_and_AllowDuplicateOuterId_adds_them()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator -Qps 0
            $existing = (Invoke-TaobaoApi taobao.items.custom.get @{ fields = 'num_iid'; outer_id = 'DEMO-0001' }).items.item.num_iid
            $results = @(
                [pscustomobject]@{ 标题 = '已有商品'; 价格 = '9.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉短袖T恤舒适'; 商家编码 = 'DEMO-0001'; 省 = '浙江'; 市 = '杭州' }
                [pscustomobject]@{ 标题 = '新商品'; 价格 = '9.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉短袖T恤舒适'; 商家编码 = 'NEW-1'; 省 = '浙江'; 市 = '杭州' }
            ) | Add-TaobaoItem
            $results | ForEach-Object { "$($_.OuterId) $($_.Status) $($_.NumIid -eq $existing)" }
            @((Invoke-TaobaoApi taobao.items.custom.get @{ fields = 'num_iid'; outer_id = 'DEMO-0001' }).items.item).Count
            $again = [pscustomobject]@{ 标题 = '已有商品'; 价格 = '9.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉短袖T恤舒适'; 商家编码 = 'DEMO-0001'; 省 = '浙江'; 市 = '杭州' } | Add-TaobaoItem -AllowDuplicateOuterId
            $again.Status
            @((Invoke-TaobaoApi taobao.items.custom.get @{ fields = 'num_iid'; outer_id = 'DEMO-0001' }).items.item).Count
            """);
        Assert.Equal(new object[] { "DEMO-0001 Skipped True", "NEW-1 Added False", 1, "Added", 2 }, output.Select(o => o.BaseObject is Enum e ? e.ToString() : o.BaseObject));
    }

    [Fact]
    public void Five_thousand_rows_through_transient_faults_and_lost_answers_end_as_exactly_five_thousand_items_each_journaled()
    {
        var journal = Path.Combine(_folder, "journal.jsonl");
        using var session = new ModuleSession();
        var output = session.Ok($$"""
            Connect-TaobaoTop -Emulator -Qps 0 -EmulatorOption {{Faults}}
            {{ShopOuterIds}}
            {{Rows(5000)}}
            $results = $rows | Add-TaobaoItem -ThrottleLimit 32 -JournalPath '{{journal}}'
            'results ' + $results.Count
            'in order ' + (($results.RowNumber -join ',') -eq ((1..5000) -join ','))
            'not added ' + @($results | Where-Object Status -ne Added).Count
            'retried ' + @($results | Where-Object Attempts -gt 1).Count
            Get-ShopOuterId | Where-Object { $_ -like 'T-*' }
            """);
        Assert.Equal("results 5000", output[0].BaseObject);
        Assert.Equal("in order True", output[1].BaseObject);
        Assert.Equal("not added 0", output[2].BaseObject);
        Assert.NotEqual("retried 0", output[3].BaseObject);
        var shop = output.Skip(4).Select(o => (string)o.BaseObject).ToList();
        Assert.Equal(5000, shop.Count);
        Assert.Equal(5000, shop.Distinct().Count());

        var outcomes = LastOutcomes(journal);
        Assert.Equal(5000, outcomes.Count);
        Assert.All(outcomes.Values, status => Assert.Equal("Added", status));
    }

    [Fact]
    public void A_run_stopped_half_way_and_started_again_with_the_same_journal_ends_with_each_row_added_once()
    {
        const int count = 1000;
        var journal = Path.Combine(_folder, "stopped.jsonl");
        using var session = new ModuleSession();
        session.Ok($$"""
            Connect-TaobaoTop -Emulator -Qps 0 -EmulatorOption {{Faults}}
            {{ShopOuterIds}}
            {{Rows(count)}}
            """);
        var runspace = (Runspace)session.Ok("[runspace]::DefaultRunspace").Single().BaseObject;

        using (var first = PowerShell.Create())
        {
            first.Runspace = runspace;
            first.AddScript($"$rows | Add-TaobaoItem -ThrottleLimit 16 -JournalPath '{journal}'");
            var running = first.BeginInvoke();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (AddedLines(journal) < count / 3 && !running.IsCompleted && waited.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(10);
            first.Stop();
            Assert.Equal(PSInvocationState.Stopped, first.InvocationStateInfo.State);
        }
        var afterStop = session.Ok("@(Get-ShopOuterId | Where-Object { $_ -like 'T-*' }).Count").Single().BaseObject;
        Assert.InRange((int)afterStop, count / 3, count - 1);

        var output = session.Ok($$"""
            $results = $rows | Add-TaobaoItem -ThrottleLimit 16 -JournalPath '{{journal}}'
            'earlier ' + @($results | Where-Object Status -eq AddedEarlier).Count
            'added ' + @($results | Where-Object Status -eq Added).Count
            'other: ' + (($results | Where-Object Status -notin 'Added', 'AddedEarlier' | ForEach-Object { "$($_.OuterId) $($_.Status) $($_.Error)" }) -join '; ')
            Get-ShopOuterId | Where-Object { $_ -like 'T-*' }
            """);
        var earlier = int.Parse(((string)output[0].BaseObject).Split(' ')[1]);
        var added = int.Parse(((string)output[1].BaseObject).Split(' ')[1]);
        Assert.InRange(earlier, count / 3, count - 1);
        var other = (string)output[2].BaseObject;
        Assert.True(count == earlier + added, other + "\n" + string.Join("\n", File.ReadAllLines(journal).Where(line => other.Split(' ', ';').Any(id => id.StartsWith("T-") && line.Contains("\"" + id + "\"")))));
        var shop = output.Skip(3).Select(o => (string)o.BaseObject).ToList();
        Assert.Equal(count, shop.Count);
        Assert.Equal(count, shop.Distinct().Count());
        Assert.All(LastOutcomes(journal).Values, status => Assert.Equal("Added", status));
    }

    [Fact]
    public void The_journal_has_every_rows_outcome_including_invalid_rows_before_the_first_good_one()
    {
        var journal = Path.Combine(_folder, "outcomes.jsonl");
        using var session = new ModuleSession();
        var result = session.Run($$"""
            Connect-TaobaoTop -Emulator -Qps 0
            @(
                [pscustomobject]@{ 标题 = '坏行'; 价格 = '1.234'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉短袖T恤舒适'; 商家编码 = 'J-1'; 省 = '浙江'; 市 = '杭州' }
                [pscustomobject]@{ 标题 = '好行'; 价格 = '1.23'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉短袖T恤舒适'; 商家编码 = 'J-2'; 省 = '浙江'; 市 = '杭州' }
            ) | Add-TaobaoItem -JournalPath '{{journal}}'
            """);
        Assert.Single(result.Errors);
        Assert.Single(result.Output);
        var outcomes = LastOutcomes(journal);
        Assert.Equal("Invalid", outcomes["invalid:1"]);
        Assert.Equal("Added", outcomes["outer_id:J-2"]);
        Assert.Equal(2, outcomes.Count);
    }

    [Fact]
    public void Progress_shows_rows_done_the_rate_and_for_a_file_the_share_done()
    {
        var path = Path.Combine(_folder, "progress.csv");
        File.WriteAllText(path, Header + "\n" + string.Join("\n", Enumerable.Range(1, 50).Select(i => $"进度T恤 {i},9.90,1,50000436,纯棉短袖T恤舒适,PR-{i},,浙江,杭州")));
        using var session = new ModuleSession();
        session.Ok("Connect-TaobaoTop -Emulator -Qps 0");
        using var shell = PowerShell.Create();
        shell.Runspace = (Runspace)session.Ok("[runspace]::DefaultRunspace").Single().BaseObject;
        shell.AddScript($"Add-TaobaoItem -Path '{path}'").Invoke();

        var progress = shell.Streams.Progress.ToList();
        var last = progress.Last(p => p.RecordType == ProgressRecordType.Processing);
        Assert.Matches(@"^50 of 50 rows, [\d.]+ rows/s: 50 added, 0 skipped, 0 invalid, 0 failed$", last.StatusDescription);
        Assert.Equal(100, last.PercentComplete);
        Assert.Equal(0, last.SecondsRemaining);
        Assert.Equal(ProgressRecordType.Completed, progress.Last().RecordType);
    }

    private static void CodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static int AddedLines(string journal)
    {
        if (!File.Exists(journal)) return 0;
        using var stream = new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var added = 0;
        while (reader.ReadLine() is string line) if (line.Contains("\"status\":\"Added\"")) added++;
        return added;
    }

    /// <summary>The last status the journal has for each row.</summary>
    private static Dictionary<string, string> LastOutcomes(string journal)
    {
        var outcomes = new Dictionary<string, string>();
        foreach (var line in File.ReadAllLines(journal))
        {
            using var entry = JsonDocument.Parse(line);
            var key = entry.RootElement.GetProperty("key").GetString()!;
            // Each run's first line names the process holding the journal; it is not a row.
            if (key == "run") continue;
            outcomes[key] = entry.RootElement.GetProperty("status").GetString()!;
        }
        return outcomes;
    }
}
