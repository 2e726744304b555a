using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Protocol;
using Xunit;

namespace TaobaoTop.Core.Tests;

/// <summary>Code 7 answers whose ban cannot be read or makes no sense: a quota error quoting the text, never a crash.</summary>
public sealed class BanTextTests
{
    [Theory]
    [InlineData("This ban will last for ٣ more seconds")]
    [InlineData("This ban will last for ３ more seconds")]
    [InlineData("This ban will last for 99999999999999999999 more seconds")]
    [InlineData("This ban will last for 9223372036854775807 more seconds")]
    [InlineData("This ban will last for 315360000 more seconds")]
    public async Task An_unreadable_or_absurd_ban_is_a_quota_error_that_quotes_the_text(string subMessage)
    {
        var gateway = new ScriptedGateway().Answer($$$"""{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"{{{subMessage}}}","request_id":"r1"}}""");
        using var client = new TopClient(new TopClientOptions("12345678", new Secret("app-secret-value"))
        {
            Endpoint = new Uri("http://gateway.test/router/rest"), Qps = 0,
        }, gateway);
        var error = await Assert.ThrowsAsync<TopQuotaException>(() => client.InvokeAsync(new TopRequest("taobao.tbk.tpwd.create")));
        Assert.Contains(subMessage, error.Message);
        Assert.Single(gateway.Received);
    }
}
