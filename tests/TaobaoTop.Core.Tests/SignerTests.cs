using TaobaoTop.Core.Protocol;
using Xunit;

namespace TaobaoTop.Core.Tests;

public class SignerTests
{
    private static Dictionary<string, string?> DocExample(string signMethod) => new()
    {
        ["method"] = "taobao.item.seller.get",
        ["app_key"] = "12345678",
        ["session"] = "test",
        ["timestamp"] = "2016-01-01 12:00:00",
        ["format"] = "json",
        ["v"] = "2.0",
        ["sign_method"] = signMethod,
        ["fields"] = "num_iid,title,nick,price,num",
        ["num_iid"] = "11223344",
    };

    [Theory]
    [InlineData("md5", TopSignMethod.Md5, "66987CB115214E59E6EC978214934FB8")]
    [InlineData("hmac", TopSignMethod.Hmac, "D56D7858309C31B6251083A874D48273")]
    [InlineData("hmac-sha256", TopSignMethod.HmacSha256, "04DB15AD0774D5CFCE2C837DE43E3FCEA9011ED74F3038FB6AB5F3C4CEA119E8")]
    public void Signs_the_official_documentation_example(string wireName, TopSignMethod method, string expected)
    {
        Assert.Equal(expected, TopSigner.Sign(DocExample(wireName), "helloworld", method));
    }

    [Fact]
    public void Signs_the_published_hmac_vector()
    {
        var parameters = new Dictionary<string, string?>
        {
            ["app_key"] = "00000000", ["fields"] = "title", ["format"] = "json", ["method"] = "taobao.shop.seller.get",
            ["nick"] = "lewin", ["session"] = "203495ct8mu294538720c59384c7n204925876v23487695cb23948756c77",
            ["sign_method"] = "hmac", ["timestamp"] = "2021-04-17 11:18:01", ["v"] = "2.0",
        };
        Assert.Equal("EC017B645917D92D28B70F46E6C249AA", TopSigner.Sign(parameters, "helloworld", TopSignMethod.Hmac));
    }

    [Fact]
    public void Matches_the_rfc_hmac_vectors_through_the_concatenation()
    {
        var parameters = new Dictionary<string, string?> { ["Hi"] = " There" };
        Assert.Equal("9294727A3638BB1C13F48EF8158BFC9D", TopSigner.Sign(parameters, new string('\x0b', 16), TopSignMethod.Hmac));
        Assert.Equal("B0344C61D8DB38535CA8AFCEAF0BF12B881DC200C9833DA726E9376C2E32CFF7", TopSigner.Sign(parameters, new string('\x0b', 20), TopSignMethod.HmacSha256));
    }

    // Expected values computed independently with Python's hashlib/hmac over the UTF-8 text.
    [Theory]
    [InlineData("hmac-sha256", TopSignMethod.HmacSha256, "4A311354C0103A40AF856A7757417054D4362EB6BB67958C0EDFD6F51695D7A3")]
    [InlineData("md5", TopSignMethod.Md5, "D2F9D88BCF3294152FFB427267A6D48A")]
    [InlineData("hmac", TopSignMethod.Hmac, "B92CFC09D646D47239F68AC22ABCE06B")]
    public void Signs_chinese_text_as_utf8(string wireName, TopSignMethod method, string expected)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["method"] = "taobao.tbk.tpwd.create", ["app_key"] = "12345678", ["timestamp"] = "2026-11-23 20:00:00",
            ["format"] = "json", ["v"] = "2.0", ["sign_method"] = wireName,
            ["url"] = "https://uland.taobao.com/coupon/edetail?e=abc", ["text"] = "超值好物，快来抢购！",
        };
        Assert.Equal(expected, TopSigner.Sign(parameters, "helloworld", method));
    }

    [Fact]
    public void Leaves_out_empty_parameters_and_the_sign_itself()
    {
        var withEmpty = DocExample("md5");
        withEmpty["partner_id"] = "";
        withEmpty["simplify"] = null;
        withEmpty["sign"] = "ANYTHING";
        Assert.Equal("66987CB115214E59E6EC978214934FB8", TopSigner.Sign(withEmpty, "helloworld", TopSignMethod.Md5));
    }

    [Fact]
    public void Sorts_names_by_ordinal_byte_order()
    {
        // foo_bar sorts before foobar ('_' 0x5F < 'b' 0x62) and upper case before lower case.
        var a = new Dictionary<string, string?> { ["foobar"] = "4", ["foo_bar"] = "3", ["bar"] = "2", ["foo"] = "1", ["Zed"] = "0" };
        var expected = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("sZed0bar2foo1foo_bar3foobar4s"));
        Assert.Equal(Convert.ToHexString(expected), TopSigner.Sign(a, "s", TopSignMethod.Md5));
    }
}
