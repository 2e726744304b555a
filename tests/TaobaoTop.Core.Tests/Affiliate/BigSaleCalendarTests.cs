using TaobaoTop.Core.Affiliate.Orders;
using Xunit;

namespace TaobaoTop.Core.Tests.Affiliate;

public class BigSaleCalendarTests
{
    private static DateTimeOffset Top(string text) => DateTimeOffset.Parse(text + " +08:00");

    private static BigSaleCalendar WithUserFile(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "bigsales-" + Guid.NewGuid().ToString("N") + ".tsv");
        File.WriteAllText(path, text);
        try
        {
            return BigSaleCalendar.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_sale_added_to_the_user_file_gets_twenty_minute_windows()
    {
        var calendar = WithUserFile("# sales announced later\n年货节\t2027-01-05\t2027-01-20\n");
        Assert.True(calendar.Contains(Top("2027-01-05 00:00:00")));
        Assert.True(calendar.Contains(Top("2027-01-20 23:59:59")));
        Assert.False(calendar.Contains(Top("2027-01-21 00:00:00")));
        Assert.False(calendar.Contains(Top("2028-01-10 00:00:00")));
        var windows = OrderWindows.Split(Top("2027-01-10 00:00:00"), Top("2027-01-10 02:00:00"), calendar).ToList();
        Assert.Equal(6, windows.Count);
        // The shipped sales are still there.
        Assert.True(calendar.Contains(Top("2027-11-11 12:00:00")));
    }

    [Fact]
    public void A_yearly_sale_may_run_over_new_year()
    {
        var calendar = WithUserFile("年终\t12-28\t01-03\n");
        Assert.True(calendar.Contains(Top("2026-12-31 12:00:00")));
        Assert.True(calendar.Contains(Top("2027-01-02 12:00:00")));
        Assert.False(calendar.Contains(Top("2027-01-04 00:00:00")));
    }

    [Fact]
    public void A_missing_user_file_leaves_the_shipped_sales()
    {
        var calendar = BigSaleCalendar.Load(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".tsv"));
        Assert.True(calendar.Contains(Top("2026-06-18 12:00:00")));
        Assert.False(calendar.Contains(Top("2026-10-01 12:00:00")));
    }

    [Theory]
    [InlineData("年货节\t2027-01-20\t2027-01-05\n", "line 1")]
    [InlineData("# ok\n年货节\t2027-13-01\t2027-01-05\n", "line 2")]
    [InlineData("年货节 2027-01-05 2027-01-20\n", "line 1")]
    public void A_bad_line_names_the_file_and_the_line(string text, string where)
    {
        var ex = Assert.Throws<FormatException>(() => WithUserFile(text));
        Assert.Contains(where, ex.Message);
        Assert.Contains("bigsales-", ex.Message);
    }
}
