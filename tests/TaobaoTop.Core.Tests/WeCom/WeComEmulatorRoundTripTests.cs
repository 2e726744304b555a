using System.Text.Json.Nodes;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.WeCom;
using TaobaoTop.Emulator.WeCom;
using Xunit;

namespace TaobaoTop.Core.Tests.WeCom;

/// <summary>The client against the WeCom emulator: what a script would see end to end.</summary>
public class WeComEmulatorRoundTripTests
{
    private DateTimeOffset _now = new(2026, 11, 23, 4, 0, 0, TimeSpan.Zero);
    private readonly List<TimeSpan> _waits = new();

    private (WeComClient Client, WeComEmulator Emulator) Connect(int callsPerMinute = 0, string secret = WeComDemo.CorpSecret)
    {
        var emulator = new WeComEmulator(new WeComEmulatorOptions { Clock = () => _now, CallsPerMinute = callsPerMinute });
        var client = new WeComClient(
            new WeComClientOptions(WeComDemo.CorpId, new Secret(secret))
            {
                Endpoint = new Uri("http://wecom.emulator.invalid/"),
                Qps = 0,
                Clock = () => _now,
                Delay = (wait, _) => { _waits.Add(wait); _now += wait; return Task.CompletedTask; },
            },
            emulator.CreateHandler());
        return (client, emulator);
    }

    [Fact]
    public async Task The_seeded_month_lists_each_channels_customers_still_there_and_its_events_hold_every_add()
    {
        var (client, emulator) = Connect();
        var customers = new List<WeComCustomer>();

        await new WeComExternalContacts(client).ForEachCustomerAsync(WeComDemo.Members, customers.Add, pageSize: 37);

        var events = emulator.ContactEvents();
        var addState = events.Where(e => e.ChangeType == "add_external_contact").ToDictionary(e => (e.UserId, e.ExternalUserId), e => e.State);
        foreach (var channel in SyntheticChannelMonth.Channels)
        {
            Assert.Equal(channel.Adds, addState.Values.Count(s => s == channel.State));
            var ended = events.Count(e => e.ChangeType.StartsWith("del_", StringComparison.Ordinal) && addState[(e.UserId, e.ExternalUserId)] == channel.State);
            var listed = customers.Where(c => c.State == channel.State).ToList();
            Assert.Equal(channel.Adds - ended, listed.Count);
            Assert.All(listed, c => Assert.Contains(c.UserId, channel.Users));
            Assert.All(listed, c => Assert.Equal(1, c.AddWay));
        }
        Assert.Contains(events, e => e.ChangeType == "del_follow_user");
        Assert.Contains(events, e => e.ChangeType == "del_external_contact" && e.Source == null);
        Assert.Contains(events, e => e.ChangeType == "del_external_contact" && e.Source == "DELETE_BY_TRANSFER");
        Assert.Contains(events, e => e.ChangeType == "transfer_fail");
        // A transferred customer is listed under the new member (add_way 202, no state), keeping the description.
        Assert.Contains(customers, c => c.AddWay == 202 && string.IsNullOrEmpty(c.State) && c.SpecialId != null);
        var monthStart = SyntheticChannelMonth.MonthStart(_now);
        Assert.All(customers, c => Assert.InRange(c.AddedAt, monthStart, monthStart.AddDays(30)));
        var specialIds = customers.Where(c => c.SpecialId != null).Select(c => c.SpecialId!.Value).Distinct().ToList();
        Assert.True(specialIds.Count > 80, $"{specialIds.Count} customers with a special id");
        Assert.All(specialIds, id => Assert.InRange(id, SyntheticChannelMonth.FirstSpecialId, SyntheticChannelMonth.FirstSpecialId + 189));
    }

