using TaobaoTop.Emulator;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

public class TokenAndAuditTests : IDisposable
{
    private readonly string _audit = Path.Combine(Path.GetTempPath(), "taobaotop-ps-audit-" + Guid.NewGuid().ToString("N") + ".jsonl");

    [Fact]
    public void An_authorization_code_becomes_the_session_and_can_be_renewed_without_showing_a_token()
    {
        using var session = new ModuleSession();
        var result = session.Run($$"""
            Connect-TaobaoTop -Emulator -AuditLogPath '{{_audit}}'
            $token = New-TaobaoTopToken -AuthorizationCode {{EmulatorDefaults.DemoAuthCode}}
            $token.UserNick
            $token.AccessToken.GetType().Name
            (Invoke-TaobaoApi taobao.items.onsale.get @{ fields = 'num_iid' }) -ne $null
            $renewed = Update-TaobaoTopToken
            $renewed.ExpiresAt -gt [DateTimeOffset]::UtcNow
            $token, $renewed | Out-Default
            """);
        result.ThrowOnError();
        Assert.Equal(new object[] { EmulatorDefaults.DemoSellerNick, "SecureString", true, true }, result.Output.Select(o => o.BaseObject));

        var audit = File.ReadAllText(_audit);
        Assert.Contains("\"api\":\"taobao.top.auth.token.create\"", audit);
        Assert.Contains("\"api\":\"taobao.top.auth.token.refresh\"", audit);
        Assert.Contains("\"code\":\"********\"", audit);
        Assert.DoesNotContain(EmulatorDefaults.DemoAuthCode, audit);
        Assert.DoesNotContain(EmulatorDefaults.DemoAuthCode, session.Host.Console + result.AllText);
        Assert.DoesNotContain("access_token", session.Host.Console);
    }

    [Fact]
    public void The_audit_log_records_every_call_with_its_outcome()
    {
        using var session = new ModuleSession();
        session.Run($$"""
            Connect-TaobaoTop -Emulator -AuditLogPath '{{_audit}}'
            $null = Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0 }
            Invoke-TaobaoApi taobao.itemcats.get @{ fields = 'cid' } -ErrorAction SilentlyContinue
            """);
        var lines = File.ReadAllLines(_audit);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"outcome\":\"ok\"", lines[0]);
        Assert.Contains("\"outcome\":\"error\"", lines[1]);
        Assert.Contains("\"code\":40", lines[1]);
        Assert.DoesNotContain(EmulatorDefaults.DemoSession, string.Join("\n", lines));
    }

    public void Dispose() => File.Delete(_audit);
}
