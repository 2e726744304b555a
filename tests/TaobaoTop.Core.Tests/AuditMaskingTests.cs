using TaobaoTop.Core.Protocol;
using Xunit;

namespace TaobaoTop.Core.Tests;

/// <summary>Parameters that carry credentials are masked in the audit log, whatever the API.</summary>
public sealed class AuditMaskingTests : IDisposable
{
    private readonly string _auditPath = Path.Combine(Path.GetTempPath(), "taobaotop-auditmask-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public void Dispose() => File.Delete(_auditPath);

    [Theory]
    [InlineData("taobao.items.onsale.get", "pwd")]
    [InlineData("taobao.items.onsale.get", "passwd")]
    [InlineData("taobao.items.onsale.get", "password")]
    [InlineData("taobao.items.onsale.get", "private_key")]
    [InlineData("taobao.items.onsale.get", "api_key")]
    [InlineData("taobao.items.onsale.get", "auth_code")]
    [InlineData("taobao.items.onsale.get", "ticket")]
    [InlineData("taobao.items.onsale.get", "credential")]
    [InlineData("taobao.items.onsale.get", "accesskey")]
    [InlineData("taobao.items.onsale.get", "access_key")]
    [InlineData("taobao.top.auth.token.create", "code")]
    public async Task A_credential_parameter_is_masked_in_the_audit_log(string api, string name)
    {
        var gateway = new ScriptedGateway().Answer("""{"items_onsale_get_response":{"total_results":0,"request_id":"r"}}""");
        using var client = new TopClient(new TopClientOptions("12345678", new Secret("app-secret-value"))
        {
            Endpoint = new Uri("http://gateway.test/router/rest"), Session = new Secret("the-session"), Qps = 0, AuditLogPath = _auditPath,
        }, gateway);
        await client.InvokeAsync(new TopRequest(api) { WithoutSession = api.StartsWith("taobao.top.auth.") }.With(name, "Zq-credential-value-42").With("fields", "num_iid"));
        var line = File.ReadAllText(_auditPath);
        Assert.DoesNotContain("Zq-credential-value-42", line);
        Assert.Contains("\"" + name + "\":\"********\"", line);
        Assert.Contains("\"fields\":\"num_iid\"", line);
    }
}
