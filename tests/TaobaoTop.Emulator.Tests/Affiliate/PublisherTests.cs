namespace TaobaoTop.Emulator.Tests.Affiliate;

public class PublisherTests
{
    [Fact]
    public async Task A_registered_channel_is_found_by_its_relation_id_and_registering_again_keeps_it()
    {
        using var harness = new AffiliateHarness();
        var code = (string)(await harness.Ok("taobao.tbk.sc.invitecode.get", new() { ["relation_app"] = "common", ["code_type"] = "1" }))["data"]!["inviter_code"]!;

        var saved = (await harness.Ok("taobao.tbk.sc.publisher.info.save", new() { ["inviter_code"] = code, ["info_type"] = "1", ["note"] = "测试渠道" }))["data"]!;
        var relationId = (long)saved["relation_id"]!;
        Assert.Equal(EmulatorDefaults.DemoSellerNick, (string)saved["account_name"]!);

        var again = (await harness.Ok("taobao.tbk.sc.publisher.info.save", new() { ["inviter_code"] = code, ["info_type"] = "1" }))["data"]!;
        Assert.Equal(relationId, (long)again["relation_id"]!);

        var found = (await harness.Ok("taobao.tbk.sc.publisher.info.get", new() { ["info_type"] = "1", ["relation_app"] = "common", ["relation_id"] = relationId.ToString() }))["data"]!;
        Assert.Equal(1, (int)found["total_count"]!);
        var entry = found["inviter_list"]!["map_data"]![0]!;
        Assert.Equal(relationId, (long)entry["relation_id"]!);
        Assert.Equal("测试渠道", (string)entry["note"]!);

        // The new channel is usable in link conversion at once.
        var link = (await harness.Ok("taobao.tbk.dg.general.link.convert", new() { ["adzone_id"] = "3000001", ["relation_id"] = relationId.ToString(), ["page_id_list"] = "20150318" }))["data"]!;
        Assert.Contains("relationId=" + relationId, (string)link["event_url_list"]!["event_url_list"]![0]!["link_info_dto"]!["cps_long_url"]!);
    }

    [Fact]
    public async Task A_new_channel_gets_orders_from_its_registration_on_and_none_before()
    {
        using var harness = new AffiliateHarness();
        var registeredAt = harness.Clock.Now;
        var code = (string)(await harness.Ok("taobao.tbk.sc.invitecode.get", new() { ["relation_app"] = "common", ["code_type"] = "1" }))["data"]!["inviter_code"]!;
        var relationId = (long)(await harness.Ok("taobao.tbk.sc.publisher.info.save", new() { ["inviter_code"] = code, ["info_type"] = "1" }))["data"]!["relation_id"]!;

        harness.Clock.Advance(TimeSpan.FromDays(2));
        async Task<List<long>> ChannelOrders(DateTimeOffset from, DateTimeOffset to)
        {
            var relationIds = new List<long>();
            for (var start = from; start < to; start = start.AddHours(3))
            {
                var orders = await OrderWindows.AllPages(harness, new(OrderWindows.Window(start, TimeSpan.FromHours(3), pageSize: 100)) { ["order_scene"] = "2" });
                relationIds.AddRange(orders.Select(o => (long)o["relation_id"]!));
            }
            return relationIds;
        }

        Assert.DoesNotContain(relationId, await ChannelOrders(registeredAt.AddDays(-1), registeredAt.AddHours(-1)));
        Assert.Contains(relationId, await ChannelOrders(registeredAt.AddHours(1), registeredAt.AddDays(1)));
    }

    [Fact]
    public async Task A_member_registers_with_a_member_invite_code_only()
    {
        using var harness = new AffiliateHarness();
        var channelCode = (string)(await harness.Ok("taobao.tbk.sc.invitecode.get", new() { ["relation_app"] = "common", ["code_type"] = "1" }))["data"]!["inviter_code"]!;
        Assert.Equal(15, (int)(await harness.Fails("taobao.tbk.sc.publisher.info.save", new() { ["inviter_code"] = channelCode, ["info_type"] = "2" }))["code"]!);

        var memberCode = (string)(await harness.Ok("taobao.tbk.sc.invitecode.get", new() { ["relation_app"] = "common", ["code_type"] = "3" }))["data"]!["inviter_code"]!;
        var specialId = (long)(await harness.Ok("taobao.tbk.sc.publisher.info.save", new() { ["inviter_code"] = memberCode, ["info_type"] = "2" }))["data"]!["special_id"]!;

        var members = (await harness.Ok("taobao.tbk.sc.publisher.info.get", new() { ["info_type"] = "2", ["relation_app"] = "common", ["special_id"] = specialId.ToString(), ["page_size"] = "100" }))["data"]!;
        Assert.Contains(members["inviter_list"]!["map_data"]!.AsArray(), m => (long)m!["special_id"]! == specialId);
        Assert.Null(members["root_pid_channel_list"]);
    }

    [Fact]
    public async Task Registration_needs_a_session_and_an_issued_code()
    {
        using var harness = new AffiliateHarness();
        Assert.Equal(15, (int)(await harness.Fails("taobao.tbk.sc.publisher.info.save", new() { ["inviter_code"] = "NOPE00", ["info_type"] = "1" }))["code"]!);
        harness.Inner.Caller.Session = null;
        Assert.Equal(26, (int)(await harness.Fails("taobao.tbk.sc.publisher.info.save", new() { ["inviter_code"] = "NOPE00", ["info_type"] = "1" }))["code"]!);
    }
}
