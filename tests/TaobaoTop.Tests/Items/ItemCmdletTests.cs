using System.Management.Automation;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Items;

public sealed class ItemCmdletTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-itemcmdlets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static object? Property(PSObject target, string name) => target.Properties[name]?.Value;

    [Fact]
    public void OnSale_pages_through_every_item_and_First_stops_early_with_typed_values()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator -Qps 0
            $seeded = @(Get-TaobaoItem -OnSale).Count
            $rows = foreach ($i in 1..450) { [pscustomobject]@{ Title = "Paging $i"; Price = '10.00'; Quantity = 1; Cid = 50000436; Desc = 'Paging test item'; OuterId = "P-$i"; State = '浙江'; City = '杭州' } }
            $null = $rows | Add-TaobaoItem -ThrottleLimit 8
            $all = Get-TaobaoItem -OnSale
            'all ' + ($all.Count - $seeded)
            'distinct ' + @($all.NumIid | Select-Object -Unique).Count
            'first ' + @(Get-TaobaoItem -OnSale -First 250).Count
            'query ' + @(Get-TaobaoItem -OnSale -Query 'Paging 45').Count
            $all[0]
            """.Replace("@($all.NumIid | Select-Object -Unique).Count", "([System.Collections.Generic.HashSet[long]]$all.NumIid).Count"));
        Assert.Equal("all 450", output[0].BaseObject);
        Assert.Equal("distinct " + Convert.ToString(450 + 9), output[1].BaseObject);
        Assert.Equal("first 250", output[2].BaseObject);
        // "Paging 45" and "Paging 450".
        Assert.Equal("query 2", output[3].BaseObject);
        var item = output[4];
        Assert.Equal("TaobaoTop.TaobaoItem", item.BaseObject.GetType().FullName);
        Assert.IsType<long>(Property(item, "NumIid"));
        Assert.Equal(10.00m, Property(item, "Price"));
        Assert.Equal("10.00", ((decimal)Property(item, "Price")!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromHours(8), ((DateTimeOffset)Property(item, "ListTime")!).Offset);
        Assert.Equal("杭州", Property(item, "City"));
    }

    [Fact]
    public void Items_over_100_get_ten_percent_off_through_the_pipeline_and_the_others_keep_their_price()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator -Qps 0
            $before = Get-TaobaoItem -OnSale
            $changed = Get-TaobaoItem -OnSale | Where-Object { $_.Price -gt 100 } | Set-TaobaoItemPrice -Percent -10
            $after = Get-TaobaoItem -OnSale
            foreach ($item in $before) { '{0} {1} {2}' -f $item.NumIid, $item.Price, ($after | Where-Object NumIid -eq $item.NumIid).Price }
            'changed ' + @($changed).Count
            """);
        var lines = output.Take(output.Count - 1).Select(o => ((string)o.BaseObject).Split(' ')).ToList();
        Assert.Contains(lines, l => decimal.Parse(l[1]) > 100);
        Assert.Contains(lines, l => decimal.Parse(l[1]) <= 100);
        foreach (var line in lines)
        {
            var before = decimal.Parse(line[1]);
            var expected = before > 100 ? Math.Round(before * 0.9m, 2, MidpointRounding.AwayFromZero) : before;
            Assert.Equal(expected, decimal.Parse(line[2]));
        }
        Assert.Equal("changed " + lines.Count(l => decimal.Parse(l[1]) > 100), output.Last().BaseObject);
    }

    [Fact]
    public void A_price_with_three_decimals_is_refused_before_sending_and_WhatIf_changes_nothing()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator -Qps 0
            $item = Get-TaobaoItem -OnSale -First 1
            Set-TaobaoItemPrice -NumIid $item.NumIid -Price 19.999
            $item | Set-TaobaoItemPrice -Price 1.00 -WhatIf
            (Get-TaobaoItem $item.NumIid).Price -eq $item.Price
            """);
        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidPrice,TaobaoTop.Cmdlets.Items.SetTaobaoItemPriceCommand", error.FullyQualifiedErrorId);
        Assert.Contains("19.999 has more than 2 decimals", error.Exception.Message);
        Assert.Equal(true, Assert.Single(result.Output).BaseObject);
    }

    [Fact]
    public void New_prices_from_a_sheet_bind_by_column_name_and_a_bad_one_stops_only_its_row()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator -Qps 0
            $ids = (Get-TaobaoItem -OnSale -First 3).NumIid
            @(
                [pscustomobject]@{ NumIid = $ids[0]; 价格 = '39.90' }
                [pscustomobject]@{ NumIid = $ids[1]; 价格 = '12.345' }
                [pscustomobject]@{ NumIid = $ids[2]; 价格 = '128' }
            ) | Set-TaobaoItemPrice | ForEach-Object { $_.Price }
            $ids | ForEach-Object { (Get-TaobaoItem $_).Price.ToString([cultureinfo]::InvariantCulture) }
            """);
        Assert.Equal(new object[] { 39.90m, 128.00m }, result.Output.Take(2).Select(o => o.BaseObject));
        Assert.Equal("39.90", result.Output[2].BaseObject);
        Assert.NotEqual("12.35", result.Output[3].BaseObject);
        Assert.Equal("128.00", result.Output[4].BaseObject);
        Assert.Contains("12.345 has more than 2 decimals", Assert.Single(result.Errors).Exception.Message);
    }

    [Fact]
    public void A_SKU_price_is_named_by_its_properties_and_cannot_be_a_percentage()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator -Qps 0
            $item = Get-TaobaoItem -OnSale -First 1
            $item | Set-TaobaoItemPrice -SkuProperties '1627207:28341' -Price 59.9 -WhatIf
            Set-TaobaoItemPrice -NumIid $item.NumIid -SkuProperties '1627207:28341' -Percent -10
            (Get-TaobaoItem $item.NumIid).Price -eq $item.Price
            """);
        Assert.Matches("What if: Performing the operation \"Set price to 59.90 yuan\" on target \"item \\d+ SKU 1627207:28341\"", session.Host.Console);
        Assert.Equal("AmbiguousParameterSet,TaobaoTop.Cmdlets.Items.SetTaobaoItemPriceCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Equal(true, Assert.Single(result.Output).BaseObject);
    }

    [Fact]
    public void Stock_is_set_or_changed_by_an_amount_and_a_change_below_zero_is_the_gateways_error()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator -Qps 0
            $item = Get-TaobaoItem -OnSale -First 1
            (Set-TaobaoItemQuantity $item.NumIid 50).Quantity
            ($item | Set-TaobaoItemQuantity -Quantity -20 -Incremental).Quantity
            (Set-TaobaoItemQuantity $item.NumIid -Quantity 5 -Incremental).Quantity
            Set-TaobaoItemQuantity $item.NumIid -Quantity -100 -Incremental
            (Get-TaobaoItem $item.NumIid).Quantity
            """);
        Assert.Equal(new object[] { 50L, 30L, 35L, 35L }, result.Output.Select(o => o.BaseObject));
        var error = Assert.Single(result.Errors);
        Assert.Contains("quantity", error.Exception.Message);
        Assert.StartsWith("TopApiError", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void Items_in_the_warehouse_are_listed_and_taken_off_sale_through_the_pipeline()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator -Qps 0
            $stocked = Get-TaobaoItem -Inventory | Where-Object Quantity -gt 0
            $empty = Get-TaobaoItem -Inventory | Where-Object Quantity -eq 0
            $listed = $stocked | Publish-TaobaoItem
            'listed ' + @($listed).Count + ' ' + (($listed.ApproveStatus | ForEach-Object { $_ }) -join ',')
            'on sale now ' + @($stocked | ForEach-Object { Get-TaobaoItem $_.NumIid } | Where-Object IsOnSale).Count + ' of ' + @($stocked).Count
            $empty | Publish-TaobaoItem
            $listed | Unpublish-TaobaoItem | Out-Null
            'back in stock ' + @($stocked | ForEach-Object { Get-TaobaoItem $_.NumIid } | Where-Object ApproveStatus -eq instock).Count
            """.Replace("| Out-Null", "| ForEach-Object { }"));
        Assert.Null(result.Terminating);
        var lines = result.Output.Select(o => (string)o.BaseObject).ToList();
        Assert.Equal("listed 2 onsale,onsale", lines[0]);
        Assert.Equal("on sale now 2 of 2", lines[1]);
        Assert.Equal("back in stock 2", lines[2]);
        var error = Assert.Single(result.Errors);
        Assert.Equal("NoStock,TaobaoTop.Cmdlets.Items.PublishTaobaoItemCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void Pictures_are_uploaded_to_the_picture_space_and_files_that_are_not_pictures_are_refused()
    {
        TestPictures.WritePng(_folder, "a.png", 800, 600);
        TestPictures.WritePng(_folder, "b.png", 1000, 1000);
        File.WriteAllText(Path.Combine(_folder, "notes.png"), "not a picture");
        using var session = new ModuleSession();
        var result = session.Run($$"""
            Connect-TaobaoTop -Emulator -Qps 0
            Add-TaobaoPicture -Path '{{_folder}}/?.png' -PictureCategoryId 0
            Add-TaobaoPicture '{{_folder}}/notes.png'
            """);
        Assert.Equal(new object[] { "800x600", "1000x1000" }, result.Output.Select(o => Property(o, "Pixel")));
        Assert.All(result.Output, o => Assert.Matches(@"^https://img\.alicdn\.com/imgextra/.+\.png$", (string)Property(o, "PicturePath")!));
        Assert.Equal("TaobaoTop.TaobaoPicture", result.Output[0].BaseObject.GetType().FullName);
        Assert.Equal("a", Property(result.Output[0], "Title"));
        var error = Assert.Single(result.Errors);
        Assert.Contains("is not a png, jpg or gif picture", error.Exception.Message);
    }

    [Fact]
    public void The_item_table_cuts_long_titles_and_right_aligns_prices_with_two_decimals()
    {
        using var session = new ModuleSession();
        session.Ok("""
            Connect-TaobaoTop -Emulator -Qps 0
            $result = [pscustomobject]@{ 标题 = '夏季新款纯棉短袖T恤男士宽松圆领半袖打底衫潮牌'; 价格 = '1299.5'; 库存 = 7; 类目ID = 50000436; 描述 = '纯棉面料舒适透气'; 商家编码 = 'VIEW-2'; 省 = '浙江'; 市 = '杭州' } | Add-TaobaoItem
            Get-TaobaoItem $result.NumIid | Out-Default
            """);
        var console = System.Text.RegularExpressions.Regex.Replace(session.Host.Console, @"\x1b\[[0-9;]*m", "");
        var lines = console.Split('\n').Select(l => l.TrimEnd()).ToList();
        var header = lines.FindIndex(l => l.TrimStart().StartsWith("NumIid") && l.Contains("Price"));
        Assert.True(header >= 0, console);
        var row = lines[header + 2];
        Assert.Contains("夏季新款纯棉短袖…", row);
        Assert.DoesNotContain("潮牌", row);
        // Right-aligned: the price ends where its header ends, in console cells (a Chinese character takes two).
        Assert.Equal(ConsoleCells.Of(lines[header][..(lines[header].IndexOf("Price") + "Price".Length)]), ConsoleCells.Of(row[..(row.IndexOf("1,299.50") + "1,299.50".Length)]));
    }

    [Fact]
    public void An_item_that_is_not_the_sellers_is_a_non_terminating_error_and_the_next_id_goes_on()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator -Qps 0
            $first = Get-TaobaoItem -OnSale -First 1
            1, $first.NumIid | Get-TaobaoItem | ForEach-Object { $_.NumIid -eq $first.NumIid }
            """);
        Assert.Equal(true, Assert.Single(result.Output).BaseObject);
        Assert.Contains("isv.item-not-exist", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }
}
