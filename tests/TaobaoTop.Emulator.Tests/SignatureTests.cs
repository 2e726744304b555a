using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Tests;

public class SignatureTests
{
    private static Dictionary<string, string> DocExample(string signMethod) => new()
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

    [Fact]
    public void Official_doc_example_signs_as_published()
    {
        Assert.Equal(
            "app_key12345678fieldsnum_iid,title,nick,price,numformatjsonmethodtaobao.item.seller.getnum_iid11223344sessiontestsign_methodmd5timestamp2016-01-01 12:00:00v2.0",
            TopSignature.SignedString(DocExample("md5")));
        Assert.Equal("66987CB115214E59E6EC978214934FB8", TopSignature.Sign(DocExample("md5"), "helloworld", "md5"));
    }

    [Theory]
    [InlineData("hmac", "D56D7858309C31B6251083A874D48273")]
    [InlineData("hmac-sha256", "04DB15AD0774D5CFCE2C837DE43E3FCEA9011ED74F3038FB6AB5F3C4CEA119E8")]
    public void Doc_example_with_hmac_methods(string signMethod, string expected)
        => Assert.Equal(expected, TopSignature.Sign(DocExample(signMethod), "helloworld", signMethod));

    [Fact]
    public void Published_hmac_vector_uses_hmac_md5_without_secret_wrapping()
    {
        var parameters = new Dictionary<string, string>
        {
            ["app_key"] = "00000000", ["fields"] = "title", ["format"] = "json", ["method"] = "taobao.shop.seller.get",
            ["nick"] = "lewin", ["session"] = "203495ct8mu294538720c59384c7n204925876v23487695cb23948756c77",
            ["sign_method"] = "hmac", ["timestamp"] = "2021-04-17 11:18:01", ["v"] = "2.0",
        };
        Assert.Equal("EC017B645917D92D28B70F46E6C249AA", TopSignature.Sign(parameters, "helloworld", "hmac"));
    }

    [Fact]
    public void Rfc_hmac_vectors_through_the_concatenation()
    {
        var parameters = new Dictionary<string, string> { ["Hi"] = " There" };
        Assert.Equal("9294727A3638BB1C13F48EF8158BFC9D", TopSignature.Sign(parameters, new string('\x0b', 16), "hmac"));
        Assert.Equal("B0344C61D8DB38535CA8AFCEAF0BF12B881DC200C9833DA726E9376C2E32CFF7", TopSignature.Sign(parameters, new string('\x0b', 20), "hmac-sha256"));
    }

    [Fact]
    public void Doc_sort_order_is_ordinal()
        => Assert.Equal("bar2foo1foo_bar3foobar4", TopSignature.SignedString(new Dictionary<string, string> { ["foo"] = "1", ["bar"] = "2", ["foo_bar"] = "3", ["foobar"] = "4" }));

    [Fact]
    public void Sign_and_empty_values_are_left_out()
        => Assert.Equal("a1", TopSignature.SignedString(new Dictionary<string, string> { ["a"] = "1", ["b"] = "", ["sign"] = "X" }));

    [Fact]
    public void Unknown_sign_method_gives_no_signature()
        => Assert.Null(TopSignature.Sign(new Dictionary<string, string> { ["a"] = "1" }, "s", "sha1"));

    [Theory]
    [InlineData("md5")]
    [InlineData("hmac")]
    [InlineData("hmac-sha256")]
    public async Task Gateway_accepts_each_sign_method(string signMethod)
    {
        using var harness = new Harness();
        harness.Caller.SignMethod = signMethod;
        var answer = await harness.Caller.CallAsync("taobao.items.onsale.get", new Dictionary<string, string> { ["fields"] = "num_iid" });
        Answers.Success(answer, "items_onsale_get_response");
    }

