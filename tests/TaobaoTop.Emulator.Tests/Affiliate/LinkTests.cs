using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Affiliate;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Tests.Affiliate;

public class LinkTests
{
    private const string DemoAdzone = "3000001";

    private static async Task<JsonObject> FirstItem(AffiliateHarness harness, string q = "坚果")
    {
        var search = await harness.Ok("taobao.tbk.dg.material.optional.upgrade", new() { ["adzone_id"] = DemoAdzone, ["q"] = q });
        return search["result_list"]!["map_data"]![0]!.AsObject();
    }

    private static async Task<JsonObject> ConvertItem(AffiliateHarness harness, string itemId, Dictionary<string, string>? extra = null)
    {
        var request = new Dictionary<string, string> { ["adzone_id"] = DemoAdzone, ["item_id_list"] = itemId };
        foreach (var pair in extra ?? new()) request[pair.Key] = pair.Value;
        var data = (await harness.Ok("taobao.tbk.dg.general.link.convert", request))["data"]!;
        return data["item_url_list"]!["item_url_list"]![0]!["link_info_dto"]!.AsObject();
    }

    [Fact]
    public async Task A_created_password_parses_back_to_its_url_from_share_text_with_any_currency_symbol()
    {
        using var harness = new AffiliateHarness();
        var item = await FirstItem(harness);
        var url = (string)(await ConvertItem(harness, (string)item["item_id"]!))["cps_long_url"]!;

        var created = (await harness.Ok("taobao.tbk.tpwd.create", new() { ["url"] = url, ["text"] = "好物推荐" }))["data"]!;
        var simple = (string)created["password_simple"]!;
        Assert.Matches("^￥[A-Za-z0-9]{11}￥$", simple);
        var code = simple.Trim('￥');
        var model = (string)created["model"]!;
        Assert.Matches("^[0-9]{2}￥ CZ3457 " + code + "￥ https://m\\.tb\\.cn/h\\.[A-Za-z0-9]{7} ", model);

        foreach (var shared in new[] { simple, model, "【好物推荐】复制这条信息¥" + code + "¥打开手机淘宝", "8€" + code + "€ https://m.tb.cn/h.abc 好物", "(" + code + ")", "₳" + code + "₳" })
        {
            var parsed = await harness.Ok("taobao.tbk.tpwd.parse", new() { ["password_content"] = shared });
            Assert.Equal(url, (string)parsed["data"]!["origin_url"]!);
        }
    }

    [Fact]
    public async Task Parsing_a_password_the_emulator_never_issued_or_text_without_one_are_business_errors()
    {
        using var harness = new AffiliateHarness();
        var unknown = await harness.Fails("taobao.tbk.tpwd.parse", new() { ["password_content"] = "￥Zz9Yy8Xx7Ww￥" });
        Assert.Equal(15, (int)unknown["code"]!);
        Assert.Equal("6", (string)unknown["sub_code"]!);
        Assert.Equal("20010", (string)(await harness.Fails("taobao.tbk.tpwd.parse", new() { ["password_content"] = "这里没有口令" }))["sub_code"]!);
    }

    [Fact]
    public async Task Passwords_are_only_made_from_https_promotion_links()
    {
        using var harness = new AffiliateHarness();
        Assert.Equal("20000", (string)(await harness.Fails("taobao.tbk.tpwd.create", new() { ["url"] = "http://s.click.taobao.com/t?e=abc" }))["sub_code"]!);
        Assert.Equal("26", (string)(await harness.Fails("taobao.tbk.tpwd.create", new() { ["url"] = "https://item.taobao.com/item.htm?id=1" }))["sub_code"]!);
        Assert.Equal(40, (int)(await harness.Fails("taobao.tbk.tpwd.create"))["code"]!);
    }

    [Fact]
    public async Task Converted_links_carry_the_relation_id_and_their_password_converts_back_to_the_item()
    {
        using var harness = new AffiliateHarness();
        var item = await FirstItem(harness);
        var itemId = (string)item["item_id"]!;
        var link = await ConvertItem(harness, itemId, new() { ["relation_id"] = "2700000001" });
        Assert.Contains("relationId=2700000001", (string)link["cps_long_url"]!);
        Assert.Contains("pid=mm_1000001_2000001_3000001", (string)link["cps_long_url"]!);
        Assert.Equal(1, (int)link["material_type"]!);

        var converted = await harness.Ok("taobao.tbk.tpwd.convert", new()
        {
            ["password_content"] = (string)link["cps_full_tpwd"]!,
            ["adzone_id"] = "3000002",
            ["relation_id"] = "2700000002",
        });
        var data = converted["data"]!;
        Assert.Equal(itemId, (string)data["num_iid"]!);
        Assert.Equal("1", (string)data["url_type"]!);
        Assert.Matches("^￥[A-Za-z0-9]{11}￥$", (string)data["model"]!);
        Assert.Equal("mm_1000001_2000001_3000001", (string)data["origin_pid"]!);
        Assert.Contains("pid=mm_1000001_2000001_3000002", (string)data["click_url"]!);
        Assert.Contains("relationId=2700000002", (string)data["click_url"]!);
    }

