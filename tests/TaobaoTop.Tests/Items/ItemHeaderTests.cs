using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Items;

/// <summary>Sheets as shop admins have them: the usual Chinese header variants, one warning for columns not used, messages in the sheet's own words.</summary>
public sealed class ItemHeaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-headers-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_usual_Chinese_header_variants_are_understood()
    {
        var sheet = Path.Combine(_folder, "variants.csv");
        File.WriteAllText(sheet, "宝贝名称,价格(元),库存数量,类目ID,宝贝描述,商家编码,所在省,所在市\n纯棉短袖T恤,59.90,12,50000436,纯棉面料舒适透气,HV-1,浙江,杭州\n");
        using var session = new ModuleSession();
        var result = session.Run($"Connect-TaobaoTop -Emulator -Qps 0; Add-TaobaoItem -Path '{sheet}' -WhatIf");
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Contains("Add item '纯棉短袖T恤' at 59.90 yuan, stock 12", session.Host.Console);
    }

    [Fact]
    public void Columns_not_used_are_one_warning_with_the_nearest_names_and_messages_use_the_sheets_headers()
    {
        var sheet = Path.Combine(_folder, "unknown.csv");
        File.WriteAllText(sheet, "标题,宝贝价钱,库存,类目ID,描述,商家编码,省,市,备注\nT恤A,59.90,十个,50000436,纯棉面料舒适透气,HU-1,浙江,杭州,x\nT恤B,59.90,3,50000436,纯棉面料舒适透气,HU-2,浙江,杭州,y\n");
        using var session = new ModuleSession();
        var result = session.Run($"Connect-TaobaoTop -Emulator -Qps 0; Add-TaobaoItem -Path '{sheet}' -WhatIf");
        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("Columns not used: 宝贝价钱 (nearest accepted: ", warning);
        Assert.Contains("备注 (nearest accepted: ", warning);
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal("line 2 (商家编码 HU-1): Price (价格) is missing; 库存 '十个' is not a whole number.", result.Errors[0].Exception.Message);
        Assert.Equal("line 3 (商家编码 HU-2): Price (价格) is missing.", result.Errors[1].Exception.Message);
    }

    [Fact]
    public void Piped_rows_get_the_same_single_warning()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator -Qps 0
            1..3 | ForEach-Object { [pscustomobject]@{ 标题 = "T恤 $_"; 价格 = '9.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉面料舒适透气'; 商家编码 = "HP-$_"; 省 = '浙江'; 市 = '杭州'; 颜色 = '白' } } | Add-TaobaoItem -WhatIf
            """);
        Assert.Empty(result.Errors);
        Assert.StartsWith("Columns not used: 颜色 (nearest accepted: ", Assert.Single(result.Warnings));
    }
}