    public static TheoryData<string, Func<IEnumerable<KeyValuePair<string, string>>, string, string>> NaiveSigners => new()
    {
        { "secret appended only at the end", (p, secret) => Md5(Concat(p) + secret) },
        { "secret prepended only", (p, secret) => Md5(secret + Concat(p)) },
        { "pairs joined with & and =", (p, secret) => Md5(secret + string.Join("&", Sorted(p).Select(x => x.Key + "=" + x.Value)) + secret) },
        { "lower-case hex", (p, secret) => Md5(secret + Concat(p) + secret).ToLowerInvariant() },
        { "values URL-encoded", (p, secret) => Md5(secret + string.Concat(Sorted(p).Select(x => x.Key + Uri.EscapeDataString(x.Value))) + secret) },
        { "sorted case-insensitively", (p, secret) => Md5(secret + string.Concat(p.Where(x => x.Key != "sign").OrderBy(x => x.Key, StringComparer.OrdinalIgnoreCase).Select(x => x.Key + x.Value)) + secret) },
    };

    [Theory]
    [MemberData(nameof(NaiveSigners))]
    public async Task Naively_signed_requests_are_rejected_with_25(string how, Func<IEnumerable<KeyValuePair<string, string>>, string, string> signer)
    {
        Assert.NotNull(how);
        using var harness = new Harness();
        // "Q_" sorts before lower-case letters ordinally but not case-insensitively, and the space is URL-encoded.
        var business = new Dictionary<string, string> { ["fields"] = "num_iid,title", ["q"] = "T恤 男", ["Q_extra"] = "x" };
        var answer = await harness.Caller.CallAsync("taobao.items.onsale.get", business,
            system => system["sign"] = signer(system.Concat(business).ToList(), EmulatorDefaults.DemoAppSecret));
        var error = Answers.Error(answer);
        Assert.Equal(25, (int)error["code"]!);
        Assert.Equal("Invalid signature", (string?)error["msg"]);
    }

    [Fact]
    public async Task Correct_signature_with_the_same_tricky_parameters_passes()
    {
        using var harness = new Harness();
        var answer = await harness.Caller.CallAsync("taobao.items.onsale.get", new Dictionary<string, string> { ["fields"] = "num_iid,title", ["q"] = "T恤 男", ["Q_extra"] = "x" });
        Answers.Success(answer, "items_onsale_get_response");
    }

    [Fact]
    public async Task Wrong_secret_is_rejected()
    {
        using var harness = new Harness();
        harness.Caller.Secret = "not-the-secret";
        Answers.AssertError(await harness.Caller.CallAsync("taobao.itemcats.get", new Dictionary<string, string> { ["parent_cid"] = "0" }), 25);
    }

    [Fact]
    public async Task Parameter_changed_after_signing_is_rejected()
    {
        using var harness = new Harness();
        var answer = await harness.Caller.CallAsync("taobao.itemcats.get", new Dictionary<string, string> { ["parent_cid"] = "0" },
            system =>
            {
                system["sign"] = TestCaller.Sign(system.Append(new("parent_cid", "0")), EmulatorDefaults.DemoAppSecret, "md5");
                system["partner_id"] = "added-after-signing";
            });
        Answers.AssertError(answer, 25);
    }

    [Fact]
    public async Task Missing_sign_is_24_and_unknown_sign_method_is_25()
    {
        using var harness = new Harness();
        var business = new Dictionary<string, string> { ["parent_cid"] = "0" };
        Answers.AssertError(await harness.Caller.CallAsync("taobao.itemcats.get", business, system => system["sign"] = ""), 24);
        Answers.AssertError(await harness.Caller.CallAsync("taobao.itemcats.get", business, system => { system["sign_method"] = "sha1"; system["sign"] = new string('A', 40); }), 25, "isv.invalid-sign-method");
    }

    private static IEnumerable<KeyValuePair<string, string>> Sorted(IEnumerable<KeyValuePair<string, string>> p)
        => p.Where(x => x.Key != "sign").OrderBy(x => x.Key, StringComparer.Ordinal);

    private static string Concat(IEnumerable<KeyValuePair<string, string>> p) => string.Concat(Sorted(p).Select(x => x.Key + x.Value));

    private static string Md5(string text) => Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