    [Fact]
    public async Task General_convert_reads_item_urls_shop_urls_and_activity_pages()
    {
        using var harness = new AffiliateHarness();
        var item = await FirstItem(harness);
        var itemId = (string)item["item_id"]!;
        var sellerId = (long)item["item_basic_info"]!["seller_id"]!;
        var data = (await harness.Ok("taobao.tbk.dg.general.link.convert", new()
        {
            ["adzone_id"] = DemoAdzone,
            ["special_id"] = "1300000001",
            ["external_id"] = "user-77",
            ["material_list"] = "https://item.taobao.com/item.htm?id=" + itemId + ",https://shop" + sellerId + ".taobao.com,https://pages.tmall.com/wow/a/act/tmall/dailygroup/123?pageId=20150318",
        }))["data"]!;
        var entries = data["material_url_list"]!["material_url_list"]!.AsArray().Select(e => e!["link_info_dto"]!).ToList();
        Assert.Equal(new[] { 1, 2, 3 }, entries.Select(e => (int)e["material_type"]!));
        Assert.Equal(itemId, (string)entries[0]["material_id"]!);
        Assert.Equal(sellerId.ToString(), (string)entries[1]["material_id"]!);
        Assert.All(entries, e => Assert.Contains("specialId=1300000001&externalId=user-77", (string)e["cps_long_url"]!));
    }

    [Fact]
    public async Task An_unknown_item_fails_alone_and_the_others_convert()
    {
        using var harness = new AffiliateHarness();
        var itemId = (string)(await FirstItem(harness))["item_id"]!;
        var data = (await harness.Ok("taobao.tbk.dg.general.link.convert", new()
        {
            ["adzone_id"] = DemoAdzone,
            ["item_dto"] = "[{\"item_id\":\"" + itemId + "\"},{\"item_id\":\"noSuchItem-123\"}]",
        }))["data"]!;
        var entries = data["item_url_list"]!["item_url_list"]!.AsArray();
        Assert.Equal(itemId, (string)entries[0]!["link_info_dto"]!["item_id"]!);
        Assert.Equal("noSuchItem-123", (string)entries[1]!["input_item_id"]!);
        Assert.Null(entries[1]!["link_info_dto"]);
        Assert.Equal(10000, (int)entries[1]!["code"]!);
    }

    [Fact]
    public async Task General_parse_reads_another_pids_password_and_converts_it_for_the_caller()
    {
        using var harness = new AffiliateHarness();
        var itemId = (string)(await FirstItem(harness))["item_id"]!;
        var foreign = await ConvertItem(harness, itemId);
        var material = "[{\"material_url\":\"" + (string)foreign["cps_short_tpwd"]! + "\"}]";
        var parsed = (await harness.Ok("taobao.tbk.dg.general.link.parse", new() { ["adzone_id"] = "3000002", ["material_dto"] = material }))["data"]!;
        var link = parsed["material_url_list"]!["material_url_list"]![0]!["link_info_dto"]!;
        Assert.Equal("mm_1000001_2000001_3000001", (string)link["origin_pid"]!);
        Assert.Equal(itemId, (string)link["material_id"]!);
        Assert.Contains("pid=mm_1000001_2000001_3000002", (string)link["cps_long_url"]!);
    }

    [Fact]
    public async Task Unknown_adzone_is_error_4_and_an_adzone_on_another_site_is_error_2()
    {
        using var harness = new AffiliateHarness();
        var unknown = await harness.Fails("taobao.tbk.dg.general.link.convert", new() { ["adzone_id"] = "123", ["item_id_list"] = "x" });
        Assert.Equal(15, (int)unknown["code"]!);
        Assert.Equal("4", (string)unknown["sub_code"]!);

        // The older item/shop conversion names the parameter instead.
        var legacy = await harness.Fails("taobao.tbk.item.convert", new() { ["adzone_id"] = "123", ["num_iids"] = "1", ["fields"] = "num_iid,click_url" });
        Assert.Equal("isv.invalid-parameter:adzone_id", (string)legacy["sub_code"]!);

        var mismatch = await harness.Fails("taobao.tbk.sc.general.link.convert", new() { ["adzone_id"] = DemoAdzone, ["site_id"] = "2000002", ["item_id_list"] = "x" });
        Assert.Equal("2", (string)mismatch["sub_code"]!);
    }

