using TaobaoTop.Core;
using Xunit;

namespace TaobaoTop.Core.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("19.90", 19.90)]
    [InlineData("59.9", 59.9)]
    [InlineData("1,299.00", 1299)]
    [InlineData("1,299", 1299)]
    [InlineData("12,345,678.50", 12345678.5)]
    [InlineData("¥ 88", 88)]
    [InlineData("￥1,200.50", 1200.5)]
    [InlineData(" 128 ", 128)]
    [InlineData("-10", -10)]
    public void Amounts_with_a_point_and_thousands_groups_of_three_parse(string text, double expected)
    {
        Assert.True(Money.TryParse(text, out var amount, out var problem), problem);
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("59,90")]
    [InlineData("1,2345")]
    [InlineData("12,3")]
    [InlineData("1,29,900")]
    [InlineData("1.299,00")]
    [InlineData(",5")]
    public void A_comma_that_is_not_a_thousands_separator_is_refused(string text)
    {
        Assert.False(Money.TryParse(text, out _, out var problem));
        Assert.Equal("'" + text + "' is not a yuan amount (e.g. 19.90 or 1,299.00): a ',' may only separate thousands, decimals follow a '.'", problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("十九块")]
    [InlineData("1e3")]
    [InlineData("+5")]
    [InlineData("19.")]
    [InlineData(".5")]
    [InlineData("1 299")]
    public void Other_text_is_refused(string text)
    {
        Assert.False(Money.TryParse(text, out _, out var problem));
        Assert.StartsWith("'" + text + "' is not a yuan amount", problem);
    }
}
