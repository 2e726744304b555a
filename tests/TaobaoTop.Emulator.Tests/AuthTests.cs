using System.Text.Json.Nodes;

namespace TaobaoTop.Emulator.Tests;

public class AuthTests : IDisposable
{
    private readonly Harness _harness = new(o => o.AccessTokenLifetime = TimeSpan.FromHours(2));

    public AuthTests() => _harness.Caller.Session = null;

    public void Dispose() => _harness.Dispose();

    private async Task<JsonObject> CreateToken(string code = EmulatorDefaults.DemoAuthCode)
    {
        var answer = Answers.Success(await _harness.Caller.CallAsync("taobao.top.auth.token.create", new Dictionary<string, string> { ["code"] = code }), "top_auth_token_create_response");
        return JsonNode.Parse((string)answer["token_result"]!)!.AsObject();
    }

    private async Task<JsonObject> OnSaleWith(string session)
    {
        var caller = _harness.NewCaller();
        caller.Session = session;
        return await caller.CallAsync("taobao.items.onsale.get", new Dictionary<string, string> { ["fields"] = "nick" });
    }

    [Fact]
    public async Task Demo_code_gives_a_token_result_string_for_the_demo_seller()
    {
        var token = await CreateToken();
        Assert.StartsWith("6201", (string)token["access_token"]!);
        Assert.StartsWith("6202", (string)token["refresh_token"]!);
        Assert.Equal(7200, (long)token["expires_in"]!);
        Assert.Equal(TestClock.Start.AddHours(2).ToUnixTimeMilliseconds(), (long)token["expire_time"]!);
        Assert.Equal(EmulatorDefaults.DemoSellerNick, Uri.UnescapeDataString((string)token["taobao_user_nick"]!));
        Assert.Equal(EmulatorDefaults.DemoSellerUserId.ToString(), (string?)token["taobao_user_id"]);
    }

    [Fact]
    public async Task Token_works_as_a_session_until_it_expires_on_the_emulator_clock()
    {
        var accessToken = (string)(await CreateToken())["access_token"]!;
        var items = Answers.Success(await OnSaleWith(accessToken), "items_onsale_get_response")["items"]!["item"]!.AsArray();
        Assert.All(items, i => Assert.Equal(EmulatorDefaults.DemoSellerNick, (string?)i!["nick"]));

        _harness.Clock.Advance(TimeSpan.FromHours(2));
        Answers.AssertError(await OnSaleWith(accessToken), 27);
    }

    [Fact]
    public async Task Refresh_gives_a_working_token_after_the_old_one_expired()
    {
        var first = await CreateToken();
        _harness.Clock.Advance(TimeSpan.FromHours(3));
        var refreshed = Answers.Success(await _harness.Caller.CallAsync("taobao.top.auth.token.refresh",
            new Dictionary<string, string> { ["refresh_token"] = (string)first["refresh_token"]! }), "top_auth_token_refresh_response");
        var token = JsonNode.Parse((string)refreshed["token_result"]!)!;
        Assert.NotEqual((string?)first["access_token"], (string?)token["access_token"]);
        Answers.Success(await OnSaleWith((string)token["access_token"]!), "items_onsale_get_response");
        Answers.AssertError(await OnSaleWith((string)first["access_token"]!), 27);
    }

    [Fact]
    public async Task Unknown_code_and_unknown_refresh_token_are_refused()
    {
        Answers.AssertError(await _harness.Caller.CallAsync("taobao.top.auth.token.create", new Dictionary<string, string> { ["code"] = "stolen" }), 15, "isv.invalid-parameter:code");
        Answers.AssertError(await _harness.Caller.CallAsync("taobao.top.auth.token.refresh", new Dictionary<string, string> { ["refresh_token"] = "6202nope" }), 15, "isv.invalid-parameter:refresh_token");
        Answers.AssertError(await _harness.Caller.CallAsync("taobao.top.auth.token.create"), 40, "isv.missing-parameter:code");
    }

    [Fact]
    public async Task Token_of_one_app_is_no_session_for_another()
    {
        var accessToken = (string)(await CreateToken())["access_token"]!;
        var other = _harness.NewCaller();
        other.AppKey = EmulatorDefaults.SecondAppKey;
        other.Secret = EmulatorDefaults.SecondAppSecret;
        other.Session = accessToken;
        Answers.AssertError(await other.CallAsync("taobao.items.onsale.get", new Dictionary<string, string> { ["fields"] = "nick" }), 27);
    }

    [Fact]
    public void App_description_never_shows_secret_or_session()
    {
        var app = new EmulatorApp("123", "top-secret-value", "session-value");
        Assert.DoesNotContain("top-secret-value", app.ToString());
        Assert.DoesNotContain("session-value", app.ToString());
    }
}
