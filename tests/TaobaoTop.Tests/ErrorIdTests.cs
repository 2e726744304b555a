using System.Management.Automation;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>
/// The same failure gives the same error id and category whatever the cmdlet or parameter set, so one catch or
/// one -ErrorAction handler works across scripts.
/// </summary>
public sealed class ErrorIdTests
{
    private const string Gif = "$p = [IO.Path]::GetTempFileName() + '.gif'; [IO.File]::WriteAllBytes($p, [Convert]::FromBase64String('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==')); Add-TaobaoPicture $p";

    /// <summary>Every TOP cmdlet, each parameter set that calls TOP.</summary>
    public static TheoryData<string, string> Calls() => new()
    {
        { "Get-TaobaoItem", "Get-TaobaoItem 700000000000000009" },
        { "Get-TaobaoItem", "Get-TaobaoItem -OnSale -First 1" },
        { "Get-TaobaoItem", "Get-TaobaoItem -Inventory -First 1" },
        { "Get-TaobaoItem", "Get-TaobaoItem -OuterId DEMO-0001" },
        { "Set-TaobaoItemPrice", "Set-TaobaoItemPrice 700000000000000009 -Price 10" },
        { "Set-TaobaoItemPrice", "Set-TaobaoItemPrice 700000000000000009 -Percent 10" },
        { "Set-TaobaoItemQuantity", "Set-TaobaoItemQuantity 700000000000000009 -Quantity 3" },
        { "Publish-TaobaoItem", "Publish-TaobaoItem 700000000000000009" },
        { "Unpublish-TaobaoItem", "Unpublish-TaobaoItem 700000000000000009" },
        { "Add-TaobaoItem", "[pscustomobject]@{ 标题 = 'T恤'; 价格 = '9.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉面料舒适透气'; 商家编码 = 'E8-1'; 省 = '浙江'; 市 = '杭州' } | Add-TaobaoItem" },
        { "Add-TaobaoPicture", Gif },
        { "Find-TbkItem", "Find-TbkItem 手机 -First 1" },
        { "Get-TbkItem", "Get-TbkItem 'D3f9KcaRpJY1Pc-23N32Si10yRB1G5'" },
        { "Get-TbkOrder", "Get-TbkOrder -Start ([DateTime]::Now.AddHours(-1))" },
        { "Get-TbkRefundOrder", "Get-TbkRefundOrder -Start ([DateTime]::Now.AddDays(-2))" },
        { "Get-TbkPunishOrder", "Get-TbkPunishOrder" },
        { "Resolve-TbkPassword", "Resolve-TbkPassword '￥AbCdEfGh123￥'" },
        { "Get-TbkShop", "Get-TbkShop 手机 -First 1" },
        { "Get-TbkPublisher", "Get-TbkPublisher -Kind Channel -First 1" },
        { "Invoke-TaobaoApi", "Invoke-TaobaoApi taobao.items.onsale.get @{ fields = 'num_iid' }" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void A_spent_quota_is_TopQuotaExceeded(string cmdlet, string call)
        => Assert.Failure("Connect-TaobaoTop -Emulator -EmulatorOption @{ DailyQuota = 1 }; Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0 } | Out-Null", call, cmdlet, "TopQuotaExceeded", ErrorCategory.QuotaExceeded);

    [Theory]
    [MemberData(nameof(Calls))]
    public void An_invalid_session_is_TopApiError27(string cmdlet, string call)
        => Assert.Failure("Connect-TaobaoTop -Emulator -Session not-a-session", call, cmdlet, "TopApiError27:invalid-sessionkey", ErrorCategory.AuthenticationError);

    [Theory]
    [MemberData(nameof(Calls))]
    public void No_connection_is_NotConnected(string cmdlet, string call)
        => Assert.Failure("Disconnect-TaobaoTop -ErrorAction SilentlyContinue", call, cmdlet, "NotConnected", ErrorCategory.ConnectionError);

    private static class Assert
    {
        public static void Failure(string connect, string call, string cmdlet, string id, ErrorCategory category)
        {
            using var session = new ModuleSession();
            var result = session.Run(connect + "\n$Error.Clear()\n" + call);
            var error = Xunit.Assert.Single(result.Errors.Where(e => e.InvocationInfo?.MyCommand?.Name == cmdlet || e.FullyQualifiedErrorId.EndsWith("Command", StringComparison.Ordinal)));
            var prefix = error.FullyQualifiedErrorId.Split(',')[0];
            Xunit.Assert.True(prefix == id && error.CategoryInfo.Category == category,
                $"{call}: expected {id} | {category}, got {error.FullyQualifiedErrorId} | {error.CategoryInfo.Category}");
        }
    }
}
