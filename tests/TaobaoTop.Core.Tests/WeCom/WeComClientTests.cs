using System.Text.Json.Nodes;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.WeCom;
using Xunit;

namespace TaobaoTop.Core.Tests.WeCom;

public class WeComClientTests
{
    private const string CorpSecret = "corp-secret-value-0001";
    private const string Token1 = "TOKEN-AAAA-1111";
    private const string Token2 = "TOKEN-BBBB-2222";
    private const string Path = "/cgi-bin/externalcontact/get_contact_way";

    private DateTimeOffset _now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly List<TimeSpan> _waits = new();

    private (WeComClient Client, ScriptedGateway Gateway) Connect()
    {
        var gateway = new ScriptedGateway();
        var options = new WeComClientOptions("ww0123456789", new Secret(CorpSecret))
        {
            Endpoint = new Uri("http://wecom.test/"),
            Qps = 0,
            Clock = () => _now,
            Delay = (wait, _) => { _waits.Add(wait); return Task.CompletedTask; },
        };
        return (new WeComClient(options, gateway), gateway);
    }

    private static string TokenAnswer(string token, int expiresIn = 7200) => $$"""{"errcode":0,"errmsg":"ok","access_token":"{{token}}","expires_in":{{expiresIn}}}""";

    private const string WayAnswer = """{"errcode":0,"errmsg":"ok","contact_way":{"config_id":"cfg1","type":1,"scene":2,"state":"xhs","user":["sales01"]}}""";

    private static Task Get(WeComClient client, List<WeComCallEvent>? events = null)
        => client.PostAsync(Path, new JsonObject { ["config_id"] = "cfg1" }, idempotent: true, events == null ? null : events.Add);

    [Fact]
    public async Task Fetches_a_token_once_and_sends_it_on_every_call_until_it_is_due()
    {
        var (client, gateway) = Connect();
        gateway.Answer(TokenAnswer(Token1)).Answer(WayAnswer).Answer(WayAnswer).Answer(TokenAnswer(Token2)).Answer(WayAnswer);

        await Get(client);
        _now = _now.AddMinutes(110);
        await Get(client);
        // 7200 s token renewed 5 minutes ahead: 116 minutes in, it is due.
        _now = _now.AddMinutes(6);
        await Get(client);

        var sent = gateway.Received;
        Assert.Equal("/cgi-bin/gettoken", sent[0].Uri.AbsolutePath);
        Assert.Equal("ww0123456789", sent[0].Query["corpid"]);
        Assert.Equal(CorpSecret, sent[0].Query["corpsecret"]);
        Assert.Equal(Token1, sent[1].Query["access_token"]);
        Assert.Equal(Token1, sent[2].Query["access_token"]);
        Assert.Equal("/cgi-bin/gettoken", sent[3].Uri.AbsolutePath);
        Assert.Equal(Token2, sent[4].Query["access_token"]);
        Assert.Equal("""{"config_id":"cfg1"}""", sent[1].BodyText);
    }

