using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.WeCom;

public class WeComConnectionTests
{
    [Fact]
    public void A_connection_the_user_holds_still_works_after_connecting_again()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            $held = Connect-WeCom -Emulator -PassThru
            $code = New-WeComContactWay -State 'held_1' -User sales01 -SkipVerify
            Connect-WeCom -Emulator
            (Get-WeComContactWay -ConfigId $code.ConfigId -Connection $held).State
            """);
        Assert.Empty(result.Errors);
        Assert.Equal("held_1", Assert.Single(result.Output).BaseObject);
    }
}
