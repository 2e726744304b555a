using System.Management.Automation;
using System.Text;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Items;

/// <summary>
/// An answer that has the right root but cannot be read as items is one failure, TopInvalidResponse, whatever
/// Get-TaobaoItem's parameter set: not a raw .NET exception out of one set and a call error out of another.
/// </summary>
public sealed class UnreadableItemAnswerTests
{
    // Items that are numbers instead of objects, under the root each parameter set's API answers with.
    private const string List = """{"items_onsale_get_response":{"items":{"item":[1]},"total_results":1}}""";
    private const string One = """{"item_seller_get_response":{"item":[1]}}""";

    [Theory]
    [InlineData("Get-TaobaoItem -OnSale", List)]
    [InlineData("Get-TaobaoItem -Inventory", List)]
    [InlineData("Get-TaobaoItem 700000000000000009", One)]
    [InlineData("Get-TaobaoItem -OuterId DEMO-0001", List)]
    public void An_unreadable_answer_is_TopInvalidResponse_in_every_parameter_set(string call, string answer)
    {
        using var gateway = new CannedGateway(Encoding.UTF8.GetBytes(answer));
        using var session = new ModuleSession();
        session.Ok($"Connect-TaobaoTop -AppKey 12345678 -AppSecret 'secret-value' -Session 'session-value' -Endpoint '{gateway.Endpoint}' -Qps 0 -MaxRetries 0");
        var result = session.Run(call);
        var error = Assert.Single(result.Errors);
        Assert.True(error.FullyQualifiedErrorId.StartsWith("TopInvalidResponse,", StringComparison.Ordinal) && error.CategoryInfo.Category == ErrorCategory.InvalidResult,
            $"{call}: {error.FullyQualifiedErrorId} | {error.CategoryInfo.Category} | {error.Exception.GetType().Name}: {error.Exception.Message}");
    }
}