    [Theory]
    [InlineData(40014)]
    [InlineData(42001)]
    public async Task An_invalid_or_expired_token_answer_fetches_a_new_token_and_retries_once(int errCode)
    {
        var (client, gateway) = Connect();
        var refused = $$"""{"errcode":{{errCode}},"errmsg":"invalid access_token"}""";
        gateway.Answer(TokenAnswer(Token1)).Answer(refused).Answer(TokenAnswer(Token2)).Answer(WayAnswer);

        await Get(client);

        Assert.Equal(4, gateway.Received.Count);
        Assert.Equal(Token2, gateway.Received[3].Query["access_token"]);
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task A_second_token_error_in_a_row_fails_instead_of_looping()
    {
        var (client, gateway) = Connect();
        var refused = """{"errcode":42001,"errmsg":"access_token expired"}""";
        gateway.Answer(TokenAnswer(Token1)).Answer(refused).Answer(TokenAnswer(Token2)).Answer(refused);

        var error = await Assert.ThrowsAsync<WeComException>(() => Get(client));

        Assert.Equal(42001, error.ErrorCode);
        Assert.Equal(Path, error.Path);
        Assert.Equal(4, gateway.Received.Count);
    }

    [Fact]
    public async Task A_frequency_limit_is_waited_out_for_its_window_then_retried()
    {
        var (client, gateway) = Connect();
        gateway.Answer(TokenAnswer(Token1)).Answer("""{"errcode":45009,"errmsg":"api freq out of limit"}""").Answer(WayAnswer);
        var events = new List<WeComCallEvent>();

        await Get(client, events);

        var wait = Assert.Single(_waits);
        Assert.True(wait >= TimeSpan.FromSeconds(60), $"waited {wait}");
        Assert.Contains(events, e => e.Kind == CallEventKind.Retrying && e.Reason!.Contains("45009"));
        Assert.Equal(3, gateway.Received.Count);
    }

    [Fact]
    public async Task Concurrency_limits_back_off_growing_and_give_up_after_the_retries()
    {
        var (client, gateway) = Connect();
        gateway.Answer(TokenAnswer(Token1));
        for (var i = 0; i < 4; i++) gateway.Answer("""{"errcode":45033,"errmsg":"api concurrent out of limit"}""");

        var error = await Assert.ThrowsAsync<WeComException>(() => Get(client));

        Assert.Equal(45033, error.ErrorCode);
        Assert.Equal(3, _waits.Count);
        Assert.True(_waits[2] > _waits[0], "back-off grows");
    }

    [Theory]
    [InlineData(40001, "corp secret is wrong")]
    [InlineData(41044, "invalid config_id")]
    [InlineData(84061, "not a customer of this member")]
    public async Task Other_errcodes_fail_at_once_as_typed_errors(int errCode, string text)
    {
        var (client, gateway) = Connect();
        gateway.Answer(TokenAnswer(Token1)).Answer($$"""{"errcode":{{errCode}},"errmsg":"invalid config_id, hint: [x]"}""");

        var error = await Assert.ThrowsAsync<WeComException>(() => Get(client));

        Assert.Equal(errCode, error.ErrorCode);
        Assert.Contains(text, error.Message);
        Assert.Empty(_waits);
        Assert.Equal(2, gateway.Received.Count);
    }

    [Fact]
    public async Task A_refused_secret_fails_at_gettoken_without_showing_the_secret()
    {
        var (client, gateway) = Connect();
        gateway.Answer($$"""{"errcode":40001,"errmsg":"invalid credential, corpsecret {{CorpSecret}} rejected"}""");

        var error = await Assert.ThrowsAsync<WeComException>(() => Get(client));

        Assert.Equal("/cgi-bin/gettoken", error.Path);
        Assert.DoesNotContain(CorpSecret, error.Message);
        Assert.DoesNotContain(CorpSecret, error.ErrorMessage);
        Assert.DoesNotContain(CorpSecret, client.ToString());
    }

    [Fact]
    public async Task The_token_never_shows_in_errors_events_or_text()
    {
        var (client, gateway) = Connect();
        gateway.Answer(TokenAnswer(Token1))
            .Answer($$"""{"errcode":-1,"errmsg":"system busy for {{Token1}}"}""")
            .Then(_ => throw new HttpRequestException("connection reset sending ?access_token=" + Token1))
            .Answer("<html>" + Token1 + "</html>");
        var events = new List<WeComCallEvent>();

        var error = await Assert.ThrowsAnyAsync<ServiceException>(() => Get(client, events));

        var everything = string.Join("\n", events.Select(e => e.ToString())) + "\n" + error + "\n" + error.BodyExcerpt + "\n" + client;
        Assert.Contains("system busy", everything);
        Assert.Contains("connection reset", everything);
        Assert.DoesNotContain(Token1, everything);
        Assert.DoesNotContain(CorpSecret, everything);
    }

    [Fact]
    public async Task A_write_whose_answer_was_lost_is_not_sent_twice()
    {
        var (client, gateway) = Connect();
        gateway.Answer(TokenAnswer(Token1)).Throw(new HttpRequestException("connection reset"));

        var error = await Assert.ThrowsAsync<WeComException>(() => client.PostAsync("/cgi-bin/externalcontact/add_contact_way", new JsonObject(), idempotent: false));

        Assert.True(error.MayHaveBeenApplied);
        Assert.Equal(2, gateway.Received.Count);
    }

    [Fact]
    public async Task A_write_whose_connection_was_refused_is_sent_again()
    {
        var (client, gateway) = Connect();
        gateway.Answer(TokenAnswer(Token1))
            .Throw(new HttpRequestException("refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)))
            .Answer("""{"errcode":0,"errmsg":"ok","config_id":"cfg9"}""");

        var answer = await client.PostAsync("/cgi-bin/externalcontact/add_contact_way", new JsonObject(), idempotent: false);

        Assert.Equal("cfg9", answer.GetProperty("config_id").GetString());
        Assert.Equal(3, gateway.Received.Count);
    }

    [Fact]
    public async Task Contact_way_limits_are_checked_before_any_call()
    {
        var (client, gateway) = Connect();
        var contacts = new WeComExternalContacts(client);
        var users = Enumerable.Range(1, 101).Select(i => "sales" + i).ToArray();

        var longState = await Assert.ThrowsAsync<ArgumentException>(() => contacts.AddContactWayAsync(new string('渠', 31), new[] { "sales01" }, Array.Empty<long>(), null, true));
        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => contacts.AddContactWayAsync("xhs", users, Array.Empty<long>(), null, true));
        var nobody = await Assert.ThrowsAsync<ArgumentException>(() => contacts.AddContactWayAsync("xhs", Array.Empty<string>(), Array.Empty<long>(), null, true));

        Assert.Contains("31 characters", longState.Message);
        Assert.Contains("101 members", tooMany.Message);
        Assert.Contains("at least one member", nobody.Message);
        Assert.Empty(gateway.Received);
    }

    [Fact]
    public async Task Customers_are_followed_through_every_cursor_page()
    {
        var (client, gateway) = Connect();
        gateway.Answer(TokenAnswer(Token1))
            .Answer("""{"errcode":0,"external_contact_list":[{"external_contact":{"external_userid":"wm1","name":"王"},"follow_info":{"userid":"sales01","createtime":1763870400,"add_way":1,"state":"xhs","tag_id":["et1"],"description":"special_id=1300100001"}}],"next_cursor":"c2"}""")
            .Answer("""{"errcode":0,"external_contact_list":[{"external_contact":{"external_userid":"wm2"},"follow_info":{"userid":"sales01","createtime":1763874000,"add_way":2}}],"next_cursor":""}""");
        var customers = new List<WeComCustomer>();

        await new WeComExternalContacts(client).ForEachCustomerAsync(new[] { "sales01" }, customers.Add, pageSize: 1);

        Assert.Equal(new[] { "wm1", "wm2" }, customers.Select(c => c.ExternalUserId));
        Assert.Equal("c2", JsonNode.Parse(gateway.Received[2].BodyText)!["cursor"]!.GetValue<string>());
        var first = customers[0];
        Assert.Equal("xhs", first.State);
        Assert.Equal(new DateTimeOffset(2025, 11, 23, 12, 0, 0, TimeSpan.FromHours(8)), first.AddedAt);
        Assert.Equal(TimeSpan.FromHours(8), first.AddedAt.Offset);
        Assert.Equal(1300100001, first.SpecialId);
        Assert.Equal("扫描二维码", first.AddWayText);
        Assert.Null(customers[1].SpecialId);
    }

    [Fact]
    public async Task More_than_100_members_are_asked_in_batches_of_100()
    {
        var (client, gateway) = Connect();
        gateway.Answer(TokenAnswer(Token1))
            .Answer("""{"errcode":0,"external_contact_list":[],"next_cursor":""}""")
            .Answer("""{"errcode":0,"external_contact_list":[],"next_cursor":""}""");
        var users = Enumerable.Range(1, 150).Select(i => "u" + i).ToArray();

        await new WeComExternalContacts(client).ForEachCustomerAsync(users, _ => { });

        var batches = gateway.Received.Skip(1).Select(r => JsonNode.Parse(r.BodyText)!["userid_list"]!.AsArray().Select(u => u!.GetValue<string>()).ToArray()).ToList();
        Assert.Equal(new[] { 100, 50 }, batches.Select(b => b.Length));
        Assert.Equal(users, batches.SelectMany(b => b));
    }

    [Fact]
    public async Task A_frequency_limit_on_gettoken_itself_is_waited_out_too()
    {
        var (client, gateway) = Connect();
        gateway.Answer("""{"errcode":45009,"errmsg":"api freq out of limit"}""").Answer(TokenAnswer(Token1)).Answer(WayAnswer);

        await Get(client);

        Assert.True(Assert.Single(_waits) >= TimeSpan.FromSeconds(60));
        Assert.Equal(Token1, gateway.Received[2].Query["access_token"]);
    }
}
