using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TaobaoTop.Core.Json;

namespace TaobaoTop.Bench.EndToEnd;

/// <summary>
/// The scenarios against a gateway, each in a fresh real pwsh and written as a user writes them: import the module by
/// its manifest, connect with -Endpoint and -Qps, run the job. Each prints one result line.
/// </summary>
public static class PwshScenarios
{
    /// <summary>Runs <paramref name="scenario"/> with its options (endpoint, qps and the scenario's size) and returns its result.</summary>
    public static JsonObject Run(string scenario, IReadOnlyDictionary<string, string> options, TimeSpan timeout)
    {
        string Text(string name) => options[name];
        double Number(string name) => double.Parse(options[name], CultureInfo.InvariantCulture);
        string Prefix(string fallback) => options.TryGetValue("prefix", out var prefix) ? prefix : fallback;
        var (endpoint, qps) = (Text("endpoint"), Number("qps"));
        return scenario switch
        {
            "orders" => Orders(Connect(endpoint, qps), Number("days"), timeout),
            "add" => Add(Connect(endpoint, qps), (int)Number("items"), Prefix("ADD"), timeout),
            "skus" => Skus(endpoint, qps, (int)Number("items"), Number("pictures") != 0, options.TryGetValue("wide", out var wide) && wide != "0", Prefix("SKU"), timeout),
            "naive" => Naive(Connect(endpoint, qps), (int)Number("items"), Number("sleep"), timeout),
            // Against the in-process emulator, as the full run measures it; the gateway only stands by.
            "whatif" => RealPwsh.WhatIf((int)Number("rows")),
            _ => throw new ArgumentException("Unknown scenario " + scenario),
        };
    }

    private static string Connect(string endpoint, double qps) => $$"""
        $ErrorActionPreference = 'Stop'
        Import-Module '{{RepoPaths.Manifest.Replace("'", "''")}}'
        Connect-TaobaoTop -AppKey '{{Emulator.EmulatorDefaults.DemoAppKey}}' -AppSecret '{{Emulator.EmulatorDefaults.DemoAppSecret}}' -Session '{{Emulator.EmulatorDefaults.DemoSession}}' -Endpoint '{{endpoint}}' -Qps {{qps.ToString(CultureInfo.InvariantCulture)}}
        """;

    /// <summary>
    /// Get-TbkOrder over <paramref name="days"/>, the orders counted as they stream, never kept. The peak working set is
    /// the process's own high-water mark (VmHWM on Linux, PeakWorkingSet on Windows), read when the sync ends: exact,
    /// where sampling from outside misses short peaks. The script gives the working set at its first line (pwsh alone)
    /// and before the sync (the module imported and connected).
    /// </summary>
    private static JsonObject Orders(string connect, double days, TimeSpan timeout)
    {
        // TOP time (+08:00) as Get-TbkOrder reads an unspecified DateTime.
        var script = $$"""
            $start = [Environment]::WorkingSet
            {{connect}}
            $end = [DateTime]::SpecifyKind([DateTime]::UtcNow.AddHours(8), 'Unspecified')
            $before = [Environment]::WorkingSet
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $count = 0
            Get-TbkOrder -Start $end.AddDays(-{{days.ToString(CultureInfo.InvariantCulture)}}) -End $end | ForEach-Object { $count++ }
            $seconds = $clock.Elapsed.TotalSeconds
            $peak = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
            # What the sync left behind once the garbage is gone: orders kept anywhere would show here.
            $retained = [GC]::GetTotalMemory($true)
            "{{ChildScenario.ResultPrefix}}" + (@{ orders = $count; seconds = $seconds; startBytes = $start; beforeBytes = $before; peakBytes = $peak; retainedManagedBytes = $retained } | ConvertTo-Json -Compress)
            """;
        return RealPwsh.Run(script, timeout);
    }

    /// <summary>
    /// The host's own share of a sync's peak: as many objects as the sync's orders, made and counted through
    /// ForEach-Object in a fresh pwsh without the module.
    /// </summary>
    public static JsonObject PipelineOnly(long objects, TimeSpan timeout)
    {
        var script = $$"""
            $start = [Environment]::WorkingSet
            $count = 0
            1..{{objects.ToString(CultureInfo.InvariantCulture)}} | ForEach-Object { [pscustomobject]@{ TradeId = "T$_"; ItemTitle = "商品 $_"; Status = 12; Paid = 19.9; Created = [DateTimeOffset]::Now } } | ForEach-Object { $count++ }
            $peak = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
            "{{ChildScenario.ResultPrefix}}" + (@{ objects = $count; startBytes = $start; peakBytes = $peak } | ConvertTo-Json -Compress)
            """;
        return RealPwsh.Run(script, timeout);
    }

