using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Affiliate;

public class GetTbkShopTests
{
    [Fact]
    public void Shops_found_by_keyword_turn_into_shop_links()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator
            $shops = @(Get-TbkShop 手机 -First 3)
            $links = @($shops | ConvertTo-TbkShopLink)
            $shops.Count
            ($shops.SellerId -join ',') -eq ($links.SellerId -join ',')
            $shops[0].GetType().FullName
            @(Get-TbkShop 手机 -TmallOnly -All | Where-Object { -not $_.IsTmall }).Count
            @(Get-TbkShop 手机 -All).Count -ge @(Get-TbkShop 手机 -TmallOnly -All).Count
            """);
        Assert.Equal(3, output[0].BaseObject);
        Assert.Equal(true, output[1].BaseObject);
        Assert.Equal("TaobaoTop.TbkShop", output[2].BaseObject);
        Assert.Equal(0, output[3].BaseObject);
        Assert.Equal(true, output[4].BaseObject);
    }

    [Fact]
    public void A_keyword_without_shops_writes_nothing_and_no_error()
    {
        using var session = new ModuleSession();
        var result = session.Run("Connect-TaobaoTop -Emulator; Get-TbkShop 'no-such-shop-xyz' -Verbose");
        result.ThrowOnError();
        Assert.Empty(result.Output);
        Assert.Contains(result.Verbose, v => v.Contains("No shop matches"));
    }
}
