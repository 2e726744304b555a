using TaobaoTop.Core.Items;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

public sealed class PriceRuleTests
{
    [Theory]
    [InlineData("35.00", 30, 0, 0, PriceEnding.Fen, "45.50")]
    [InlineData("35.00", 30, 5, 0, PriceEnding.Point9, "50.90")]
    [InlineData("35.00", 30, 0, 5, PriceEnding.Fen, "47.90")]
    [InlineData("35.00", 30, 0, 5, PriceEnding.Point99, "47.99")]
    [InlineData("10.00", 0, 0, 0, PriceEnding.Point9, "10.90")]
    [InlineData("10.95", 0, 0, 0, PriceEnding.Point9, "11.90")]
    [InlineData("10.01", 0, 0, 0, PriceEnding.Whole, "11.00")]
    [InlineData("10.00", 33.333, 0, 0, PriceEnding.Fen, "13.34")]
    public void The_price_is_rounded_up_so_the_margin_holds(string cost, double margin, double addOn, double fee, PriceEnding ending, string price)
    {
        var rule = new PriceRule { MarginPercent = (decimal)margin, AddOn = (decimal)addOn, PlatformFeePercent = (decimal)fee, Ending = ending };
        Assert.Equal(price, ItemApi.Money(rule.PriceFor(decimal.Parse(cost))));
    }

    [Fact]
    public void Floor_and_ceiling_hold_the_price()
    {
        var rule = new PriceRule { MarginPercent = 30, Floor = 9.90m, Ceiling = 99m };
        Assert.Equal(9.90m, rule.PriceFor(1m));
        Assert.Equal(99.00m, rule.PriceFor(500m));
        Assert.Equal("margin 30%, up to the fen, floor 9.90, ceiling 99.00", rule.ToString());
    }
}
