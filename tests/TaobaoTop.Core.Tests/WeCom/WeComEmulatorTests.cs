using System.Text;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.WeCom;
using Xunit;

namespace TaobaoTop.Core.Tests.WeCom;

/// <summary>The WeCom emulator on the wire, without the client: what a caller of the real API would get.</summary>
public class WeComEmulatorTests
{
    private DateTimeOffset _now = new(2026, 11, 23, 4, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _http;

    public WeComEmulatorTests()
    {
        var emulator = new WeComEmulator(new WeComEmulatorOptions { Clock = () => _now });
        _http = new HttpClient(emulator.CreateHandler()) { BaseAddress = new Uri("http://wecom.emulator.invalid/") };
    }

    private async Task<JsonNode> Get(string pathAndQuery) => JsonNode.Parse(await _http.GetStringAsync(pathAndQuery))!;

    private async Task<JsonNode> Post(string path, string token, string json)
    {
        var response = await _http.PostAsync(path + "?access_token=" + token, new StringContent(json, Encoding.UTF8, "application/json"));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<string> Token() => (string)(await Get($"/cgi-bin/gettoken?corpid={WeComDemo.CorpId}&corpsecret={WeComDemo.CorpSecret}"))["access_token"]!;

    private static int ErrCode(JsonNode answer) => (int)answer["errcode"]!;

    [Fact]
    public async Task A_token_works_for_its_lifetime_and_then_answers_42001()
    {
        var token = await Token();
        Assert.Equal(0, ErrCode(await Post("/cgi-bin/externalcontact/get_corp_tag_list", token, "{}")));

        _now = _now.AddSeconds(7200);

        var expired = await Post("/cgi-bin/externalcontact/get_corp_tag_list", token, "{}");
        Assert.Equal(42001, ErrCode(expired));
        Assert.Contains("more info at https://open.work.weixin.qq.com/devtool/query?e=42001", (string)expired["errmsg"]!);
        Assert.NotEqual(token, await Token());
    }

    [Theory]
    [InlineData("", 41001)]
    [InlineData("not-a-token", 40014)]
    public async Task Calls_without_a_valid_token_are_refused(string token, int errCode)
        => Assert.Equal(errCode, ErrCode(await Post("/cgi-bin/externalcontact/get_corp_tag_list", token, "{}")));

    [Theory]
    [InlineData("corpid=ww0000demo00corp&corpsecret=wrong", 40001)]
    [InlineData("corpid=wwother&corpsecret=taobaotop-wecom-demo-secret", 40013)]
    [InlineData("corpid=ww0000demo00corp", 41004)]
    public async Task Gettoken_refuses_a_wrong_corp_or_secret(string query, int errCode)
        => Assert.Equal(errCode, ErrCode(await Get("/cgi-bin/gettoken?" + query)));

    [Theory]
    [InlineData("""{"scene":2,"user":["sales01"]}""", 41037)]
    [InlineData("""{"type":1,"user":["sales01"]}""", 41038)]
    [InlineData("""{"type":3,"scene":2,"user":["sales01"]}""", 41039)]
    [InlineData("""{"type":1,"scene":3,"user":["sales01"]}""", 41040)]
    [InlineData("""{"type":1,"scene":2,"user":["sales01","sales02"]}""", 40058)]
    [InlineData("""{"type":2,"scene":2,"user":["sales01"],"state":"0123456789012345678901234567890"}""", 40058)]
    [InlineData("""{"type":2,"scene":2,"user":["nobody"]}""", 40003)]
    [InlineData("""{"type":2,"scene":2,"party":[99]}""", 60123)]
    public async Task Add_contact_way_checks_what_WeCom_checks(string body, int errCode)
        => Assert.Equal(errCode, ErrCode(await Post("/cgi-bin/externalcontact/add_contact_way", await Token(), body)));

    [Fact]
    public async Task A_state_of_exactly_30_characters_is_accepted_and_scene_1_has_no_qr_code()
    {
        var answer = await Post("/cgi-bin/externalcontact/add_contact_way", await Token(), """{"type":1,"scene":1,"user":["sales01"],"state":"渠道渠道渠道渠道渠道渠道渠道渠道渠道渠道渠道渠道渠道渠道渠道"}""");
        Assert.Equal(0, ErrCode(answer));
        Assert.Null(answer["qr_code"]);
    }

    [Fact]
    public async Task Customer_pages_are_clamped_to_100_and_list_pages_to_1000()
    {
        var token = await Token();
        var customers = await Post("/cgi-bin/externalcontact/batch/get_by_user", token, """{"userid_list":["sales01","sales02","sales03"],"limit":500}""");
        Assert.Equal(100, customers["external_contact_list"]!.AsArray().Count);
        Assert.NotEqual(string.Empty, (string)customers["next_cursor"]!);

        Assert.Equal(40058, ErrCode(await Post("/cgi-bin/externalcontact/list_contact_way", token, """{"limit":1001}""")));
        Assert.Equal(6, (await Post("/cgi-bin/externalcontact/list_contact_way", token, "{}"))["contact_way"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_member_without_customers_gets_84061_from_list()
    {
        var token = await Token();
        Assert.Equal(84061, ErrCode(await Get("/cgi-bin/externalcontact/list?userid=boss&access_token=" + token)));
        Assert.NotEmpty((await Get("/cgi-bin/externalcontact/list?userid=sales01&access_token=" + token))["external_userid"]!.AsArray());
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_a_data_format_error_not_a_crash()
        => Assert.Equal(47001, ErrCode(await Post("/cgi-bin/externalcontact/add_corp_tag", await Token(), """{"group_name":"渠道","tag":[{"name":42}]}""")));
}
