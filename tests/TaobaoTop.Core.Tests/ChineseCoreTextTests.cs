using System.Globalization;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Protocol;
using Xunit;

namespace TaobaoTop.Core.Tests;

/// <summary>The core words its messages in the UI language (its zh-CN satellite), English elsewhere.</summary>
public sealed class ChineseCoreTextTests
{
    private static T InUiCulture<T>(string name, Func<T> action)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static string Unreadable(string culture, string body)
        => InUiCulture(culture, () => Assert.Throws<TopResponseException>(() => TopResponseParser.Parse("taobao.tbk.tpwd.create", body)).Message);

    [Theory]
    [InlineData("", "taobao.tbk.tpwd.create：网关返回 HTTP 200，但响应体为空（不是 TOP 的应答）。可能是代理切断了连接。")]
    [InlineData("<html><head><title>Access denied by proxy</title></head></html>", "taobao.tbk.tpwd.create：网关返回的是标题为“Access denied by proxy”的 HTML 页面，而不是 JSON：")]
    [InlineData("""{"tbk_tpwd_create_response":{"data":""", "taobao.tbk.tpwd.create：网关返回的 JSON 应答在第 36 个字符后被截断：")]
    [InlineData("not json at all", "taobao.tbk.tpwd.create：网关返回的文本不是有效的 JSON（")]
    [InlineData("[1]", "taobao.tbk.tpwd.create：网关返回的 JSON 不是对象：")]
    public void Unreadable_answers_are_Chinese_under_zh_CN(string body, string expected)
        => Assert.StartsWith(expected, Unreadable("zh-CN", body));

    [Theory]
    [InlineData("", "taobao.tbk.tpwd.create: the gateway answered HTTP 200 with an empty body (no TOP answer). A proxy may have cut the connection.")]
    [InlineData("<?xml version=\"1.0\"?><a/>", "taobao.tbk.tpwd.create: the gateway answered XML (TaobaoTop asks for format=json; is this a TOP gateway?) instead of JSON: ")]
    [InlineData("""{"tbk_tpwd_create_response":{"data":""", "taobao.tbk.tpwd.create: the gateway answered a JSON answer cut off after 36 characters: ")]
    [InlineData("[1]", "taobao.tbk.tpwd.create: the gateway answered JSON that is not an object: ")]
    public void Unreadable_answers_stay_English_under_en_US(string body, string expected)
        => Assert.StartsWith(expected, Unreadable("en-US", body));

    [Fact]
    public void A_refused_amount_is_Chinese_under_zh_CN_and_English_under_en_US()
    {
        string? Refusal(string culture) => InUiCulture(culture, () => Money.TryParse("1,2345", out _, out var problem) ? null : problem);
        Assert.Equal("“1,2345”不是以元为单位的金额（例如 19.90 或 1,299.00）：“,”只能分隔千位，小数写在“.”之后", Refusal("zh-CN"));
        Assert.Equal("'1,2345' is not a yuan amount (e.g. 19.90 or 1,299.00): a ',' may only separate thousands, decimals follow a '.'", Refusal("en-US"));
    }
}
