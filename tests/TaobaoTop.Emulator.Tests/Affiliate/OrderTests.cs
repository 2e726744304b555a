using System.Globalization;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Affiliate;
using TaobaoTop.Emulator.Gateway;
using static TaobaoTop.Emulator.Tests.Affiliate.OrderWindows;

namespace TaobaoTop.Emulator.Tests.Affiliate;

public class OrderTests
{
    private const string Details = "taobao.tbk.order.details.get";

    // Friday evening before the test clock (2026-03-14 15:09:26 +08:00): busy hours, all orders still young.
    private static readonly DateTimeOffset Evening = new(2026, 3, 13, 19, 0, 0, TimeSpan.FromHours(8));

    private static async Task<string?> SubCode(AffiliateHarness harness, Dictionary<string, string> query, string method = Details)
        => (string?)(await harness.Fails(method, query))["sub_code"];

    [Fact]
    public async Task Window_rules_answer_the_documented_sub_codes()
    {
        using var harness = new AffiliateHarness();
        var now = harness.Clock.Now;
        Assert.Equal(40, (int)(await harness.Fails(Details, new() { ["end_time"] = Text(now.AddHours(-1)) }))["code"]!);
        Assert.Equal("2000", await SubCode(harness, new() { ["start_time"] = "2026/03/14 10:00", ["end_time"] = Text(now) }));
        Assert.Equal("2001", await SubCode(harness, Window(Evening, TimeSpan.Zero)));
        Assert.Equal("2001", await SubCode(harness, Window(Evening, TimeSpan.FromHours(-1))));
        Assert.Equal("2002", await SubCode(harness, Window(now.AddMinutes(1), TimeSpan.FromHours(1))));
        Assert.Equal("2004", await SubCode(harness, Window(now.AddDays(-91), TimeSpan.FromHours(1))));
        Assert.Equal("2007", await SubCode(harness, Window(Evening, TimeSpan.FromHours(3).Add(TimeSpan.FromSeconds(1)))));
        await harness.Ok(Details, Window(Evening, TimeSpan.FromHours(3)));

        Assert.Equal("1005", await SubCode(harness, new(Window(Evening, TimeSpan.FromHours(1))) { ["jump_type"] = "0" }));
        Assert.Equal("1006", await SubCode(harness, new(Window(Evening, TimeSpan.FromHours(1))) { ["tk_status"] = "5" }));
        Assert.Equal("1008", await SubCode(harness, new(Window(Evening, TimeSpan.FromHours(1))) { ["position_index"] = "not-a-cursor" }));
        Assert.Equal(41, (int)(await harness.Fails(Details, Window(Evening, TimeSpan.FromHours(1), pageSize: 101)))["code"]!);
    }

    [Fact]
    public async Task During_618_and_Double_11_a_window_may_span_20_minutes_only()
    {
        using var harness = new AffiliateHarness();
        harness.Clock.Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(8));
        var doubleEleven = new DateTimeOffset(2026, 11, 5, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal("2007", await SubCode(harness, Window(doubleEleven, TimeSpan.FromMinutes(21))));
        await harness.Ok(Details, Window(doubleEleven, TimeSpan.FromMinutes(20)));
        await harness.Ok(Details, Window(doubleEleven.AddDays(10), TimeSpan.FromHours(3)));

        harness.Clock.Now = new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal("2007", await SubCode(harness, Window(new DateTimeOffset(2026, 6, 18, 23, 0, 0, TimeSpan.FromHours(8)), TimeSpan.FromMinutes(30))));
        await harness.Ok(Details, Window(new DateTimeOffset(2026, 6, 19, 9, 0, 0, TimeSpan.FromHours(8)), TimeSpan.FromMinutes(30)));
        // The end is exclusive: a window up to the midnight that starts 618 does not touch it.
        await harness.Ok(Details, Window(new DateTimeOffset(2026, 5, 31, 21, 0, 0, TimeSpan.FromHours(8)), TimeSpan.FromHours(3)));
        Assert.Equal("2007", await SubCode(harness, Window(new DateTimeOffset(2026, 5, 31, 21, 0, 0, TimeSpan.FromHours(8)), TimeSpan.FromHours(3).Add(TimeSpan.FromSeconds(1)))));
    }

