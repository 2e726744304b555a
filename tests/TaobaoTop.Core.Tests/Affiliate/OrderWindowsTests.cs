using TaobaoTop.Core.Affiliate.Orders;
using Xunit;

namespace TaobaoTop.Core.Tests.Affiliate;

public class OrderWindowsTests
{
    private static DateTimeOffset Top(string text) => DateTimeOffset.Parse(text + " +08:00");

    [Fact]
    public void Ordinary_days_split_into_three_hour_windows_that_cover_the_range_without_gaps()
    {
        var windows = OrderWindows.Split(Top("2026-10-01 00:00:00"), Top("2026-10-02 01:30:00")).ToList();
        Assert.Equal(9, windows.Count);
        Assert.All(windows, w => Assert.True(w.End - w.Start <= TimeSpan.FromHours(3)));
        Assert.Equal(Top("2026-10-02 00:00:00"), windows[8].Start);
        Assert.Equal(Top("2026-10-02 01:30:00"), windows[8].End);
        for (var i = 1; i < windows.Count; i++) Assert.Equal(windows[i - 1].End, windows[i].Start);
    }

    [Fact]
    public void Big_sale_days_use_twenty_minutes_and_no_window_straddles_into_one()
    {
        var windows = OrderWindows.Split(Top("2026-10-31 22:00:00"), Top("2026-11-01 01:00:00")).ToList();
        Assert.Equal((Top("2026-10-31 22:00:00"), Top("2026-11-01 00:00:00")), windows[0]);
        Assert.All(windows.Skip(1), w => Assert.Equal(TimeSpan.FromMinutes(20), w.End - w.Start));
        Assert.Equal(1 + 3, windows.Count);
    }

    [Theory]
    [InlineData("2026-06-01 00:00:00", true)]
    [InlineData("2026-06-18 23:59:59", true)]
    [InlineData("2026-06-19 00:00:00", false)]
    [InlineData("2026-11-11 12:00:00", true)]
    [InlineData("2026-11-12 00:00:00", false)]
    public void Knows_the_big_sale_days_in_top_time(string time, bool bigSale)
    {
        Assert.Equal(bigSale, OrderWindows.IsBigSaleDay(Top(time)));
        // The same instant seen from UTC is still judged in TOP's zone.
        Assert.Equal(bigSale, OrderWindows.IsBigSaleDay(Top(time).ToUniversalTime()));
    }
}
