using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace TaobaoTop.Bench.EndToEnd;

/// <summary>
/// One end-to-end scenario in a fresh process: the harness starts itself with <c>child &lt;scenario&gt; name=value…</c>
/// and reads the one result line it prints. A fresh process gives each scenario its own peak working set and a cold import.
/// </summary>
public static class ChildScenario
{
    public const string Verb = "child";
    public const string ResultPrefix = "BENCH-RESULT ";

    public static async Task<int> RunAsync(string[] args)
    {
        var scenario = args[0];
        var options = args.Skip(1).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        string Text(string name) => options[name];
        double Number(string name) => double.Parse(options[name], CultureInfo.InvariantCulture);
        var result = scenario switch
        {
            "import" => Import(),
            "orders" => Orders(Text("endpoint"), Number("qps"), Number("days")),
            "add" => Add(Text("endpoint"), Number("qps"), (int)Number("items"), options.TryGetValue("prefix", out var prefix) ? prefix : "ADD"),
            "skus" => Skus(Text("endpoint"), Number("qps"), (int)Number("items"), Number("pictures") != 0, options.TryGetValue("prefix", out var skuPrefix) ? skuPrefix : "SKU"),
            "naive" => Naive(Text("endpoint"), Number("qps"), (int)Number("items"), Number("sleep")),
            "pacer" => await PacerAsync(Number("qps"), (int)Number("calls"), (int)Number("workers")),
            _ => throw new ArgumentException("Unknown scenario " + scenario),
        };
        Console.WriteLine(ResultPrefix + result.ToJsonString());
        await Console.Out.FlushAsync();
        return 0;
    }

    private static JsonObject Import()
    {
        using var engine = HostedEngine.Open(out var opened);
        var clock = Stopwatch.StartNew();
        engine.ImportModule();
        var imported = clock.Elapsed;
        var addItem = engine.Run("[bool](Get-Command Add-TaobaoItem -Module TaobaoTop -ErrorAction SilentlyContinue)").Single();
        return new JsonObject
        {
            ["engineMs"] = opened.TotalMilliseconds,
            ["importMs"] = imported.TotalMilliseconds,
            ["hasAddTaobaoItem"] = (bool)addItem.BaseObject,
        };
    }

    private static JsonObject Orders(string endpoint, double qps, double days)
    {
        using var engine = HostedEngine.OpenWithModule();
        engine.Connect(endpoint, qps);
        var before = Environment.WorkingSet;
        using var sampler = new WorkingSetSampler();
        var clock = Stopwatch.StartNew();
        // TOP time (+08:00) as Get-TbkOrder reads an unspecified DateTime; counted as they stream, never kept.
        var count = engine.Run($$"""
            $end = [DateTime]::SpecifyKind([DateTime]::UtcNow.AddHours(8), 'Unspecified')
            $count = 0
            Get-TbkOrder -Start $end.AddDays(-{{days.ToString(CultureInfo.InvariantCulture)}}) -End $end | ForEach-Object { $count++ }
            $count
            """).Single();
        var seconds = clock.Elapsed.TotalSeconds;
        return new JsonObject
        {
            ["orders"] = Convert.ToInt64(count.BaseObject, CultureInfo.InvariantCulture),
            ["seconds"] = seconds,
            ["beforeBytes"] = before,
            ["peakSampledBytes"] = sampler.Stop(),
            ["peakProcessBytes"] = Process.GetCurrentProcess().PeakWorkingSet64,
            // What the sync left behind once the garbage is gone: orders kept anywhere would show here.
            ["retainedManagedBytes"] = GC.GetTotalMemory(forceFullCollection: true),
        };
    }

    private static string Rows(int count, string prefix) => $$"""
        $rows = foreach ($i in 1..{{count}}) {
            [pscustomobject]@{ Title = "基准测试T恤 $i"; Price = '19.90'; Quantity = 10; CategoryId = 50000436; Description = '纯棉短袖T恤，舒适透气'; OuterId = "{{prefix}}-$i"; State = '浙江'; City = '杭州' }
        }
        """;

