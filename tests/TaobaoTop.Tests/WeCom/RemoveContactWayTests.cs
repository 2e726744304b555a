using System.Management.Automation;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.WeCom;

/// <summary>Deleting a QR code cannot be undone: it asks by default and names the code by its state and remark.</summary>
public sealed class RemoveContactWayTests
{
    [Fact]
    public void Remove_is_high_impact_and_WhatIf_names_the_state_and_remark()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-WeCom -Emulator
            (Get-Command Remove-WeComContactWay).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact
            $code = New-WeComContactWay -State 'to_remove' -User sales01 -Remark '测试海报'
            $code | Remove-WeComContactWay -WhatIf
            """);
        Assert.Empty(result.Errors);
        Assert.Equal(ConfirmImpact.High, result.Output[0].BaseObject);
        Assert.Matches("What if: Performing the operation \"Delete WeCom contact way\" on target \"state to_remove, remark 测试海报 \\(config id \\w+\\)\"", session.Host.Console);
    }
}
