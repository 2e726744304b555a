using TaobaoTop.Core.Protocol;
using Xunit;

namespace TaobaoTop.Core.Tests;

/// <summary>Business parameters that would clash with the system parameters are refused, not silently dropped.</summary>
public sealed class ReservedParameterTests
{
    [Theory]
    [InlineData("session")]
    [InlineData("sign")]
    [InlineData("sign_method")]
    [InlineData("timestamp")]
    [InlineData("target_app_key")]
    [InlineData("simplify")]
    [InlineData("partner_id")]
    [InlineData("app_key")]
    [InlineData("method")]
    [InlineData("v")]
    [InlineData("format")]
    public async Task A_system_parameter_name_among_the_business_parameters_is_refused_before_sending(string name)
    {
        var gateway = new ScriptedGateway();
        using var client = new TopClient(new TopClientOptions("12345678", new Secret("app-secret-value")) { Endpoint = new Uri("http://gateway.test/router/rest"), Session = new Secret("s"), Qps = 0 }, gateway);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.InvokeAsync(new TopRequest("taobao.items.onsale.get").With("fields", "num_iid").With(name, "x")));
        Assert.Contains("'" + name + "'", error.Message);
        Assert.Empty(gateway.Received);
    }
}
