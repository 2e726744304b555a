using TaobaoTop.Core.Protocol;
using Xunit;

namespace TaobaoTop.Core.Tests;

public class TopTimeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(9)]
    [InlineData(-12)]
    public void Writes_the_instant_in_gmt8_whatever_offset_it_came_in(int hours)
    {
        var instant = new DateTimeOffset(2016, 1, 1, 4, 0, 0, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(hours));
        Assert.Equal("2016-01-01 12:00:00", TopTime.ToTopString(instant));
    }

    [Fact]
    public void Does_not_depend_on_the_machine_time_zone()
    {
        var original = Environment.GetEnvironmentVariable("TZ");
        try
        {
            Environment.SetEnvironmentVariable("TZ", "America/New_York");
            TimeZoneInfo.ClearCachedData();
            Assert.NotEqual(TimeSpan.FromHours(8), TimeZoneInfo.Local.GetUtcOffset(DateTime.UtcNow));
            var local = new DateTimeOffset(new DateTime(2026, 11, 23, 7, 30, 0, DateTimeKind.Local));
            Assert.Equal(TopTime.ToTopString(local.ToUniversalTime()), TopTime.ToTopString(local));
            Assert.Equal("2026-11-23 20:30:00", TopTime.ToTopString(local));
            Assert.Equal(DateTimeKind.Local, local.LocalDateTime.Kind);
            Assert.Equal("2026-11-23 20:30:00", TopRequest.FormatValue(local.LocalDateTime));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", original);
            TimeZoneInfo.ClearCachedData();
        }
    }

    [Fact]
    public void Reads_top_time_as_plus_eight()
    {
        Assert.True(TopTime.TryParse("2026-11-11 00:00:00", out var instant));
        Assert.Equal(TimeSpan.FromHours(8), instant.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 16, 0, 0, TimeSpan.Zero), instant);
        Assert.False(TopTime.TryParse("2026/11/11", out _));
    }

    [Fact]
    public void Unspecified_datetimes_are_taken_as_top_time()
    {
        Assert.Equal("2026-06-18 00:00:00", TopRequest.FormatValue(new DateTime(2026, 6, 18)));
    }
}
