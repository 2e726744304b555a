using System.Net;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Protocol;
using Xunit;

namespace TaobaoTop.Core.Tests;

/// <summary>
/// On .NET Framework, HttpClient's failures come as WebException chains (no SocketException for a failed DNS look-up):
/// a refused connection or an unknown host was never sent, so even a write is retried; anything later may have
/// been carried out.
/// </summary>
public sealed class NetFrameworkTransportErrorTests
{
    private static (TopClient Client, ScriptedGateway Gateway) Connect()
    {
        var gateway = new ScriptedGateway();
        var options = new TopClientOptions("12345678", new Secret("helloworld"))
        {
            Endpoint = new Uri("http://gateway.test/router/rest"),
            Session = new Secret("test-session"),
            Qps = 0,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        };
        return (new TopClient(options, gateway), gateway);
    }

    private static HttpRequestException NetFrameworkError(WebExceptionStatus status) =>
        new("An error occurred while sending the request.", new WebException("The remote name could not be resolved: 'gw.api.taobao.com'", status));

    [Theory]
    [InlineData(WebExceptionStatus.NameResolutionFailure)]
    [InlineData(WebExceptionStatus.ConnectFailure)]
    [InlineData(WebExceptionStatus.ProxyNameResolutionFailure)]
    public async Task A_write_that_never_left_the_machine_is_retried(WebExceptionStatus status)
    {
        var (client, gateway) = Connect();
        gateway.Throw(NetFrameworkError(status)).Answer("""{"item_add_response":{"item":{"num_iid":1},"request_id":"r1"}}""");

        var response = await client.InvokeAsync(new TopRequest("taobao.item.add"));

        Assert.Equal("r1", response.RequestId);
        Assert.Equal(2, gateway.Received.Count);
    }

    [Fact]
    public async Task A_write_whose_connection_broke_after_sending_may_have_been_carried_out()
    {
        var (client, gateway) = Connect();
        gateway.Throw(NetFrameworkError(WebExceptionStatus.ReceiveFailure));

        var ex = await Assert.ThrowsAsync<TopTransportException>(() => client.InvokeAsync(new TopRequest("taobao.item.add")));

        Assert.Single(gateway.Received);
        Assert.True(ex.MayHaveBeenApplied);
        Assert.Contains("may have been carried out", ex.Message);
    }
}
