using System.Text.Json;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Protocol;
using Xunit;

namespace TaobaoTop.Core.Tests;

public class SessionAndAuditTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly string _auditPath = Path.Combine(Path.GetTempPath(), "taobaotop-audit-" + Guid.NewGuid().ToString("N") + ".jsonl");

    private static string TokenAnswer(string access, string refresh, long expiresInSeconds)
    {
        var token = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["access_token"] = access, ["refresh_token"] = refresh, ["expires_in"] = expiresInSeconds,
            ["expire_time"] = Now.AddSeconds(expiresInSeconds).ToUnixTimeMilliseconds(), ["taobao_user_nick"] = Uri.EscapeDataString("演示店铺"),
        });
        return JsonSerializer.Serialize(new { top_auth_token_refresh_response = new { token_result = token, request_id = "tok" } });
    }

    private (TopClient, ScriptedGateway) Connect(DateTimeOffset? expiresAt = null)
    {
        var gateway = new ScriptedGateway();
        var options = new TopClientOptions("12345678", new Secret("app-secret-value"))
        {
            Endpoint = new Uri("http://gateway.test/router/rest"),
            Session = new Secret("old-session-token"),
            RefreshToken = new Secret("refresh-token-1"),
            SessionExpiresAt = expiresAt,
            Clock = () => Now,
            Qps = 0,
            AuditLogPath = _auditPath,
        };
        return (new TopClient(options, gateway), gateway);
    }

    [Fact]
    public async Task An_invalid_session_answer_renews_the_session_once_and_retries_the_call()
    {
        var (client, gateway) = Connect();
        gateway.Answer("""{"error_response":{"code":27,"msg":"Invalid session","request_id":"a"}}""")
               .Answer(TokenAnswer("new-session-token", "refresh-token-2", 86400))
               .Answer("""{"items_onsale_get_response":{"total_results":0,"request_id":"b"}}""");

        var response = await client.InvokeAsync(new TopRequest("taobao.items.onsale.get").With("fields", "num_iid"));

        Assert.Equal("b", response.RequestId);
        Assert.Equal("old-session-token", gateway.Received[0].Query["session"]);
        Assert.Equal("taobao.top.auth.token.refresh", gateway.Received[1].Query["method"]);
        Assert.False(gateway.Received[1].Query.ContainsKey("session"));
        Assert.Equal("refresh-token-1", gateway.Received[1].Form["refresh_token"]);
        Assert.Equal("new-session-token", gateway.Received[2].Query["session"]);
        Assert.Equal(Now.AddDays(1), client.Options.SessionExpiresAt);
    }

    [Fact]
    public async Task A_second_invalid_session_answer_is_an_error_not_a_loop()
    {
        var (client, gateway) = Connect();
        gateway.Answer("""{"error_response":{"code":27,"msg":"Invalid session"}}""")
               .Answer(TokenAnswer("new-session-token", "refresh-token-2", 86400))
               .Answer("""{"error_response":{"code":27,"msg":"Invalid session"}}""");
        var ex = await Assert.ThrowsAsync<TopApiException>(() => client.InvokeAsync(new TopRequest("taobao.items.onsale.get")));
        Assert.Equal(27, ex.Code);
        Assert.Equal(3, gateway.Received.Count);
    }

    [Fact]
    public async Task A_session_about_to_expire_is_renewed_before_the_call()
    {
        var (client, gateway) = Connect(expiresAt: Now.AddMinutes(2));
        gateway.Answer(TokenAnswer("new-session-token", "refresh-token-2", 86400))
               .Answer("""{"items_onsale_get_response":{"request_id":"b"}}""");
        await client.InvokeAsync(new TopRequest("taobao.items.onsale.get"));
        Assert.Equal("taobao.top.auth.token.refresh", gateway.Received[0].Query["method"]);
        Assert.Equal("new-session-token", gateway.Received[1].Query["session"]);
    }

    [Fact]
    public async Task The_audit_log_has_one_line_per_call_and_no_secret()
    {
        var (client, gateway) = Connect();
        gateway.Answer("""{"error_response":{"code":27,"msg":"Invalid session","request_id":"a"}}""")
               .Answer(TokenAnswer("new-session-token", "refresh-token-2", 86400))
               .Answer("""{"items_onsale_get_response":{"request_id":"b"}}""")
               .Answer("""{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.item-not-exist","sub_msg":"商品不存在","request_id":"c"}}""");
        await client.InvokeAsync(new TopRequest("taobao.items.onsale.get").With("q", "T恤"));
        await Assert.ThrowsAsync<TopApiException>(() => client.InvokeAsync(new TopRequest("taobao.item.seller.get").With("num_iid", 5L)));

        var text = File.ReadAllText(_auditPath);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(new[] { "taobao.top.auth.token.refresh", "taobao.items.onsale.get", "taobao.item.seller.get" }, lines.Select(l => l.GetProperty("api").GetString()));
        Assert.Equal("T恤", lines[1].GetProperty("parameters").GetProperty("q").GetString());
        Assert.Equal("ok", lines[1].GetProperty("outcome").GetString());
        Assert.Equal("b", lines[1].GetProperty("request_id").GetString());
        Assert.Equal("error", lines[2].GetProperty("outcome").GetString());
        Assert.Equal("isv.item-not-exist", lines[2].GetProperty("sub_code").GetString());
        Assert.Equal("c", lines[2].GetProperty("request_id").GetString());
        Assert.EndsWith("+08:00", lines[0].GetProperty("time").GetString());
        foreach (var secret in new[] { "app-secret-value", "old-session-token", "new-session-token", "refresh-token-1", "refresh-token-2" })
        {
            Assert.DoesNotContain(secret, text);
        }
    }

    public void Dispose() => File.Delete(_auditPath);
}
