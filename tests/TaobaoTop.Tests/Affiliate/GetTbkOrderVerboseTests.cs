using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Affiliate;

public sealed class GetTbkOrderVerboseTests
{
    [Fact]
    public void Verbose_names_the_window_and_page_of_every_call()
    {
        using var session = new ModuleSession();
        var result = session.Run("Connect-TaobaoTop -Emulator; Get-TbkOrder -Start ([DateTime]::Now.AddDays(-3)) -PageSize 10 -Verbose | Out-Null");
        Assert.Empty(result.Errors);
        var sending = result.Verbose.Where(v => v.Contains(": sending")).ToList();
        Assert.True(sending.Count > 2, string.Join("\n", result.Verbose));
        Assert.All(sending, v => Assert.Matches(@"^taobao\.tbk\.order\.details\.get \d{4}-\d\d-\d\d \d\d:\d\d:\d\d – \d{4}-\d\d-\d\d \d\d:\d\d:\d\d page \d+: sending", v));
        Assert.Equal(sending.Count, sending.Distinct().Count());
        Assert.Contains(sending, v => v.Contains(" page 2: "));
    }
}
