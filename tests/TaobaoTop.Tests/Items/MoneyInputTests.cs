using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Items;

/// <summary>Money typed at the console or bound from a sheet goes through the module's strict parser, never PowerShell's [decimal] conversion.</summary>
public sealed class MoneyInputTests
{
    [Theory]
    [InlineData("-Price '59,90'", "'59,90' is not a yuan amount")]
    [InlineData("-Price 1,2345", "'1,2345' is a list of 2 values, not a yuan amount")]
    [InlineData("-Percent '12,5'", "'12,5' is not a yuan amount")]
    public void A_comma_typo_at_the_console_is_refused_and_the_price_stays(string arguments, string message)
    {
        using var session = new ModuleSession();
        var result = session.Run($$"""
            Connect-TaobaoTop -Emulator -Qps 0
            $item = Get-TaobaoItem -OnSale -First 1
            try { Set-TaobaoItemPrice -NumIid $item.NumIid {{arguments}} -ErrorAction Stop } catch { $_ }
            (Get-TaobaoItem $item.NumIid).Price -eq $item.Price
            """);
        Assert.Contains(message, result.Output[0].ToString());
        Assert.Equal(true, result.Output[1].BaseObject);
    }

    [Fact]
    public void A_comma_typo_in_a_price_sheet_stops_only_its_row()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator -Qps 0
            $ids = (Get-TaobaoItem -OnSale -First 3).NumIid
            $before = (Get-TaobaoItem $ids[1]).Price
            @(
                [pscustomobject]@{ NumIid = $ids[0]; 价格 = '1,299.00' }
                [pscustomobject]@{ NumIid = $ids[1]; 价格 = '59,90' }
                [pscustomobject]@{ NumIid = $ids[2]; 价格 = 88.8 }
            ) | Set-TaobaoItemPrice | ForEach-Object { $_.Price }
            (Get-TaobaoItem $ids[1]).Price -eq $before
            """);
        Assert.Equal(new object[] { 1299.00m, 88.80m, true }, result.Output.Select(o => o.BaseObject));
        Assert.Contains("'59,90' is not a yuan amount", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Find_TbkItem_price_bounds_take_the_same_parser()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator -Qps 0
            Find-TbkItem 'T恤' -MinPrice '59,90'
            """);
        Assert.Contains("'59,90' is not a yuan amount", result.AllText);
        Assert.Empty(result.Output);
    }
}
