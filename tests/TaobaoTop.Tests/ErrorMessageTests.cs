using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>Error messages a user reads: what failed, about what, and what to do next.</summary>
public sealed class ErrorMessageTests
{
    [Fact]
    public void An_unknown_password_error_names_the_password()
    {
        using var session = new ModuleSession();
        var result = session.Run("Connect-TaobaoTop -Emulator; Resolve-TbkPassword '￥AbCdEfGh123￥'");
        var error = Assert.Single(result.Errors);
        Assert.Equal("￥AbCdEfGh123￥", error.TargetObject);
        Assert.StartsWith("淘口令 ￥AbCdEfGh123￥: ", error.ErrorDetails.Message);
        Assert.Contains("当前淘口令无效", error.ErrorDetails.Message);
        Assert.Equal("The 淘口令 is not valid or has expired: ask for a fresh 淘口令; Resolve-TbkPassword reads only live ones", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void A_spent_quota_says_when_calls_are_allowed_again()
    {
        using var session = new ModuleSession();
        var result = session.Run("Connect-TaobaoTop -Emulator -EmulatorOption @{ DailyQuota = 1 }; Get-TaobaoItem -OnSale -First 1 | Out-Null; Get-TaobaoItem -OnSale -First 1");
        var error = Assert.Single(result.Errors);
        Assert.Equal("TopQuotaExceeded,TaobaoTop.Cmdlets.Items.GetTaobaoItemCommand", error.FullyQualifiedErrorId);
        Assert.Matches(@"^The daily call quota is spent: calls are allowed again at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00\.$", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void No_connection_is_said_once_without_repeating_the_cmdlet_name()
    {
        using var session = new ModuleSession();
        var result = session.Run("Find-TbkItem 手机");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("There is no Taobao connection.", error.Exception.Message);
    }
}
