using System.Management.Automation;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Items;

/// <summary>Add-TaobaoItem when the app's daily call quota runs out part way.</summary>
public sealed class QuotaSpentTests
{
    [Fact]
    public void A_spent_daily_quota_is_a_QuotaExceeded_error_and_the_remaining_rows_are_not_sent()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator -EmulatorOption @{ DailyQuota = 30 }
            1..80 | ForEach-Object { [pscustomobject]@{ 标题 = "纯棉短袖T恤 $_"; 价格 = '59.90'; 库存 = 3; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = "Q-$_"; 省 = '浙江'; 市 = '杭州' } } |
                Add-TaobaoItem -ThrottleLimit 4
            """);
        var quotaErrors = (long)session.Ok("(Get-TaobaoTopContext).QuotaErrors").Single().BaseObject;
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.QuotaExceeded, e.CategoryInfo.Category));
        Assert.Equal(80, result.Output.Count + result.Errors.Count);
        // Only the calls already in flight when the first refusal came back can be refused too.
        Assert.InRange(quotaErrors, 1, 4);
    }
}
