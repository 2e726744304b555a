using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Items;

/// <summary>Records from the pipeline give their fields by column name, as a sheet read with -Path does.</summary>
public class ItemRecordTests
{
    [Fact]
    public void A_record_names_its_fields_as_a_sheet_header_would_with_full_width_brackets_and_spaces()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator
            $added = [pscustomobject]@{ '宝贝 标题' = '纯棉短袖T恤 男'; '价格（元）' = '59.90'; 库存 = 5; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = 'REC-1'; 省 = '浙江'; 市 = '杭州' } | Add-TaobaoItem
            $added.Status
            (Get-TaobaoItem $added.NumIid).Price
            """);
        Assert.Equal("Added", output[0].ToString());
        Assert.Equal(59.90m, output[1].BaseObject);
    }

    [Fact]
    public void A_field_given_on_the_command_line_holds_for_every_record_over_its_column()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator
            $added = @(
                [pscustomobject]@{ 标题 = '纯棉短袖T恤 男'; 价格 = '50.00'; 库存 = 5; 类目ID = 1; 描述 = '纯棉面料，舒适透气'; 商家编码 = 'REC-2'; 省 = '浙江'; 市 = '杭州' }
                [pscustomobject]@{ 标题 = '印花T恤 女 宽松'; 价格 = '60.00'; 库存 = 7; 描述 = '宽松版型，多色可选'; 商家编码 = 'REC-3'; 省 = '浙江'; 市 = '杭州' }
            ) | Add-TaobaoItem -CategoryId 50000436
            ($added | ForEach-Object Status) -join ','
            ($added | ForEach-Object { (Get-TaobaoItem $_.NumIid).Quantity }) -join ','
            """);
        Assert.Equal("Added,Added", output[0].ToString());
        Assert.Equal("5,7", output[1].ToString());
    }

    [Fact]
    public void A_record_PowerShell_has_already_listed_gives_its_columns_and_its_added_members()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator
            $record = [pscustomobject]@{ 标题 = '纯棉短袖T恤 男'; 价格 = '59.90'; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = 'REC-4'; 省 = '浙江'; 市 = '杭州' }
            $null = $record | Format-List * | Out-String
            $record | Add-Member -MemberType ScriptProperty -Name 库存 -Value { 2 + 3 }
            $added = $record | Add-TaobaoItem -WarningVariable warnings
            $added.Status
            (Get-TaobaoItem $added.NumIid).Quantity
            $warnings.Count
            """);
        Assert.Equal("Added", output[0].ToString());
        Assert.Equal(5L, Convert.ToInt64(output[1].BaseObject));
        Assert.Equal(0, Convert.ToInt32(output[2].BaseObject));
    }
}
