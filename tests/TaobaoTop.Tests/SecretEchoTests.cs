using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>A gateway that echoes the session in its errors: the session shows nowhere a user or a script can look.</summary>
public sealed class SecretEchoTests : IDisposable
{
    private const string AppSecret = "ZqAppSecret9x8y7w6v5u";
    private const string Session = "ZqSess1a2b3c4d5e6f7g8h9i0j";
    private readonly HttpListener _listener = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-echo-").FullName;
    private readonly string _endpoint;

    public SecretEchoTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _endpoint = $"http://127.0.0.1:{port}/router/rest";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                // What a careless gateway does: quote the request's session back in its error.
                var body = Encoding.UTF8.GetBytes($$$"""{"error_response":{"code":27,"msg":"Invalid session: {{{Session}}}","sub_code":"isv.invalid-sessionkey","sub_msg":"session {{{Session}}} signed with {{{AppSecret}}} is invalid","request_id":"echo1"}}""");
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
    }

    public void Dispose()
    {
        _listener.Close();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void An_echoed_session_is_in_no_error_view_verbose_line_json_clixml_or_audit_line()
    {
        var clixml = Path.Combine(_folder, "errors.xml");
        var audit = Path.Combine(_folder, "audit.jsonl");
        // A pwsh of its own: the formatting and export cmdlets are the real ones.
        using var pwsh = Processes.PwshProcess.Start($$"""
            Connect-TaobaoTop -AppKey 12345678 -AppSecret '{{AppSecret}}' -Session '{{Session}}' -Endpoint '{{_endpoint}}' -Qps 0 -MaxRetries 0 -AuditLogPath '{{audit}}'
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