    private static string Rows(int count, string prefix) => $$"""
        $rows = foreach ($i in 1..{{count}}) {
            [pscustomobject]@{ Title = "基准测试T恤 $i"; Price = '19.90'; Quantity = 10; CategoryId = 50000436; Description = '纯棉短袖T恤，舒适透气'; OuterId = "{{prefix}}-$i"; State = '浙江'; City = '杭州' }
        }
        """;

    /// <param name="prefix">Of the outer ids: a run on a gateway that already has them would skip every row.</param>
    private static JsonObject Add(string connect, int items, string prefix, TimeSpan timeout) => RealPwsh.Run($$"""
        {{connect}}
        {{Rows(items, prefix)}}
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $added = @($rows | Add-TaobaoItem -ErrorAction Continue -ErrorVariable failed | Where-Object Status -eq 'Added').Count
        $seconds = $clock.Elapsed.TotalSeconds
        "{{ChildScenario.ResultPrefix}}" + (@{ added = $added; errors = $failed.Count; seconds = $seconds } | ConvertTo-Json -Compress)
        """, timeout);

    /// <summary>
    /// Items as a clothing or phone shop lists them: an item row and its 3, 4 or 6 SKU rows sharing the 商家编码 (colour ×
    /// size, or capacity), the category's required properties as columns and every SKU priced from its 成本价 by
    /// -PriceRule, through a sheet file as an ERP export gives it. With <paramref name="pictures"/> each item also has a
    /// 主图2 from a local 800×800 file (one taobao.item.img.upload after its add). The category look-ups made here to find
    /// the leaves first are counted (setupCalls) so the harness can leave them out.
    /// </summary>
    private static JsonObject Skus(string endpoint, double qps, int items, bool pictures, bool wide, string prefix, TimeSpan timeout)
    {
        var folder = Directory.CreateTempSubdirectory("taobaotop-bench-");
        try
        {
            var picture = Path.Combine(folder.FullName, "detail.png");
            if (pictures) File.WriteAllBytes(picture, Png.Gradient(800, 800));
            var sheet = Path.Combine(folder.FullName, "items.csv");
            var (hoodie, phone, setupCalls) = FindLeaves(endpoint, qps);
            var skuRows = WriteSkuSheet(sheet, items, prefix, hoodie, phone, pictures ? picture : null, wide);
            var result = RealPwsh.Run($$"""
                {{Connect(endpoint, qps)}}
                $clock = [Diagnostics.Stopwatch]::StartNew()
                $added = @(Add-TaobaoItem -Path '{{sheet.Replace("'", "''")}}' -PriceRule @{ Margin = 30; PlatformFee = 5; Ending = '.9' } -ErrorAction Continue -ErrorVariable failed | Where-Object Status -eq 'Added').Count
                $seconds = $clock.Elapsed.TotalSeconds
                "{{ChildScenario.ResultPrefix}}" + (@{ added = $added; errors = $failed.Count; seconds = $seconds; firstError = if ($failed) { "$($failed[0])" } } | ConvertTo-Json -Compress)
                """, timeout);
            result["setupCalls"] = (long)setupCalls;
            result["skus"] = (long)skuRows;
            return result;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The 卫衣 and 智能手机 leaves' ids, walking taobao.itemcats.get breadth first as a shop's script would, and the calls it took.</summary>
    private static (long Hoodie, long Phone, int Calls) FindLeaves(string endpoint, double qps)
    {
        var options = new Core.TopClientOptions(Emulator.EmulatorDefaults.DemoAppKey, new Core.Protocol.Secret(Emulator.EmulatorDefaults.DemoAppSecret))
        {
            Session = new Core.Protocol.Secret(Emulator.EmulatorDefaults.DemoSession),
            Endpoint = new Uri(endpoint),
            Qps = qps,
        };
        using var client = new Core.TopClient(options);
        var found = new Dictionary<string, long>();
        var pending = new Queue<long>(new[] { 0L });
        var calls = 0;
        while (found.Count < 2 && pending.Count > 0)
        {
            var answer = client.InvokeAsync(new Core.Protocol.TopRequest("taobao.itemcats.get").With("parent_cid", pending.Dequeue()).With("fields", "cid,name,is_parent")).GetAwaiter().GetResult();
            calls++;
            foreach (var category in answer.Body.List("item_cats"))
            {
                if (category.Bool("is_parent") == true) pending.Enqueue(category.Long("cid") ?? 0);
                else if (category.Text("name") is "卫衣" or "智能手机") found[category.Text("name")!] = category.Long("cid") ?? 0;
            }
        }
        if (found.Count < 2) throw new InvalidOperationException("The gateway's category tree has no 卫衣 or no 智能手机 leaf.");
        return (found["卫衣"], found["智能手机"], calls);
    }

    /// <summary>
    /// Writes the sheet and returns how many SKU rows it has. Every third item is a phone of 3 capacities; the others are
    /// hoodies of 3 × 2 or 2 × 2 colours and sizes. <paramref name="wide"/> makes every item a hoodie of 10 colours × 6
    /// sizes: item.add takes 17 of its 60 SKUs, taobao.item.sku.add the other 43.
    /// </summary>
    private static int WriteSkuSheet(string path, int items, string prefix, long hoodie, long phone, string? detailPicture, bool wide)
    {
        const string MainPicture = "https://img.alicdn.com/imgextra/i1/2200000001/O1CN01bench_!!2200000001.jpg";
        var text = new StringBuilder("标题,类目ID,描述,商家编码,省,市,主图,主图2,品牌,材质,型号,颜色分类,尺码,存储容量,成本价,SKU库存,SKU编码\n");
        var skus = 0;
        for (var i = 1; i <= items; i++)
        {
            var code = prefix + "-" + i.ToString(CultureInfo.InvariantCulture);
            var isPhone = !wide && i % 3 == 0;
            if (isPhone) text.Append(CultureInfo.InvariantCulture, $"5G智能手机 基准款{i},{phone},全网通5G手机，长续航,{code},广东,深圳,{MainPicture},{detailPicture},小米,,M{i},,,,,,\n");
            else text.Append(CultureInfo.InvariantCulture, $"加绒卫衣 男 基准款{i},{hoodie},加厚加绒，保暖舒适的卫衣,{code},浙江,杭州,{MainPicture},{detailPicture},森马,棉,,,,,,,\n");
            if (isPhone)
            {
                foreach (var (capacity, cost) in new[] { ("128GB", "1500.00"), ("256GB", "1800.00"), ("512GB", "2200.00") })
                {
                    text.Append(CultureInfo.InvariantCulture, $",,,{code},,,,,,,,,,{capacity},{cost},10,{code}-{capacity}\n");
                    skus++;
                }
                continue;
            }
            var colours = wide ? new[] { "黑色", "白色", "红色", "蓝色", "灰色", "粉色", "绿色", "黄色", "卡其色", "藏青色" }
                : i % 3 == 1 ? new[] { "黑色", "白色", "藏青色" } : new[] { "黑色", "白色" };
            var sizes = wide ? new[] { "S", "M", "L", "XL", "XXL", "XXXL" } : new[] { "M", "L" };
            foreach (var colour in colours)
            {
                foreach (var size in sizes)
                {
                    text.Append(CultureInfo.InvariantCulture, $",,,{code},,,,,,,,{colour},{size},,{(size == "M" ? "40.00" : "45.00")},5,{code}-{colour}-{size}\n");
                    skus++;
                }
            }
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return skus;
    }

    /// <summary>The usual script: one item.add after another, a fixed sleep after each call; it stops at the first error (a reference that failed measures nothing).</summary>
    private static JsonObject Naive(string connect, int items, double sleep, TimeSpan timeout) => RealPwsh.Run($$"""
        {{connect}}
        {{Rows(items, "NAIVE")}}
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $added = 0
        foreach ($row in $rows) {
            $answer = Invoke-TaobaoApi taobao.item.add @{ title = $row.Title; price = $row.Price; num = $row.Quantity; type = 'fixed'; stuff_status = 'new'; desc = $row.Description; cid = $row.CategoryId; outer_id = $row.OuterId; 'location.state' = $row.State; 'location.city' = $row.City }
            if ($answer.item.num_iid) { $added++ }
            Start-Sleep -Milliseconds {{(int)(sleep * 1000)}}
        }
        $seconds = $clock.Elapsed.TotalSeconds
        "{{ChildScenario.ResultPrefix}}" + (@{ added = $added; errors = 0; seconds = $seconds } | ConvertTo-Json -Compress)
        """, timeout);
}
