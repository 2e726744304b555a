using System.Globalization;
using System.Text.Json.Nodes;

namespace TaobaoTop.Emulator.Tests.Affiliate;

public class MaterialTests
{
    private static Dictionary<string, string> Search(string q, int pageNo = 1, int pageSize = 20) => new()
    {
        ["adzone_id"] = "3000001",
        ["q"] = q,
        ["page_no"] = pageNo.ToString(),
        ["page_size"] = pageSize.ToString(),
    };

    private static List<JsonObject> Items(JsonObject answer) => answer["result_list"]!["map_data"]!.AsArray().Select(i => i!.AsObject()).ToList();

    [Fact]
    public async Task Search_pages_through_matching_items_without_repeats()
    {
        using var harness = new AffiliateHarness();
        var first = await harness.Ok("taobao.tbk.dg.material.optional.upgrade", Search("坚果", 1, 10));
        var total = (int)first["total_results"]!;
        Assert.True(total > 10, "the catalog should hold more than a page of 坚果");

        var seen = new HashSet<string>();
        for (var page = 1; (page - 1) * 10 < total; page++)
        {
            var items = Items(await harness.Ok("taobao.tbk.dg.material.optional.upgrade", Search("坚果", page, 10)));
            // A query matches the title, the shop or the category path.
            Assert.All(items, i => Assert.Contains("坚果", string.Concat(
                (string)i["item_basic_info"]!["title"]!, (string)i["item_basic_info"]!["shop_title"]!,
                (string)i["item_basic_info"]!["category_name"]!, (string)i["item_basic_info"]!["level_one_category_name"]!)));
            Assert.All(items, i => Assert.True(seen.Add((string)i["item_id"]!)));
        }
        Assert.Equal(total, seen.Count);

        var beyond = await harness.Fails("taobao.tbk.dg.material.optional.upgrade", Search("坚果", total / 10 + 2, 10));
        Assert.Equal("50001", (string)beyond["sub_code"]!);
    }

    [Fact]
    public async Task Filters_and_sort_narrow_the_result()
    {
        using var harness = new AffiliateHarness();
        var request = Search("", 1, 50);
        request.Remove("q");
        request["cat"] = "50002766";
        request["is_tmall"] = "true";
        request["has_coupon"] = "true";
        request["start_price"] = "20";
        request["end_price"] = "200";
        request["start_tk_rate"] = "500";
        request["sort"] = "final_promotion_price_asc";
        var items = Items(await harness.Ok("taobao.tbk.dg.material.optional.upgrade", request));
        Assert.NotEmpty(items);
        // Price filters and sort use the 预估到手价 (after the coupon).
        var prices = items.Select(i => decimal.Parse((string)i["price_promotion_info"]!["final_promotion_price"]!, CultureInfo.InvariantCulture)).ToList();
        Assert.All(items, i =>
        {
            Assert.Equal(1, (int)i["item_basic_info"]!["user_type"]!);
            Assert.Equal(50002766, (long)i["item_basic_info"]!["level_one_category_id"]!);
            Assert.NotNull(i["publish_info"]!["coupon_share_url"]);
            Assert.True(decimal.Parse((string)i["publish_info"]!["income_rate"]!, CultureInfo.InvariantCulture) >= 5m);
        });
        Assert.All(prices, p => Assert.InRange(p, 20m, 200m));
        Assert.Equal(prices.OrderBy(p => p), prices);
    }

    [Fact]
    public async Task Batch_coupon_lookup_lists_only_items_with_coupons_and_checks_the_pid()
    {
        using var harness = new AffiliateHarness();
        var items = Items(await harness.Ok("taobao.tbk.dg.material.optional.upgrade", Search("面膜", 1, 40)));
        var withCoupon = items.Where(i => i["publish_info"]!["coupon_share_url"] != null).Select(i => (string)i["item_id"]!).ToList();
        Assert.NotEmpty(withCoupon);
        Assert.True(withCoupon.Count < items.Count, "the page should mix items with and without coupons");

        var answer = await harness.Ok("taobao.tbk.itemid.coupon.get", new() { ["pid"] = EmulatorDefaults.DemoPid, ["num_iids"] = string.Join(",", items.Select(i => (string)i["item_id"]!)) });
        Assert.Equal(withCoupon, answer["results"]!["tbk_coupon"]!.AsArray().Select(c => (string)c!["num_iid"]!));
        Assert.Equal("2", (string)(await harness.Fails("taobao.tbk.itemid.coupon.get", new() { ["pid"] = "mm_1000001_2000002_3000001", ["num_iids"] = withCoupon[0] }))["sub_code"]!);
    }

    [Fact]
    public async Task Search_needs_a_query_or_a_category()
    {
        using var harness = new AffiliateHarness();
        var error = await harness.Fails("taobao.tbk.dg.material.optional.upgrade", new() { ["adzone_id"] = "3000001" });
        Assert.Equal("30002", (string)error["sub_code"]!);
    }

    [Fact]
    public async Task Recommended_coupon_material_holds_only_items_with_coupons()
    {
        using var harness = new AffiliateHarness();
        var items = Items(await harness.Ok("taobao.tbk.dg.material.recommend", new() { ["adzone_id"] = "3000001", ["material_id"] = "3756", ["page_size"] = "50" }));
        Assert.Equal(50, items.Count);
        Assert.All(items, i => Assert.NotNull(i["publish_info"]!["coupon_share_url"]));
        Assert.Equal(15, (int)(await harness.Fails("taobao.tbk.dg.material.recommend", new() { ["adzone_id"] = "3000001", ["material_id"] = "1" }))["code"]!);
    }

    [Fact]
    public async Task Item_details_accept_up_to_20_ids()
    {
        using var harness = new AffiliateHarness();
        var ids = Items(await harness.Ok("taobao.tbk.dg.material.optional.upgrade", Search("手机", 1, 21))).Select(i => (string)i["item_id"]!).ToList();
        Assert.Equal(21, ids.Count);

        var details = await harness.Ok("taobao.tbk.item.info.upgrade.get", new() { ["item_id"] = string.Join(",", ids.Take(20)) });
        Assert.Equal(ids.Take(20), details["results"]!["tbk_item_detail"]!.AsArray().Select(d => (string)d!["item_id"]!));

        var tooMany = await harness.Fails("taobao.tbk.item.details.upgrade.get", new() { ["item_id"] = string.Join(",", ids) });
        Assert.Equal(41, (int)tooMany["code"]!);
    }

    [Fact]
    public async Task Coupon_details_match_the_coupon_search_shows()
    {
        using var harness = new AffiliateHarness();
        var request = Search("面膜");
        request["has_coupon"] = "true";
        var item = Items(await harness.Ok("taobao.tbk.dg.material.optional.upgrade", request))[0];
        var path = item["price_promotion_info"]!["final_promotion_path_list"]!["final_promotion_path_map_data"]![0]!;
        var coupon = await harness.Ok("taobao.tbk.coupon.get", new() { ["item_id"] = (string)item["item_id"]!, ["activity_id"] = (string)path["promotion_id"]! });
        Assert.Equal((string)path["promotion_fee"]!, (string)coupon["data"]!["coupon_amount"]!);
    }
}
