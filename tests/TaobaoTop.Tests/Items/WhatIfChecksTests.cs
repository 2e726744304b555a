using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Items;

/// <summary>-WhatIf refuses what the real run refuses: it may read (categories, the shop's outer ids) but never writes.</summary>
public sealed class WhatIfChecksTests
{
    private const string Sheet = """
        function Row($outerId, $cid = 50000436) { [pscustomobject]@{ 标题 = "检查 $outerId"; 价格 = '19.90'; 库存 = 1; 类目ID = $cid; 描述 = '纯棉短袖T恤舒适'; 商家编码 = $outerId; 省 = '浙江'; 市 = '杭州' } }
        $rows = @((Row 'C-1'), (Row 'C-2' 16), (Row 'C-3' 99999999), (Row 'C-1'), (Row 'DEMO-0001'))
        """;

    [Theory]
    [InlineData("-WhatIf")]
    [InlineData("")]
    public void A_repeated_outer_id_and_a_category_the_shop_lacks_are_refused_alike_with_and_without_WhatIf(string whatIf)
    {
        using var session = new ModuleSession();
        var result = session.Run($$"""
            Connect-TaobaoTop -Emulator -Qps 0
            {{Sheet}}
            $rows | Add-TaobaoItem {{whatIf}} | ForEach-Object { "$($_.OuterId) $($_.Status)" }
            """);
        var messages = result.Errors.Select(e => e.Exception.Message).ToList();
        Assert.Equal(3, messages.Count);
        Assert.StartsWith("row 2 (商家编码 C-2): CategoryId (类目ID) 16 (女装/女士精品) is not a leaf category", messages[0]);
        Assert.StartsWith("row 3 (商家编码 C-3): CategoryId (类目ID) 99999999 is not a category of taobao.itemcats.get", messages[1]);
        Assert.StartsWith("row 4 (商家编码 C-1): OuterId (商家编码) 'C-1' repeats row 1; one item per outer_id", messages[2]);
        Assert.All(result.Errors, e => Assert.Equal("InvalidItemRow,TaobaoTop.Cmdlets.Items.AddTaobaoItemCommand", e.FullyQualifiedErrorId));
        if (whatIf.Length > 0)
        {
            Assert.Empty(result.Output);
            Assert.Contains("What if: Performing the operation \"Add item '检查 C-1' at 19.90 yuan, stock 1\" on target \"row 1 (商家编码 C-1)\"", session.Host.Console);
            Assert.Matches("What if: Performing the operation \"Skip: 商家编码 'DEMO-0001' is already in the shop as item \\d+\" on target \"row 5 \\(商家编码 DEMO-0001\\)\"", session.Host.Console);
        }
        else
        {
            Assert.Equal(new object[] { "C-1 Added", "DEMO-0001 Skipped" }, result.Output.Select(o => o.BaseObject));
        }
    }

    [Theory]
    [InlineData("-WhatIf")]
    [InlineData("")]
    public void SKUs_beyond_what_item_add_takes_follow_it_and_SKUs_without_stock_that_do_not_fit_are_refused_alike_with_and_without_WhatIf(string whatIf)
    {
        using var session = new ModuleSession();
        // Three colours × six sizes: 18 SKUs of 29 bytes of pid:vid;pid:vid each, 539 bytes as sku_properties. item.add
        // takes 17 and sku.add the 18th, but sku.add takes no SKU without stock: 18 of those cannot be listed.
        var result = session.Run($$"""
            Connect-TaobaoTop -Emulator -Qps 0
            function Sku($code, $n, $stock) {
                $colour = @('黑色', '白色', '红色')[[math]::Floor($n / 6)]; $size = @('XS', 'S', 'M', 'L', 'XL', 'XXL')[$n % 6]
                [pscustomobject]@{ 标题 = ''; 库存 = ''; 类目ID = ''; 描述 = ''; 商家编码 = $code; 省 = ''; 市 = ''; 颜色分类 = $colour; 尺码 = $size; SKU价格 = '59.00'; SKU库存 = $stock; SKU编码 = "$code-$n" }
            }
            function Item($code, $skus, $stock) {
                [pscustomobject]@{ 标题 = "卫衣 $code"; 库存 = ''; 类目ID = 50000436; 描述 = '纯棉卫衣舒适保暖'; 商家编码 = $code; 省 = '浙江'; 市 = '杭州'; 颜色分类 = ''; 尺码 = ''; SKU价格 = ''; SKU库存 = ''; SKU编码 = '' }
                0..($skus - 1) | ForEach-Object { Sku $code $_ $stock }
            }
            @(Item 'W-1' 18 0) + @(Item 'W-2' 18 2) | Add-TaobaoItem {{whatIf}} | ForEach-Object { "$($_.OuterId) $($_.Status) $($_.SkuCount)" }
            {{(whatIf.Length == 0 ? "$item = Get-TaobaoItem -OuterId W-2; \"in the shop: $($item.Skus.Count) SKUs, stock $($item.Quantity)\"" : "")}}
            """);
        var error = Assert.Single(result.Errors);
        Assert.Equal("row 1 (商家编码 W-1): row 19 (SKU编码 W-1-17): the SKUs item.add must carry (those without stock, which taobao.item.sku.add does not take, "
            + "the cheapest and the dearest, and one with stock) come to 539 bytes of sku_properties; item.add takes at most 512: give some of the SKUs without stock a stock, or list them in another item.",
            error.Exception.Message);
        Assert.Equal("InvalidItemRow,TaobaoTop.Cmdlets.Items.AddTaobaoItemCommand", error.FullyQualifiedErrorId);
        if (whatIf.Length > 0)
        {
            Assert.Empty(result.Output);
            Assert.Contains("Add item '卫衣 W-2' at 59.00 yuan, stock 36, 18 SKUs (1 of them added with taobao.item.sku.add after item.add)\" on target \"row 20 (商家编码 W-2)\"", session.Host.Console);
        }
        else
        {
            Assert.Equal(new object[] { "W-2 Added 18", "in the shop: 18 SKUs, stock 36" }, result.Output.Select(o => o.BaseObject));
        }
    }

