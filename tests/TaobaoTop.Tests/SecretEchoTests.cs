using System.Text;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>A gateway that echoes the session in its errors: the session shows nowhere a user or a script can look.</summary>
public sealed class SecretEchoTests : IDisposable
{
    private const string AppSecret = "ZqAppSecret9x8y7w6v5u";
    private const string Session = "ZqSess1a2b3c4d5e6f7g8h9i0j";
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-echo-").FullName;
    // What a careless gateway does: quote the request's session back in its error.
    private readonly CannedGateway _gateway = new(Encoding.UTF8.GetBytes($$$"""{"error_response":{"code":27,"msg":"Invalid session: {{{Session}}}","sub_code":"isv.invalid-sessionkey","sub_msg":"session {{{Session}}} signed with {{{AppSecret}}} is invalid","request_id":"echo1"}}"""));

    public void Dispose()
    {
        _gateway.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void An_echoed_session_is_in_no_error_view_verbose_line_json_clixml_or_audit_line()
    {
        var clixml = Path.Combine(_folder, "errors.xml");
        var audit = Path.Combine(_folder, "audit.jsonl");
        // A pwsh of its own: the formatting and export cmdlets are the real ones.
        using var pwsh = Processes.PwshProcess.Start($$"""
            Connect-TaobaoTop -AppKey 12345678 -AppSecret '{{AppSecret}}' -Session '{{Session}}' -Endpoint '{{_gateway.Endpoint}}' -Qps 0 -MaxRetries 0 -AuditLogPath '{{audit}}'
            Invoke-TaobaoApi taobao.items.onsale.get @{ fields = 'num_iid' } -ErrorAction SilentlyContinue -Verbose 4>&1 | Out-String
            $Error | Export-Clixml '{{clixml}}' -Depth 5
            $Error | Format-List -Force | Out-String
            $Error[0].Exception | Format-List -Force | Out-String
            $Error[0].ErrorDetails.RecommendedAction
            $Error | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue
            'done'
            """);
        Assert.True(pwsh.WaitForExit(TimeSpan.FromMinutes(2)), "pwsh did not finish: " + pwsh.Output);
        Assert.Contains("done", pwsh.Output);
        var everything = pwsh.Output + File.ReadAllText(clixml) + File.ReadAllText(audit);
        Assert.Contains("Invalid session", everything);
        Assert.DoesNotContain(Session[..8], everything);
        Assert.DoesNotContain(AppSecret[..8], everything);
    }
}
