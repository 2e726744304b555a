using System.Globalization;
using TaobaoTop.Core.Errors;
using Xunit;

namespace TaobaoTop.Core.Tests;

public sealed class TopErrorAdviceTests
{
    [Theory]
    [InlineData(15, "2", "check -Pid", "检查 -Pid")]
    [InlineData(15, "1911", "apply for it", "申请权限")]
    [InlineData(15, "2007", "Get-TbkOrder splits", "自动拆分")]
    [InlineData(15, "9100", "lower -Qps", "调低")]
    [InlineData(15, "3000", "tomorrow", "次日")]
    [InlineData(15, "50001", "widen the search", "放宽")]
    [InlineData(15, "isv.item-not-exist", "check the NumIid", "检查 NumIid")]
    [InlineData(27, "invalid-sessionkey", "Update-TaobaoTopToken", "Update-TaobaoTopToken")]
    [InlineData(15, "-4003", "request_id", "request_id")]
    [InlineData(15, "4", "New-TbkAdzone", "New-TbkAdzone")]
    [InlineData(41, "isv.invalid-parameter:title", "60", "60")]
    [InlineData(41, "isv.invalid-parameter:quantity", "Set-TaobaoItemQuantity", "Set-TaobaoItemQuantity")]
    [InlineData(15, "isv.item-img-count-exceeded", "5", "5")]
    [InlineData(15, "isv.item-img-not-exist", "Add-TaobaoPicture", "Add-TaobaoPicture")]
    public void Affiliate_and_item_codes_are_explained_in_English_and_in_Chinese(int code, string subCode, string english, string chinese)
    {
        var advice = TopErrorAdvice.For(new TopApiException("taobao.tbk.any", code, "Remote service error", subCode, "…", null));
        Assert.NotNull(advice);
        Assert.Contains(english, advice!.Recommendation(CultureInfo.GetCultureInfo("en-US")));
        Assert.Contains(chinese, advice.Recommendation(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void A_code_the_table_does_not_know_has_no_advice()
        => Assert.Null(TopErrorAdvice.For(new TopApiException("taobao.tbk.any", 15, "Remote service error", "isv.something-else", "…", null)));
}