    [Fact]
    public async Task An_expired_token_is_replaced_and_the_call_goes_through()
    {
        var (client, emulator) = Connect();
        var contacts = new WeComExternalContacts(client);
        await contacts.GetCorpTagsAsync();
        emulator.InvalidateTokens();

        await contacts.GetCorpTagsAsync();

        Assert.Equal(2, emulator.TokensIssued);
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task A_token_is_renewed_before_the_emulator_would_call_it_expired()
    {
        var (client, emulator) = Connect();
        var contacts = new WeComExternalContacts(client);
        await contacts.GetCorpTagsAsync();
        _now = _now.AddSeconds(7200 - 60);

        await contacts.GetCorpTagsAsync();

        // gettoken, tags, gettoken again ahead of expiry, tags: no 42001 round trip.
        Assert.Equal(4, emulator.Requests);
    }

    [Fact]
    public async Task A_wrong_secret_is_a_typed_error_naming_gettoken()
    {
        var (client, _) = Connect(secret: "not-the-secret");

        var error = await Assert.ThrowsAsync<WeComException>(() => new WeComExternalContacts(client).GetCorpTagsAsync());

        Assert.Equal(40001, error.ErrorCode);
        Assert.Equal("/cgi-bin/gettoken", error.Path);
        Assert.DoesNotContain("not-the-secret", error.ToString());
    }

    [Fact]
    public async Task Over_the_minute_limit_the_call_waits_for_the_next_minute_and_succeeds()
    {
        var (client, _) = Connect(callsPerMinute: 2);
        var contacts = new WeComExternalContacts(client);

        for (var i = 0; i < 3; i++) await contacts.GetCorpTagsAsync();

        var wait = Assert.Single(_waits);
        Assert.True(wait >= TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_code_round_trips_and_customers_who_scan_it_carry_its_state()
    {
        var (client, emulator) = Connect();
        var contacts = new WeComExternalContacts(client);

        var way = await contacts.AddContactWayAsync("ch_dy_1124", new[] { "sales01", "sales02" }, new long[] { WeComDemo.SalesParty }, "抖音 1124", skipVerify: true);
        var scanned = emulator.ScanContactWay(way.ConfigId, 3);
        await contacts.UpdateContactWayAsync(way.ConfigId, null, "抖音 1124 改", null, null, null);
        var changed = await contacts.GetContactWayAsync(way.ConfigId);
        var customers = new List<WeComCustomer>();
        await contacts.ForEachCustomerAsync(WeComDemo.Members, customers.Add);
        var listed = await contacts.ListContactWayIdsAsync(null, null, pageSize: 2);

        Assert.Equal(2, way.Type);
        Assert.StartsWith("https://", way.QrCode);
        Assert.Equal("ch_dy_1124", changed.State);
        Assert.Equal("抖音 1124 改", changed.Remark);
        Assert.Equal(new[] { "sales01", "sales02" }, changed.User);
        Assert.Equal(scanned.OrderBy(s => s), customers.Where(c => c.State == "ch_dy_1124").Select(c => c.ExternalUserId).OrderBy(s => s));
        Assert.Equal(7, listed.Count);
        Assert.Contains(way.ConfigId, listed);

        await contacts.DeleteContactWayAsync(way.ConfigId);
        var gone = await Assert.ThrowsAsync<WeComException>(() => contacts.GetContactWayAsync(way.ConfigId));
        Assert.Equal(41044, gone.ErrorCode);
    }

    [Fact]
    public async Task Departments_count_toward_the_hundred_member_limit_on_the_server()
    {
        var (client, _) = Connect();
        var users = Enumerable.Range(1, 95).Select(i => "sales0" + (i % 6 + 1)).ToArray();
        var contacts = new WeComExternalContacts(client);

        var error = await Assert.ThrowsAsync<WeComException>(() => client.PostAsync("/cgi-bin/externalcontact/add_contact_way", new JsonObject
        {
            ["type"] = 2,
            ["scene"] = 2,
            ["user"] = new JsonArray(users.Select(u => (JsonNode)JsonValue.Create(u)!).ToArray()),
            ["party"] = new JsonArray(JsonValue.Create(WeComDemo.SalesParty)),
        }, idempotent: false));

        Assert.Equal(41041, error.ErrorCode);
    }

    [Fact]
    public async Task Tags_go_onto_the_customers_a_member_follows_only()
    {
        var (client, _) = Connect();
        var contacts = new WeComExternalContacts(client);
        var customers = new List<WeComCustomer>();
        await contacts.ForEachCustomerAsync(new[] { "sales01" }, customers.Add);
        var tag = (await contacts.AddCorpTagsAsync("渠道", new[] { "小红书" })).Single();

        await contacts.MarkTagAsync("sales01", customers[0].ExternalUserId, new[] { tag.Id });
        var stranger = await Assert.ThrowsAsync<WeComException>(() => contacts.MarkTagAsync("sales05", customers[0].ExternalUserId, new[] { tag.Id }));
        var again = new List<WeComCustomer>();
        await contacts.ForEachCustomerAsync(new[] { "sales01" }, again.Add);

        Assert.Equal(84061, stranger.ErrorCode);
        Assert.Equal(new[] { tag.Id }, again.Single(c => c.ExternalUserId == customers[0].ExternalUserId).TagIds);
        Assert.Equal("渠道", (await contacts.GetCorpTagsAsync()).Single().GroupName);
    }
}
