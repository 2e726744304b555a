using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Protocol;
using Xunit;

namespace TaobaoTop.Core.Tests;

/// <summary>Unexpected answers to the token APIs are typed errors that say what came back, never leaking a token.</summary>
public sealed class TokenAnswerTests
{
    [Theory]
    [InlineData("""{"top_auth_token_create_response":{"request_id":"r"}}""", "token_result")]
    [InlineData("""{"top_auth_token_create_response":{"token_result":"not json at all","request_id":"r"}}""", "not JSON")]
    [InlineData("""{"top_auth_token_create_response":{"token_result":"{\"refresh_token\":\"ZqRefresh123456\"}","request_id":"r"}}""", "access_token")]
    [InlineData("""{"top_auth_token_create_response":{"token_result":"{\"access_token\":\"ZqAccess123456\",\"expire_time\":99999999999999999}","request_id":"r"}}""", "expire_time")]
    [InlineData("""{"top_auth_token_create_response":{"token_result":"{\"access_token\":\"ZqAccess123456\",\"expires_in\":9223372036854775807}","request_id":"r"}}""", "expires_in")]
    [InlineData("""<html><title>502</title></html>""", "HTML")]
    public async Task An_unexpected_token_answer_is_a_response_error_naming_what_is_wrong(string answer, string named)
    {
        var gateway = new ScriptedGateway().Answer(answer);
        using var client = new TopClient(new TopClientOptions("12345678", new Secret("app-secret-value")) { Endpoint = new Uri("http://gateway.test/router/rest"), Qps = 0 }, gateway);
        var error = await Assert.ThrowsAsync<TopResponseException>(() => client.CreateTokenAsync("the-code"));
        Assert.Contains(named, error.Message);
        Assert.Equal("taobao.top.auth.token.create", error.Api);
        Assert.DoesNotContain("ZqAccess", error.Message);
        Assert.DoesNotContain("ZqRefresh", error.Message);
    }
}