    [Fact]
    public void WhatIf_names_the_sale_values_the_sheet_names_itself()
    {
        using var session = new ModuleSession();
        session.Ok($$"""
            Connect-TaobaoTop -Emulator -Qps 0
            @(
                [pscustomobject]@{ 标题 = '纯棉短袖T恤 女'; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = 'OWN-1'; 省 = '浙江'; 市 = '杭州'; 颜色分类 = '雾霾蓝'; 尺码 = 'M'; SKU价格 = '59.00'; SKU库存 = 10 }
                [pscustomobject]@{ 商家编码 = 'OWN-1'; 颜色分类 = '奶白'; 尺码 = 'M'; SKU价格 = '59.00'; SKU库存 = 10 }
            ) | Add-TaobaoItem -AllowCustomSaleValue -WhatIf
            """);
        Assert.Contains("Add item '纯棉短袖T恤 女' at 59.00 yuan, stock 20, 2 SKUs; sale values under names of your own: 雾霾蓝, 奶白\"", session.Host.Console);
    }

    [Fact]
    public void WhatIf_writes_nothing_to_the_shop()
    {
        using var session = new ModuleSession();
        var output = session.Ok($$"""
            Connect-TaobaoTop -Emulator -Qps 0
            function Row($outerId) { [pscustomobject]@{ 标题 = "检查 $outerId"; 价格 = '19.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉短袖T恤舒适'; 商家编码 = $outerId; 省 = '浙江'; 市 = '杭州' } }
            (Row 'N-1'), (Row 'N-2') | Add-TaobaoItem -WhatIf
            $found = (Invoke-TaobaoApi taobao.items.custom.get @{ fields = 'num_iid'; outer_id = 'N-1,N-2' }).items.item
            if ($found) { 'shop: some' } else { 'shop: none' }
            """);
        Assert.Equal("shop: none", Assert.Single(output).BaseObject);
    }

    [Fact]
    public void WhatIf_looks_outer_ids_up_forty_to_a_call_as_the_real_run_does()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator -Qps 0
            $rows = 1..100 | ForEach-Object { [pscustomobject]@{ 标题 = "检查 $_"; 价格 = '19.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉短袖T恤舒适'; 商家编码 = "B-$_"; 省 = '浙江'; 市 = '杭州' } }
            $rows += [pscustomobject]@{ 标题 = '演示商品'; 价格 = '9.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉短袖T恤舒适'; 商家编码 = 'DEMO-0001'; 省 = '浙江'; 市 = '杭州' }
            $rows | Add-TaobaoItem -WhatIf
            (Get-TaobaoTopContext).Calls
            """);
        // One category read, one read of its properties and three lookups of at most 40 outer_ids, not a call per row.
        Assert.Equal(5L, Convert.ToInt64(Assert.Single(output).BaseObject));
        Assert.Matches("Skip: 商家编码 'DEMO-0001' is already in the shop as item \\d+", session.Host.Console);
        Assert.Contains("on target \"row 100 (商家编码 B-100)\"", session.Host.Console);
    }

    [Fact]
    public void WhatIf_looks_the_next_batches_up_while_the_first_is_answered_and_keeps_the_rows_in_order()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator -Qps 0 -EmulatorOption @{ Latency = [TimeSpan]::FromMilliseconds(400) }
            $rows = 1..400 | ForEach-Object { [pscustomobject]@{ 标题 = "检查 $_"; 价格 = '19.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉短袖T恤舒适'; 商家编码 = "L-$_"; 省 = '浙江'; 市 = '杭州' } }
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $rows | Add-TaobaoItem -WhatIf
            $clock.Elapsed.TotalSeconds
            """);
        // Ten look-ups one after another take 4 s at 400 ms each, besides the category's reads.
        Assert.InRange(Convert.ToDouble(Assert.Single(output).BaseObject), 0, 3.5);
        var targets = System.Text.RegularExpressions.Regex.Matches(session.Host.Console, "on target \"row (\\d+) ").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(Enumerable.Range(1, 400), targets);
    }
}

