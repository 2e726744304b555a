using System.Net;
using System.Text.Json.Nodes;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.WeCom;
using Xunit;

namespace TaobaoTop.Core.Tests;

/// <summary>Secrets a gateway echoes never reach an error, an event or an excerpt, whole or in part.</summary>
public sealed class RedactionTests : IDisposable
{
    private const string AppSecret = "ZqAppSecret9x8y7w6v5u";
    private const string Session = "ZqSess1a2b3c4d5e6f7g8h9i0j";
    private const string RefreshToken = "ZqRefr0k1l2m3n4o5p6q7r8";
    private readonly string _auditPath = Path.Combine(Path.GetTempPath(), "taobaotop-redact-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public void Dispose() => File.Delete(_auditPath);

    private (TopClient, ScriptedGateway) Connect()
    {
        var gateway = new ScriptedGateway();
        var options = new TopClientOptions("12345678", new Secret(AppSecret))
        {
            Endpoint = new Uri("http://gateway.test/router/rest"),
            Session = new Secret(Session),
            RefreshToken = new Secret(RefreshToken),
            Qps = 0,
            MaxRetries = 0,
            AuditLogPath = _auditPath,
        };
        return (new TopClient(options, gateway), gateway);
    }

    private static void AssertClean(string? text)
    {
        if (text is null) return;
        foreach (var secret in new[] { AppSecret, Session, RefreshToken })
        {
            // A cut excerpt must not keep a secret's start either.
            Assert.DoesNotContain(secret[..6], text);
        }
    }

    private static void AssertClean(TopException error, List<TopCallEvent> events)
    {
        AssertClean(error.Message);
        AssertClean(error.ToString());
        if (error is TopApiException api)
        {
            AssertClean(api.ErrorMessage);
            AssertClean(api.SubMessage);
        }
        if (error is TopResponseException response) AssertClean(response.BodyExcerpt);
        foreach (var e in events) AssertClean(e.ToString());
    }

    [Fact]
    public async Task An_error_answer_that_echoes_the_session_and_secret_keeps_neither()
    {
        var (client, gateway) = Connect();
        gateway.Answer($$$"""{"error_response":{"code":50,"msg":"Invalid session: {{{Session}}}","sub_code":"isv.invalid-parameter","sub_msg":"secret {{{AppSecret}}} refresh {{{RefreshToken}}}","request_id":"r"}}""");
        var events = new List<TopCallEvent>();
        var error = await Assert.ThrowsAsync<TopApiException>(() => client.InvokeAsync(new TopRequest("taobao.items.onsale.get").With("fields", "num_iid"), events.Add));
        AssertClean(error, events);
        AssertClean(File.ReadAllText(_auditPath));
        Assert.Contains("Invalid session", error.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "text/plain")]
    [InlineData(HttpStatusCode.OK, "text/html")]
    [InlineData(HttpStatusCode.OK, "application/json")]
    public async Task A_secret_straddling_the_excerpt_cut_is_masked_before_the_cut(HttpStatusCode status, string type)
    {
        var (client, gateway) = Connect();
        // The secret starts at character 192 of the body: a cut at 200 keeps its first eight characters.
        var body = type switch
        {
            "text/html" => "<html>" + new string('x', 186) + Session + "</html>",
            "application/json" => "{\"a\":\"" + new string('x', 186) + Session + "\"",
            _ => new string('x', 192) + Session + " more",
        };
        gateway.Then(_ => new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, type) });
        var events = new List<TopCallEvent>();
        var error = await Assert.ThrowsAnyAsync<TopException>(() => client.InvokeAsync(new TopRequest("taobao.items.onsale.get").With("fields", "num_iid"), events.Add));
        AssertClean(error, events);
        AssertClean(File.ReadAllText(_auditPath));
    }

    [Fact]
    public async Task WeCom_body_excerpt_masks_a_corp_secret_straddling_the_cut()
    {
        const string corpSecret = "ZqWeCo5k6j7h8g9f0d1s2a3";
        var gateway = new ScriptedGateway();
        var client = new WeComClient(new WeComClientOptions("ww0123456789", new Secret(corpSecret)) { Endpoint = new Uri("http://wecom.test/"), Qps = 0, MaxRetries = 0 }, gateway);
        gateway.Answer("""{"errcode":0,"errmsg":"ok","access_token":"TOKEN-1","expires_in":7200}""")
               .Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>" + new string('y', 186) + corpSecret + "</html>") });
        var error = await Assert.ThrowsAsync<WeComException>(() => client.PostAsync("/cgi-bin/externalcontact/get_contact_way", new JsonObject { ["config_id"] = "c" }, idempotent: true));
        Assert.DoesNotContain(corpSecret[..6], error.BodyExcerpt);
        Assert.DoesNotContain(corpSecret[..6], error.Message);
    }
}