    [Fact]
    public async Task A_created_adzone_can_be_used_for_conversion_right_away()
    {
        using var harness = new AffiliateHarness();
        Assert.Equal("4", (string)(await harness.Fails("taobao.tbk.dg.general.link.convert", new() { ["adzone_id"] = "3000004", ["item_id_list"] = "x" }))["sub_code"]!);

        var created = await harness.Ok("taobao.tbk.adzone.create", new() { ["site_id"] = "2000001", ["adzone_name"] = "测试推广位" });
        var pid = (string)created["data"]!["model"]!;
        Assert.Equal("mm_1000001_2000001_3000004", pid);

        var item = await FirstItem(harness);
        var converted = await harness.Ok("taobao.tbk.item.convert", new() { ["adzone_id"] = "3000004", ["num_iids"] = (string)item["item_id"]!, ["fields"] = "num_iid,click_url" });
        Assert.Contains("pid=" + pid, (string)converted["results"]!["n_tbk_item"]![0]!["click_url"]!);
    }

    [Fact]
    public async Task Old_numeric_ids_transform_to_the_new_string_ids_search_answers()
    {
        using var harness = new AffiliateHarness();
        var item = await FirstItem(harness);
        var itemId = (string)item["item_id"]!;
        var link = (string)(await harness.Ok("taobao.tbk.item.convert", new() { ["adzone_id"] = DemoAdzone, ["num_iids"] = itemId, ["fields"] = "num_iid,click_url" }))["results"]!["n_tbk_item"]![0]!["num_iid"]!;
        Assert.Equal(itemId, link);

        // 600000000042 is an old-style numeric id of the seed-42 catalog; 999 is no item.
        var transformed = await harness.Ok("taobao.tbk.itemid.ineffective.transform", new() { ["item_ids"] = "600000000042,999" });
        var pairs = transformed["results"]!["item_id_transform_d_t_o"]!.AsArray();
        var pair = Assert.Single(pairs);
        Assert.Equal("600000000042", (string)pair!["original_item_id"]!);
        Assert.Matches("^[A-Za-z0-9]{14}-[A-Za-z0-9]{15}$", (string)pair["item_id"]!);
    }

    [Fact]
    public async Task Spread_shortens_taobao_urls_and_reports_others_per_entry()
    {
        using var harness = new AffiliateHarness();
        var answer = await harness.Ok("taobao.tbk.spread.get", new() { ["requests"] = "[{\"url\":\"https://uland.taobao.com/coupon/edetail?e=1\"},{\"url\":\"https://example.com\"}]" });
        var results = answer["results"]!["tbk_spread"]!.AsArray();
        Assert.Matches("^https://s\\.click\\.taobao\\.com/[A-Za-z0-9]{7}$", (string)results[0]!["content"]!);
        Assert.Equal("OK", (string)results[0]!["err_msg"]!);
        Assert.NotEqual("OK", (string)results[1]!["err_msg"]!);
    }

    [Fact]
    public void Saved_state_brings_back_passwords_and_adzones()
    {
        var now = TestClock.Start;
        var module = new AffiliateModule(200);
        module.Reset(7, now);
        var registry = new ApiRegistry();
        module.Register(registry);
        JsonObject Call(ApiRegistry r, string method, Dictionary<string, string> parameters)
        {
            Assert.True(r.TryGet(method, out var registration));
            return registration.Handler(new ApiCall(method, parameters, new Dictionary<string, UploadedFile>(), "10000001", "演示店铺", false, now));
        }

        var url = "https://s.click.taobao.com/t?e=saved";
        var model = (string)Call(registry, "taobao.tbk.tpwd.create", new() { ["url"] = url })["data"]!["model"]!;
        Call(registry, "taobao.tbk.adzone.create", new() { ["site_id"] = "2000002", ["adzone_name"] = "存档推广位" });
        var saved = module.SaveState()!.ToJsonString();

        var restored = new AffiliateModule(200);
        restored.Reset(7, now);
        var restoredRegistry = new ApiRegistry();
        restored.Register(restoredRegistry);
        restored.LoadState(JsonNode.Parse(saved)!);
        Assert.Equal(url, (string)Call(restoredRegistry, "taobao.tbk.tpwd.parse", new() { ["password_content"] = model })["data"]!["origin_url"]!);
        var converted = Call(restoredRegistry, "taobao.tbk.item.convert", new() { ["adzone_id"] = "3000004", ["num_iids"] = "600000000007", ["fields"] = "num_iid" });
        Assert.Contains("pid=mm_1000001_2000002_3000004", (string)converted["results"]!["n_tbk_item"]![0]!["click_url"]!);
    }
}
