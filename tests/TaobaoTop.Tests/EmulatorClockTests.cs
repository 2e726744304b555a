using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>With -EmulatorTime, scripts compute from the gateway's clock that Get-TaobaoTopContext shows.</summary>
public sealed class EmulatorClockTests
{
    [Fact]
    public void The_context_shows_the_gateways_now_and_scripts_compute_windows_from_it()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator -EmulatorTime '2026-11-11 10:00:00'
            $now = (Get-TaobaoTopContext).Now
            $now.ToString('yyyy-MM-dd HH:mm zzz', [cultureinfo]::InvariantCulture)
            @(Get-TbkOrder -Start $now.AddHours(-3)).Count -ge 0
            """);
        Assert.Equal(new object[] { "2026-11-11 10:00 +08:00", true }, output.Select(o => o.BaseObject));
    }
}