    /// <param name="prefix">Of the outer ids: a run on a gateway that already has them would skip every row.</param>
    private static JsonObject Add(string endpoint, double qps, int items, string prefix)
    {
        using var engine = HostedEngine.OpenWithModule();
        engine.Connect(endpoint, qps);
        engine.Run(Rows(items, prefix));
        var clock = Stopwatch.StartNew();
        var added = engine.Run("@($rows | Add-TaobaoItem | Where-Object Status -eq 'Added').Count", out var errors).Single();
        return Timed(clock, added, errors.Count);
    }

    /// <summary>
    /// Items as a clothing or phone shop lists them: an item row and its 3, 4 or 6 SKU rows sharing the 商家编码 (colour ×
    /// size, or capacity), the category's required properties as columns and every SKU priced from its 成本价 by
    /// -PriceRule, through a sheet file as an ERP export gives it. With <paramref name="pictures"/> each item also has a
    /// 主图2 from a local 800×800 file (one taobao.item.img.upload after its add). The category look-ups made to find the
    /// leaves are counted (setupCalls) so the harness can leave them out.
    /// </summary>
    private static JsonObject Skus(string endpoint, double qps, int items, bool pictures, string prefix)
    {
        using var engine = HostedEngine.OpenWithModule();
        engine.Connect(endpoint, qps);
        var leaves = engine.Run("""
            $setupCalls = 0
            function Find-Leaf([string] $Name) {
                $pending = [System.Collections.Generic.Queue[long]]::new()
                $pending.Enqueue(0)
                while ($pending.Count -gt 0) {
                    $answer = Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = $pending.Dequeue(); fields = 'cid,name,is_parent' }
                    $script:setupCalls++
                    foreach ($category in @($answer.item_cats.item_cat)) {
                        if ($category.is_parent) { $pending.Enqueue($category.cid) } elseif ($category.name -eq $Name) { return $category.cid }
                    }
                }
                throw "no leaf named $Name"
            }
            (Find-Leaf '卫衣'), (Find-Leaf '智能手机'), $setupCalls
            """).Select(o => Convert.ToInt64(o.BaseObject, CultureInfo.InvariantCulture)).ToArray();
        var folder = Directory.CreateTempSubdirectory("taobaotop-bench-");
        try
        {
            var picture = Path.Combine(folder.FullName, "detail.png");
            if (pictures) File.WriteAllBytes(picture, Png.Gradient(800, 800));
            var sheet = Path.Combine(folder.FullName, "items.csv");
            var skuRows = WriteSkuSheet(sheet, items, prefix, leaves[0], leaves[1], pictures ? picture : null);
            engine.Run($"$sheet = '{sheet}'");
            var clock = Stopwatch.StartNew();
            var added = engine.Run("@(Add-TaobaoItem -Path $sheet -PriceRule @{ Margin = 30; PlatformFee = 5; Ending = '.9' } | Where-Object Status -eq 'Added').Count", out var errors).Single();
            var result = Timed(clock, added, errors.Count);
            result["setupCalls"] = leaves[2];
            result["skus"] = skuRows;
            if (errors.Count > 0) result["firstError"] = errors[0].ToString();
            return result;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Writes the sheet and returns how many SKU rows it has. Every third item is a phone of 3 capacities; the others are hoodies of 3 × 2 or 2 × 2 colours and sizes.</summary>
    private static int WriteSkuSheet(string path, int items, string prefix, long hoodie, long phone, string? detailPicture)
    {
        const string MainPicture = "https://img.alicdn.com/imgextra/i1/2200000001/O1CN01bench_!!2200000001.jpg";
        var text = new System.Text.StringBuilder("标题,类目ID,描述,商家编码,省,市,主图,主图2,品牌,材质,型号,颜色分类,尺码,存储容量,成本价,SKU库存,SKU编码\n");
        var skus = 0;
        for (var i = 1; i <= items; i++)
        {
            var code = prefix + "-" + i.ToString(CultureInfo.InvariantCulture);
            var isPhone = i % 3 == 0;
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
            var colours = i % 3 == 1 ? new[] { "黑色", "白色", "藏青色" } : new[] { "黑色", "白色" };
            foreach (var colour in colours)
            {
                foreach (var size in new[] { "M", "L" })
                {
                    text.Append(CultureInfo.InvariantCulture, $",,,{code},,,,,,,,{colour},{size},,{(size == "M" ? "40.00" : "45.00")},5,{code}-{colour}-{size}\n");
                    skus++;
                }
            }
        }
        File.WriteAllText(path, text.ToString(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return skus;
    }

    /// <summary>The usual script: one item.add after another, a fixed sleep between calls (Thread.Sleep: the hosted engine has no Start-Sleep).</summary>
    private static JsonObject Naive(string endpoint, double qps, int items, double sleep)
    {
        using var engine = HostedEngine.OpenWithModule();
        engine.Connect(endpoint, qps);
        engine.Run(Rows(items, "NAIVE"));
        var clock = Stopwatch.StartNew();
        var added = engine.Run($$"""
            $added = 0
            foreach ($row in $rows) {
                $answer = Invoke-TaobaoApi taobao.item.add @{ title = $row.Title; price = $row.Price; num = $row.Quantity; type = 'fixed'; stuff_status = 'new'; desc = $row.Description; cid = $row.CategoryId; outer_id = $row.OuterId; 'location.state' = $row.State; 'location.city' = $row.City }
                if ($answer.item.num_iid) { $added++ }
                [System.Threading.Thread]::Sleep({{(int)(sleep * 1000)}})
            }
            $added
            """, out var errors).Single();
        // A reference that failed measures nothing.
        if (errors.Count > 0) throw new InvalidOperationException("The naive loop wrote errors:\n" + string.Join("\n", errors.Take(5)));
        return Timed(clock, added, errors.Count);
    }

    private static JsonObject Timed(Stopwatch clock, System.Management.Automation.PSObject added, int errors) => new()
    {
        ["added"] = Convert.ToInt64(added.BaseObject, CultureInfo.InvariantCulture),
        ["errors"] = errors,
        ["seconds"] = clock.Elapsed.TotalSeconds,
    };

    /// <summary>
    /// The client's own ceiling: calls through TopClient's whole pipeline at -Qps to an in-process emulator with no quota
    /// and no latency, from enough callers that the pacer alone sets the pace.
    /// </summary>
    private static async Task<JsonObject> PacerAsync(double qps, int calls, int workers)
    {
        using var emulator = new Emulator.TopEmulator();
        var options = new Core.TopClientOptions(Emulator.EmulatorDefaults.DemoAppKey, new Core.Protocol.Secret(Emulator.EmulatorDefaults.DemoAppSecret))
        {
            Session = new Core.Protocol.Secret(Emulator.EmulatorDefaults.DemoSession),
            Endpoint = new Uri("http://emulator.invalid" + Emulator.EmulatorDefaults.GatewayPath),
            Qps = qps,
        };
        using var client = new Core.TopClient(options, emulator.CreateHandler());
        // One call first, so the measured ones do not pay for the first call's compilation.
        await client.InvokeAsync(new Core.Protocol.TopRequest("taobao.itemcats.get").With("parent_cid", 0));
        var left = calls;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0) await client.InvokeAsync(new Core.Protocol.TopRequest("taobao.itemcats.get").With("parent_cid", 0));
        })));
        return new JsonObject { ["calls"] = calls, ["seconds"] = clock.Elapsed.TotalSeconds };
    }

    /// <summary>Starts this program as <c>child scenario</c> and returns the result it printed.</summary>
    public static JsonObject Start(string scenario, IDictionary<string, string> options, TimeSpan timeout)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Under `dotnet run` or `dotnet x.dll` the process is the dotnet host: name the program.
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) info.ArgumentList.Add(typeof(ChildScenario).Assembly.Location);
        info.ArgumentList.Add(Verb);
        info.ArgumentList.Add(scenario);
        foreach (var pair in options) info.ArgumentList.Add(pair.Key + "=" + pair.Value);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The {scenario} scenario ran over {timeout.TotalMinutes:0} minutes and was stopped.");
        }
        var line = stdout.Result.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"The {scenario} scenario failed (exit {process.ExitCode}):\n{stderr.Result}\n{stdout.Result}");
        return JsonNode.Parse(line[ResultPrefix.Length..])!.AsObject();
    }
}
