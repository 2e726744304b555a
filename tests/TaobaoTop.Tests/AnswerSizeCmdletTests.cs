using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Text;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>Connect-TaobaoTop -MaxAnswerMB: an answer larger than that is an error, not memory.</summary>
public sealed class AnswerSizeCmdletTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _endpoint;

    public AnswerSizeCmdletTests()
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
                // A 3 MB answer: valid JSON, far larger than the cap the test sets.
                var body = Encoding.UTF8.GetBytes("{\"items_onsale_get_response\":{\"pad\":\"" + new string('x', 3 * 1024 * 1024) + "\",\"total_results\":0}}");
                context.Response.ContentType = "application/json";
                try { await context.Response.OutputStream.WriteAsync(body); context.Response.Close(); }
                catch (Exception) { context.Response.Abort(); }
            }
        });
    }

    public void Dispose() => _listener.Close();

    [Fact]
    public void An_answer_over_MaxAnswerMB_is_an_InvalidResult_error_naming_the_cap()
    {
        using var session = new ModuleSession();
        session.Ok($"Connect-TaobaoTop -AppKey 12345678 -AppSecret 'secret-value' -Session 'session-value' -Endpoint '{_endpoint}' -Qps 0 -MaxRetries 0 -MaxAnswerMB 1");
        var result = session.Run("Invoke-TaobaoApi taobao.items.onsale.get @{ fields = 'num_iid' }");
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("1 MB", error.Exception.Message);
        Assert.Empty(result.Output);
    }
}
