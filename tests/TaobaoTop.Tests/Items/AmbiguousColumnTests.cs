using System.Management.Automation;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Items;

public sealed class AmbiguousColumnTests
{
    [Fact]
    public void Records_with_both_标题_and_Title_are_refused_naming_both_and_nothing_is_sent()
    {
        using var session = new ModuleSession();
        session.Ok("Connect-TaobaoTop -Emulator");
        var result = session.Run("""
            [pscustomobject]@{ 标题 = '纯棉短袖T恤'; Title = 'Cotton tee'; 价格 = '59.90'; 库存 = 3; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = 'AMB-1'; 省 = '浙江'; 市 = '杭州' } | Add-TaobaoItem
            """);
        var error = (result.Terminating as IContainsErrorRecord)?.ErrorRecord ?? Assert.Single(result.Errors);
        Assert.StartsWith("AmbiguousColumns", error.FullyQualifiedErrorId);
        Assert.Contains("标题", error.Exception.Message);
        Assert.Contains("Title", error.Exception.Message);
        Assert.Empty(result.Output);
        Assert.Equal(0L, Convert.ToInt64(session.Ok("(Get-TaobaoTopContext).Calls").Single().BaseObject));
    }
}