    [Fact]
    public async Task Paging_by_position_index_returns_every_order_of_the_window_once_in_order()
    {
        using var harness = new AffiliateHarness();
        var window = Window(Evening, TimeSpan.FromHours(3), pageSize: 100);
        var onePage = (await harness.Ok(Details, window))["data"]!["results"]!["publisher_order_dto"]!.AsArray().Select(o => (string)o!["trade_id"]!).ToList();
        Assert.True(onePage.Count > 21, "expected several pages of orders, got " + onePage.Count);

        var paged = await AllPages(harness, Window(Evening, TimeSpan.FromHours(3), pageSize: 7));
        Assert.Equal(onePage, paged.Select(o => (string)o["trade_id"]!));
        Assert.Equal(paged.Count, paged.Select(o => (string)o["trade_id"]!).Distinct().Count());
        Assert.All(paged, o => Assert.InRange(string.CompareOrdinal((string)o["tk_create_time"]!, Text(Evening)), 0, int.MaxValue));
    }

    [Fact]
    public async Task Jumping_back_from_the_second_page_returns_the_first()
    {
        using var harness = new AffiliateHarness();
        var window = Window(Evening, TimeSpan.FromHours(3), pageSize: 5);
        var first = (await harness.Ok(Details, window))["data"]!;
        Assert.False((bool)first["has_pre"]!);
        var second = (await harness.Ok(Details, new(window) { ["page_no"] = "2", ["jump_type"] = "1", ["position_index"] = (string)first["position_index"]! }))["data"]!;
        Assert.True((bool)second["has_pre"]!);
        var back = (await harness.Ok(Details, new(window) { ["page_no"] = "1", ["jump_type"] = "-1", ["position_index"] = (string)second["position_index"]! }))["data"]!;
        Assert.Equal(first["results"]!.ToJsonString(), back["results"]!.ToJsonString());
        Assert.False((bool)back["has_pre"]!);

        var otherWindow = Window(Evening.AddHours(-6), TimeSpan.FromHours(3));
        Assert.Equal("1008", await SubCode(harness, new(otherWindow) { ["position_index"] = (string)first["position_index"]! }));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_orders_and_another_seed_other_orders()
    {
        using var one = new AffiliateHarness(seed: 42);
        using var two = new AffiliateHarness(seed: 42);
        using var other = new AffiliateHarness(seed: 43);
        var window = Window(Evening, TimeSpan.FromHours(3), pageSize: 100);
        var a = (await one.Ok(Details, window))["data"]!["results"]!.ToJsonString();
        var b = (await two.Ok(Details, window))["data"]!["results"]!.ToJsonString();
        var c = (await other.Ok(Details, window))["data"]!["results"]!.ToJsonString();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public async Task Orders_move_from_paid_to_settled_or_closed_as_time_passes()
    {
        using var harness = new AffiliateHarness();
        var window = Window(Evening, TimeSpan.FromHours(3), pageSize: 100);
        var young = (await harness.Ok(Details, window))["data"]!["results"]!["publisher_order_dto"]!.AsArray().ToDictionary(o => (string)o!["trade_id"]!, o => o!.AsObject());
        Assert.All(young.Values, o => Assert.Contains((int)o["tk_status"]!, new[] { 12, 13 }));
        Assert.All(young.Values.Where(o => (int)o["tk_status"]! == 12), o => Assert.Equal("0.00", (string)o["pay_price"]!));

        harness.Clock.Advance(TimeSpan.FromDays(40));
        var old = (await harness.Ok(Details, window))["data"]!["results"]!["publisher_order_dto"]!.AsArray().Select(o => o!.AsObject()).ToList();
        Assert.Equal(young.Keys.OrderBy(k => k), old.Select(o => (string)o["trade_id"]!).OrderBy(k => k));
        var settled = old.Where(o => (int)o["tk_status"]! == 3).ToList();
        Assert.NotEmpty(settled);
        Assert.All(settled, o =>
        {
            Assert.Equal(12, (int)young[(string)o["trade_id"]!]["tk_status"]!);
            Assert.NotNull(o["tk_earning_time"]);
            Assert.True(decimal.Parse((string)o["pay_price"]!, CultureInfo.InvariantCulture) > 0);
            Assert.True(string.CompareOrdinal((string)o["modified_time"]!, (string)o["tk_create_time"]!) > 0);
        });
        Assert.All(old.Where(o => (int)o["tk_status"]! != 3), o => Assert.Null(o["tk_earning_time"]));
    }

    [Fact]
    public async Task Query_type_4_finds_orders_created_long_before_but_modified_in_the_window()
    {
        using var harness = new AffiliateHarness();
        var start = new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.FromHours(8));
        var orders = await AllPages(harness, new(Window(start, TimeSpan.FromHours(3), pageSize: 100)) { ["query_type"] = "4" });
        Assert.All(orders, o => Assert.InRange(string.CompareOrdinal((string)o["modified_time"]!, Text(start)), 0, int.MaxValue));
        Assert.All(orders, o => Assert.True(string.CompareOrdinal((string)o["modified_time"]!, Text(start.AddHours(3))) < 0));
        Assert.Contains(orders, o => string.CompareOrdinal((string)o["tk_create_time"]!, Text(start.AddDays(-2))) < 0);

        var settledInWindow = await AllPages(harness, new(Window(start, TimeSpan.FromHours(3), pageSize: 100)) { ["query_type"] = "3" });
        Assert.All(settledInWindow, o => Assert.StartsWith("2026-03-14 ", (string)o["tk_earning_time"]!));
    }

    [Fact]
    public async Task Filters_keep_only_the_asked_status_and_scene()
    {
        using var harness = new AffiliateHarness();
        harness.Clock.Advance(TimeSpan.FromDays(20));
        var window = Window(Evening, TimeSpan.FromHours(3), pageSize: 100);
        var settled = await AllPages(harness, new(window) { ["tk_status"] = "3" });
        Assert.NotEmpty(settled);
        Assert.All(settled, o => Assert.Equal(3, (int)o["tk_status"]!));
        var channel = await AllPages(harness, new(window) { ["order_scene"] = "2" });
        Assert.NotEmpty(channel);
        Assert.All(channel, o => Assert.NotNull(o["relation_id"]));
        var members = await AllPages(harness, new(window) { ["order_scene"] = "3" }, "taobao.tbk.sc.order.details.get");
        Assert.NotEmpty(members);
        Assert.All(members, o => Assert.NotNull(o["special_id"]));
    }

    [Fact]
    public async Task Simplified_answers_list_orders_as_a_bare_array()
    {
        using var harness = new AffiliateHarness();
        var answer = await harness.Inner.Caller.CallAsync(Details, new Dictionary<string, string>(Window(Evening, TimeSpan.FromHours(1))) { ["simplify"] = "true" });
        Assert.IsType<JsonArray>(answer["data"]!["results"]);
    }

    [Fact]
    public async Task Refunds_refer_to_orders_that_exist_and_carry_the_refund_tag()
    {
        using var harness = new AffiliateHarness();
        JsonObject? refund = null;
        for (var day = 1; day <= 40 && refund == null; day++)
        {
            var option = new JsonObject
            {
                ["search_type"] = 1,
                ["biz_type"] = 1,
                ["refund_type"] = 0,
                ["page_size"] = 20,
                ["page_no"] = 1,
                ["start_time"] = Text(harness.Clock.Now.Date.AddDays(-day)),
            };
            var data = (await harness.Ok("taobao.tbk.relation.refund", new() { ["search_option"] = option.ToJsonString() }))["result"]!["data"]!;
            refund = data["results"]!["result"]!.AsArray().FirstOrDefault()?.AsObject();
        }
        Assert.NotNull(refund);

        var created = DateTimeOffset.ParseExact((string)refund!["tb_trade_create_time"]!, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var created8 = new DateTimeOffset(created.DateTime, TimeSpan.FromHours(8));
        var orders = await AllPages(harness, Window(created8.AddMinutes(-1), TimeSpan.FromMinutes(2), pageSize: 100));
        var order = Assert.Single(orders, o => (string)o["trade_id"]! == refund["tb_trade_id"]!.ToString());
        Assert.Equal(1, (int)order["refund_tag"]!);
        Assert.Equal((long)refund["relation_id"]!, (long)order["relation_id"]!);
    }

    [Fact]
    public async Task Punished_orders_are_settled_orders_of_the_report_and_can_be_looked_up_by_trade_id()
    {
        using var harness = new AffiliateHarness();
        harness.Clock.Advance(TimeSpan.FromDays(30));
        var option = new JsonObject { ["start_time"] = Text(harness.Clock.Now.AddDays(-30)), ["span"] = 30, ["page_size"] = 100 };
        var data = (await harness.Ok("taobao.tbk.dg.punish.order.get", new() { ["af_order_option"] = option.ToJsonString() }))["result"]!["data"]!;
        var punished = data["results"]!["result"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.NotEmpty(punished);
        var first = punished[0];

        var created = DateTimeOffset.ParseExact((string)first["tk_trade_create_time"]! + " +08:00", "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
        var orders = await AllPages(harness, Window(created, TimeSpan.FromSeconds(1)));
        var order = Assert.Single(orders, o => (string)o["trade_id"]! == first["tb_trade_id"]!.ToString());
        Assert.Equal(3, (int)order["tk_status"]!);

        var byTrade = new JsonObject { ["tb_trade_id"] = (long)first["tb_trade_id"]!, ["start_time"] = Text(harness.Clock.Now.AddDays(-30)), ["span"] = 30 };
        var found = (await harness.Ok("taobao.tbk.sc.punish.order.get", new() { ["af_order_option"] = byTrade.ToJsonString() }))["result"]!["data"]!;
        Assert.Equal(1, (int)found["total_count"]!);
    }

    [Fact]
    public async Task Full_refund_query_pages_by_position_index_within_the_window_rules()
    {
        using var harness = new AffiliateHarness();
        harness.Clock.Now = harness.Clock.Now.AddDays(30);
        JsonObject Option(DateTimeOffset start, TimeSpan span, string? position = null)
        {
            var option = new JsonObject { ["start_time"] = Text(start), ["end_time"] = Text(start + span), ["query_type"] = 1, ["page_size"] = 2, ["jump_type"] = 1 };
            if (position != null) option["position_index"] = position;
            return option;
        }

        Assert.Equal("2007", (string?)(await harness.Fails("taobao.tbk.order.refund.get", new() { ["publisher_refund_order_query_option"] = Option(Evening, TimeSpan.FromHours(4)).ToJsonString() }))["sub_code"]);

        // Find a 3-hour window with more than one page of 维权 started in it.
        var records = new List<JsonObject>();
        for (var start = Evening; start < harness.Clock.Now.AddHours(-3) && records.Count <= 2; start = start.AddHours(3))
        {
            records.Clear();
            string? position = null;
            while (true)
            {
                var data = (await harness.Ok("taobao.tbk.order.refund.get", new() { ["publisher_refund_order_query_option"] = Option(start, TimeSpan.FromHours(3), position).ToJsonString() }))["data"]!;
                if (data["result"] is JsonObject result) records.AddRange(result["publisher_refund_order_d_t_o"]!.AsArray().Select(r => r!.AsObject()));
                if (!(bool)data["has_next"]!) break;
                position = (string)data["position_index"]!;
            }
        }
        Assert.True(records.Count > 2, "no window with several 维权 records");
        Assert.Equal(records.Count, records.Select(r => (string)r["tb_trade_id"]!).Distinct().Count());
        Assert.All(records, r => Assert.Contains((int)r["refund_status"]!, new[] { 2, 3, 4 }));
        Assert.Equal(records.Select(r => (string)r["tk_refund_time"]!).OrderBy(t => t, StringComparer.Ordinal), records.Select(r => (string)r["tk_refund_time"]!));
    }

    [Fact]
    public void More_orders_per_day_give_proportionally_more_orders()
    {
        int Count(double perDay)
        {
            var module = new AffiliateModule(perDay);
            module.Reset(42, TestClock.Start);
            var registry = new ApiRegistry();
            module.Register(registry);
            Assert.True(registry.TryGet(Details, out var details));
            var total = 0;
            for (var hour = 0; hour < 24; hour += 3)
            {
                var query = Window(new DateTimeOffset(2026, 3, 12, hour, 0, 0, TimeSpan.FromHours(8)), TimeSpan.FromHours(3), pageSize: 100);
                while (true)
                {
                    var data = details.Handler(new ApiCall(Details, query, new Dictionary<string, UploadedFile>(), "10000001", null, true, TestClock.Start))["data"]!;
                    total += data["results"]?.AsArray().Count ?? 0;
                    if (!(bool)data["has_next"]!) break;
                    query["position_index"] = (string)data["position_index"]!;
                }
            }
            return total;
        }

        var normal = Count(200);
        var busy = Count(2000);
        Assert.InRange(normal, 150, 250);
        Assert.InRange(busy, 1700, 2300);
    }
}
