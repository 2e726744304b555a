using System.Net.Sockets;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.WeCom;
using Xunit;

namespace TaobaoTop.Core.Tests;

/// <summary>What a script (and the cmdlets' error records) can read off any failure of either service: its kind.</summary>
public class ErrorKindTests
{
    private static async Task<ServiceException> TopFailure(Action<ScriptedGateway> script, string method = "taobao.item.add")
    {
        var gateway = new ScriptedGateway();
        script(gateway);
        var client = new TopClient(new TopClientOptions("12345678", new Secret("app-secret-value"))
        {
            Endpoint = new Uri("http://gateway.test/router/rest"),
            Session = new Secret("session-value"),
            Qps = 0,
            MaxRetries = 0,
        }, gateway);
        return await Assert.ThrowsAnyAsync<ServiceException>(() => client.InvokeAsync(new TopRequest(method)));
    }

    private static async Task<ServiceException> WeComFailure(string answer)
    {
        var gateway = new ScriptedGateway();
        gateway.Answer("""{"errcode":0,"access_token":"TOKEN-1","expires_in":7200}""").Answer(answer).Answer("""{"errcode":0,"access_token":"TOKEN-2","expires_in":7200}""").Answer(answer);
        var client = new WeComClient(new WeComClientOptions("ww0123456789", new Secret("corp-secret-value")) { Endpoint = new Uri("http://wecom.test/"), Qps = 0, MaxRetries = 0 }, gateway);
        return await Assert.ThrowsAnyAsync<ServiceException>(() => client.GetAsync("/cgi-bin/externalcontact/get_contact_way"));
    }

    [Theory]
    [InlineData(27, "invalid-sessionkey", ServiceErrorKind.SessionExpired)]
    [InlineData(26, null, ServiceErrorKind.SessionRequired)]
    [InlineData(11, null, ServiceErrorKind.Permission)]
    [InlineData(25, null, ServiceErrorKind.Authentication)]
    [InlineData(41, "isv.invalid-parameter:num", ServiceErrorKind.InvalidArgument)]
    [InlineData(15, "isv.item-not-exist", ServiceErrorKind.NotFound)]
    [InlineData(15, "isp.top-remote-service-unavailable", ServiceErrorKind.Transient)]
    [InlineData(15, "isv.some-rule", ServiceErrorKind.Rejected)]
    public async Task A_top_answer_carries_its_kind(int code, string? subCode, ServiceErrorKind kind)
    {
        var sub = subCode is null ? "" : $$""","sub_code":"{{subCode}}" """;
        var error = await TopFailure(g => g.Answer($$$"""{"error_response":{"code":{{{code}}},"msg":"m"{{{sub}}}}}"""));

        Assert.Equal(kind, error.Kind);
        Assert.Equal("TOP", error.Service);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(subCode, error.SubCode);
    }

    [Fact]
    public async Task A_spent_quota_is_a_quota_error_and_a_short_ban_is_transient()
    {
        var spent = await TopFailure(g => g.Answer("""{"error_response":{"code":7,"msg":"App Call Limited","sub_msg":"This ban will last for 3600 more seconds"}}"""));
        var brief = await TopFailure(g => g.Answer("""{"error_response":{"code":7,"msg":"App Call Limited","sub_msg":"This ban will last for 1 more seconds"}}"""));

        Assert.Equal(ServiceErrorKind.Quota, spent.Kind);
        Assert.IsType<TopQuotaException>(spent);
        Assert.Equal(ServiceErrorKind.Transient, brief.Kind);
        Assert.Equal(TimeSpan.FromSeconds(1), brief.RetryAfter);
    }

    [Fact]
    public async Task A_refused_connection_is_transient_and_a_lost_answer_may_have_been_applied()
    {
        var refused = await TopFailure(g => g.Throw(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))));
        var lost = await TopFailure(g => g.Throw(new HttpRequestException("connection reset")));

        Assert.Equal(ServiceErrorKind.Transient, refused.Kind);
        Assert.False(refused.MayHaveBeenApplied);
        Assert.Equal(ServiceErrorKind.MayHaveBeenApplied, lost.Kind);
        Assert.True(lost.MayHaveBeenApplied && lost.IsTransient);
    }

    [Theory]
    [InlineData(42001, ServiceErrorKind.SessionExpired)]
    [InlineData(45009, ServiceErrorKind.Transient)]
    [InlineData(-1, ServiceErrorKind.Transient)]
    [InlineData(48002, ServiceErrorKind.Permission)]
    [InlineData(301042, ServiceErrorKind.Permission)]
    [InlineData(40001, ServiceErrorKind.Authentication)]
    [InlineData(41044, ServiceErrorKind.NotFound)]
    [InlineData(40058, ServiceErrorKind.InvalidArgument)]
    public async Task A_wecom_answer_carries_its_kind(int errCode, ServiceErrorKind kind)
    {
        var error = await WeComFailure($$"""{"errcode":{{errCode}},"errmsg":"m"}""");

        Assert.IsType<WeComException>(error);
        Assert.Equal(kind, error.Kind);
        Assert.Equal("WeCom", error.Service);
        Assert.Equal(errCode, error.ErrorCode);
    }
}
