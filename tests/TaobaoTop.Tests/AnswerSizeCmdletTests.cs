using System.Management.Automation;
using System.Text;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>Connect-TaobaoTop -MaxAnswerMB: an answer larger than that is an error, not memory.</summary>
public sealed class AnswerSizeCmdletTests : IDisposable
{
    // A 3 MB answer: valid JSON, far larger than the cap the test sets.
    private readonly CannedGateway _gateway = new(Encoding.UTF8.GetBytes("{\"items_onsale_get_response\":{\"pad\":\"" + new string('x', 3 * 1024 * 1024) + "\",\"total_results\":0}}"));

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public void An_answer_over_MaxAnswerMB_is_an_InvalidResult_error_naming_the_cap()
    {
        using var session = new ModuleSession();
        session.Ok($"Connect-TaobaoTop -AppKey 12345678 -AppSecret 'secret-value' -Session 'session-value' -Endpoint '{_gateway.Endpoint}' -Qps 0 -MaxRetries 0 -MaxAnswerMB 1");
        var result = session.Run("Invoke-TaobaoApi taobao.items.onsale.get @{ fields = 'num_iid' }");
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("1 MB", error.Exception.Message);
        Assert.Empty(result.Output);
    }
}
