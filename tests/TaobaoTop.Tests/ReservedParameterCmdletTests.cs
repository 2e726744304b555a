using System.Management.Automation;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

public sealed class ReservedParameterCmdletTests
{
    [Fact]
    public void Invoke_TaobaoApi_refuses_system_parameter_names_naming_them_and_sends_nothing()
    {
        using var session = new ModuleSession();
        session.Ok("Connect-TaobaoTop -Emulator");
        var result = session.Run("Invoke-TaobaoApi taobao.items.onsale.get @{ fields = 'num_iid'; session = 'other'; timestamp = 'now' }");
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("'session'", error.Exception.Message);
        Assert.Contains("'timestamp'", error.Exception.Message);
        Assert.Contains("-Session", error.Exception.Message);
        Assert.Empty(result.Output);
        Assert.Equal(0L, Convert.ToInt64(session.Ok("(Get-TaobaoTopContext).Calls").Single().BaseObject));
    }
}
