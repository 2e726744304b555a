using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaobaoTop.Emulator.Tests;

public class SellerItemTests : IDisposable
{
    private readonly Harness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static Dictionary<string, string> NewItem(Action<Dictionary<string, string>>? change = null)
    {
        var item = new Dictionary<string, string>
        {
            ["num"] = "10", ["price"] = "19.9", ["type"] = "fixed", ["stuff_status"] = "new", ["title"] = "纯棉T恤 测试",
            ["desc"] = "<p>一件测试用的商品</p>", ["location.state"] = "浙江", ["location.city"] = "杭州", ["cid"] = "50000436",
            ["outer_id"] = "TEST-001",
        };
        change?.Invoke(item);
        return item;
    }

    private async Task<long> AddAsync(Action<Dictionary<string, string>>? change = null)
    {
        var item = Answers.Success(await _harness.Caller.CallAsync("taobao.item.add", NewItem(change)), "item_add_response")["item"]!;
        return (long)item["num_iid"]!;
    }

    private async Task<JsonObject> GetAsync(long numIid, string fields = "num_iid,title,price,num,approve_status,outer_id,location")
        => Answers.Success(await _harness.Caller.CallAsync("taobao.item.seller.get",
            new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["fields"] = fields }), "item_seller_get_response")["item"]!.AsObject();

    [Fact]
    public async Task Added_item_has_a_64_bit_id_beyond_double_precision()
    {
        using var response = await _harness.Caller.SendAsync("taobao.item.add", NewItem());
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        var item = document.RootElement.GetProperty("item_add_response").GetProperty("item");
        var numIid = item.GetProperty("num_iid").GetInt64();
        Assert.True(numIid > (1L << 53));
        Assert.NotEqual(numIid, (long)(double)numIid);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", item.GetProperty("created").GetString());
        Assert.Equal(2, item.EnumerateObject().Count());
        Assert.Equal(numIid, (long)(await GetAsync(numIid))["num_iid"]!);
    }

    [Fact]
    public async Task Item_reads_back_with_price_as_two_decimal_string_and_times_in_GMT_plus_8()
    {
        var numIid = await AddAsync();
        var item = await GetAsync(numIid, "title,price,num,location,created,approve_status");
        Assert.Equal("19.90", (string?)item["price"]);
        Assert.Equal("纯棉T恤 测试", (string?)item["title"]);
        Assert.Equal(10, (long)item["num"]!);
        Assert.Equal("浙江", (string?)item["location"]!["state"]);
        Assert.Equal("onsale", (string?)item["approve_status"]);
        Assert.Equal("2026-03-14 15:09:26", (string?)item["created"]);
        Assert.False(item.ContainsKey("desc"));
    }

    [Fact]
    public async Task Title_is_limited_to_60_bytes_with_Chinese_counting_2()
    {
        Assert.True(await AddAsync(i => i["title"] = new string('衣', 30)) > 0);
        Assert.True(await AddAsync(i => i["title"] = new string('a', 60)) > 0);
        var answer = await _harness.Caller.CallAsync("taobao.item.add", NewItem(i => i["title"] = new string('衣', 30) + "a"));
        Answers.AssertError(answer, 41, "isv.invalid-parameter:title");
    }

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "price", "19.999", "isv.invalid-parameter:price" },
        { "price", "0", "isv.invalid-parameter:price" },
        { "price", "0.00", "isv.invalid-parameter:price" },
        { "price", "100000000.01", "isv.invalid-parameter:price" },
        { "price", "1e3", "isv.invalid-parameter:price" },
        { "num", "900000001", "isv.invalid-parameter:num" },
        { "num", "-1", "isv.invalid-parameter:num" },
        { "num", "ten", "isv.invalid-parameter:num" },
        { "type", "auctions", "isv.invalid-parameter:type" },
        { "stuff_status", "used", "isv.invalid-parameter:stuff_status" },
        { "cid", "30", "isv.invalid-parameter:cid" },
        { "cid", "123", "isv.invalid-parameter:cid" },
        { "desc", "短", "isv.invalid-parameter:desc" },
        { "outer_id", new string('x', 513), "isv.invalid-parameter:outer_id" },
        { "outer_id", new string('编', 257), "isv.invalid-parameter:outer_id" },
        { "approve_status", "deleted", "isv.invalid-parameter:approve_status" },
        { "list_time", "2026-03-14T16:00:00", "isv.invalid-parameter:list_time" },
        { "seller_cids", "1,2,3,4,5,6,7,8,9,10,11", "isv.invalid-parameter:seller_cids" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Item_add_enforces_field_rules(string name, string value, string subCode)
    {
        var answer = await _harness.Caller.CallAsync("taobao.item.add", NewItem(i => i[name] = value));
        Answers.AssertError(answer, 41, subCode);
    }

    [Theory]
    [InlineData("location.state")]
    [InlineData("location.city")]
    [InlineData("title")]
    [InlineData("cid")]
    [InlineData("price")]
    public async Task Item_add_requires_its_fields(string name)
    {
        var answer = await _harness.Caller.CallAsync("taobao.item.add", NewItem(i => i.Remove(name)));
        Answers.AssertError(answer, 40, "isv.missing-parameter:" + name);
    }

    [Fact]
    public async Task Prices_at_both_ends_of_the_range_are_accepted()
    {
        Assert.Equal("0.01", (string?)(await GetAsync(await AddAsync(i => i["price"] = "0.01")))["price"]);
        Assert.Equal("100000000.00", (string?)(await GetAsync(await AddAsync(i => i["price"] = "100000000")))["price"]);
    }

    [Fact]
    public async Task Update_changes_only_sent_fields_and_a_rejected_update_changes_nothing()
    {
        var numIid = await AddAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));
        var updated = Answers.Success(await _harness.Caller.CallAsync("taobao.item.update",
            new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["title"] = "新标题" }), "item_update_response")["item"]!;
        Assert.Equal("2026-03-14 15:14:26", (string?)updated["modified"]);

        Answers.AssertError(await _harness.Caller.CallAsync("taobao.item.update",
            new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["title"] = "不会保存", ["price"] = "-1" }), 41, "isv.invalid-parameter:price");

        var item = await GetAsync(numIid);
        Assert.Equal("新标题", (string?)item["title"]);
        Assert.Equal("19.90", (string?)item["price"]);
    }

    [Fact]
    public async Task Update_checks_the_location_it_ends_with()
    {
        var numIid = await AddAsync();
        Answers.AssertError(await _harness.Caller.CallAsync("taobao.item.update",
            new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["location.state"] = "广东" }), 41, "isv.invalid-parameter:location.city");
        Answers.Success(await _harness.Caller.CallAsync("taobao.item.update",
            new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["location.state"] = "广东", ["location.city"] = "深圳" }), "item_update_response");

        var location = (await GetAsync(numIid))["location"]!;
        Assert.Equal(("广东", "深圳"), ((string?)location["state"], (string?)location["city"]));
    }

    [Fact]
    public async Task Price_update_sets_the_price()
    {
        var numIid = await AddAsync();
        Answers.Success(await _harness.Caller.CallAsync("taobao.item.price.update",
            new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["price"] = "25.5" }), "item_price_update_response");
        Assert.Equal("25.50", (string?)(await GetAsync(numIid))["price"]);
    }

    [Fact]
    public async Task Quantity_update_full_and_incremental()
    {
        var numIid = await AddAsync();
        async Task<JsonObject> Update(string quantity, string? type)
        {
            var parameters = new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["quantity"] = quantity };
            if (type != null) parameters["type"] = type;
            return await _harness.Caller.CallAsync("taobao.item.quantity.update", parameters);
        }

        Assert.Equal(7, (long)Answers.Success(await Update("7", null), "item_quantity_update_response")["item"]!["num"]!);
        Assert.Equal(4, (long)Answers.Success(await Update("-3", "2"), "item_quantity_update_response")["item"]!["num"]!);
        Answers.AssertError(await Update("-5", "2"), 41, "isv.invalid-parameter:quantity");
        Answers.AssertError(await Update("-1", "1"), 41, "isv.invalid-parameter:quantity");
        Answers.AssertError(await Update("1", "3"), 41, "isv.invalid-parameter:type");
        Assert.Equal(4, (long)(await GetAsync(numIid))["num"]!);
    }

    [Fact]
    public async Task Delisting_and_listing_move_the_item_between_inventory_and_on_sale()
    {
        var numIid = await AddAsync();
        Answers.Success(await _harness.Caller.CallAsync("taobao.item.update.delisting", new Dictionary<string, string> { ["num_iid"] = numIid.ToString() }), "item_update_delisting_response");
        Assert.Contains(numIid, await ListIds("taobao.items.inventory.get"));
        Assert.DoesNotContain(numIid, await ListIds("taobao.items.onsale.get"));

        Answers.AssertError(await _harness.Caller.CallAsync("taobao.item.update.listing", new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["num"] = "0" }), 41, "isv.invalid-parameter:num");
        Answers.Success(await _harness.Caller.CallAsync("taobao.item.update.listing", new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["num"] = "3" }), "item_update_listing_response");
        Assert.Contains(numIid, await ListIds("taobao.items.onsale.get"));
        Assert.Equal(3, (long)(await GetAsync(numIid))["num"]!);
    }

    [Fact]
    public async Task Update_of_approve_status_lists_and_delists()
    {
        var numIid = await AddAsync(i => i["approve_status"] = "instock");
        Assert.Contains(numIid, await ListIds("taobao.items.inventory.get"));
        _harness.Clock.Advance(TimeSpan.FromHours(1));
        Answers.Success(await _harness.Caller.CallAsync("taobao.item.update",
            new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["approve_status"] = "onsale" }), "item_update_response");
        Assert.Contains(numIid, await ListIds("taobao.items.onsale.get"));
        Assert.Equal("2026-03-14 16:09:26", (string?)(await GetAsync(numIid, "list_time"))["list_time"]);
    }

    [Fact]
    public async Task Deleted_item_is_gone()
    {
        var numIid = await AddAsync();
        var deleted = Answers.Success(await _harness.Caller.CallAsync("taobao.item.delete", new Dictionary<string, string> { ["num_iid"] = numIid.ToString() }), "item_delete_response");
        Assert.Equal(numIid, (long)deleted["item"]!["num_iid"]!);
        var answer = await _harness.Caller.CallAsync("taobao.item.seller.get", new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["fields"] = "title" });
        Answers.AssertError(answer, 15, "isv.item-not-exist");
    }

    [Fact]
    public async Task One_seller_never_sees_another_sellers_items()
    {
        var numIid = await AddAsync();
        var other = _harness.NewCaller();
        other.AppKey = EmulatorDefaults.SecondAppKey;
        other.Secret = EmulatorDefaults.SecondAppSecret;
        other.Session = EmulatorDefaults.SecondSession;
        var answer = await other.CallAsync("taobao.item.seller.get", new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["fields"] = "title" });
        Answers.AssertError(answer, 15, "isv.item-not-exist");
        var listed = Answers.Success(await other.CallAsync("taobao.items.onsale.get", new Dictionary<string, string> { ["fields"] = "nick" }), "items_onsale_get_response");
        Assert.All(listed["items"]!["item"]!.AsArray(), i => Assert.Equal(EmulatorDefaults.SecondSellerNick, (string?)i!["nick"]));
    }

    [Fact]
    public async Task On_sale_list_pages_and_counts()
    {
        for (var i = 0; i < 5; i++) await AddAsync(item => item["title"] = "分页测试 " + i);
        async Task<JsonObject> Page(int pageNo) => Answers.Success(await _harness.Caller.CallAsync("taobao.items.onsale.get",
            new Dictionary<string, string> { ["fields"] = "num_iid,title", ["q"] = "分页测试", ["page_size"] = "2", ["page_no"] = pageNo.ToString() }), "items_onsale_get_response");

        var pages = new[] { await Page(1), await Page(2), await Page(3), await Page(4) };
        Assert.All(pages, p => Assert.Equal(5, (int)p["total_results"]!));
        Assert.Equal(new[] { 2, 2, 1 }, pages.Take(3).Select(p => p["items"]!["item"]!.AsArray().Count));
        Assert.False(pages[3].ContainsKey("items"));
        var ids = pages.Take(3).SelectMany(p => p["items"]!["item"]!.AsArray().Select(i => (long)i!["num_iid"]!)).ToList();
        Assert.Equal(5, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("taobao.items.onsale.get", "page_size", "201")]
    [InlineData("taobao.items.onsale.get", "page_no", "0")]
    [InlineData("taobao.items.inventory.get", "page_no", "102")]
    [InlineData("taobao.items.onsale.get", "order_by", "price:desc")]
    [InlineData("taobao.items.inventory.get", "banner", "everything")]
    public async Task List_parameters_are_checked(string method, string name, string value)
    {
        var answer = await _harness.Caller.CallAsync(method, new Dictionary<string, string> { ["fields"] = "num_iid", [name] = value });
        Answers.AssertError(answer, 41, "isv.invalid-parameter:" + name);
    }

    [Fact]
    public async Task List_requires_fields()
        => Answers.AssertError(await _harness.Caller.CallAsync("taobao.items.onsale.get"), 40, "isv.missing-parameter:fields");

    [Fact]
    public async Task Inventory_banners_filter_the_seeded_items()
    {
        var soldOut = Answers.Success(await _harness.Caller.CallAsync("taobao.items.inventory.get",
            new Dictionary<string, string> { ["fields"] = "num_iid,num", ["banner"] = "sold_out" }), "items_inventory_get_response");
        Assert.All(soldOut["items"]!["item"]!.AsArray(), i => Assert.Equal(0, (long)i!["num"]!));
        var never = Answers.Success(await _harness.Caller.CallAsync("taobao.items.inventory.get",
            new Dictionary<string, string> { ["fields"] = "num_iid,list_time", ["banner"] = "never_on_shelf" }), "items_inventory_get_response");
        Assert.True((int)never["total_results"]! >= 1);
        Assert.All(never["items"]!["item"]!.AsArray(), i => Assert.False(i!.AsObject().ContainsKey("list_time")));
    }

    [Fact]
    public async Task Custom_get_finds_items_by_outer_id_up_to_40_ids()
    {
        var numIid = await AddAsync(i => i["outer_id"] = "SKU-外部-1");
        var answer = Answers.Success(await _harness.Caller.CallAsync("taobao.items.custom.get",
            new Dictionary<string, string> { ["outer_id"] = "SKU-外部-1,DEMO-0001,NOPE", ["fields"] = "num_iid,outer_id" }), "items_custom_get_response");
        var found = answer["items"]!["item"]!.AsArray();
        Assert.Equal(2, found.Count);
        Assert.Contains(found, i => (long)i!["num_iid"]! == numIid);

        var tooMany = string.Join(",", Enumerable.Range(1, 41).Select(i => "ID" + i));
        Answers.AssertError(await _harness.Caller.CallAsync("taobao.items.custom.get",
            new Dictionary<string, string> { ["outer_id"] = tooMany, ["fields"] = "num_iid" }), 41, "isv.invalid-parameter:outer_id");
    }

    [Fact]
    public async Task List_get_returns_own_items_by_id_up_to_20()
    {
        var mine = await AddAsync();
        var answer = Answers.Success(await _harness.Caller.CallAsync("taobao.items.list.get",
            new Dictionary<string, string> { ["num_iids"] = mine + ",700000000000000013,1", ["fields"] = "num_iid,nick" }), "items_list_get_response");
        var items = answer["items"]!["item"]!.AsArray();
        Assert.Equal(mine, (long)items.Single()!["num_iid"]!);

        var tooMany = string.Join(",", Enumerable.Range(1, 21));
        Answers.AssertError(await _harness.Caller.CallAsync("taobao.items.list.get",
            new Dictionary<string, string> { ["num_iids"] = tooMany, ["fields"] = "num_iid" }), 41, "isv.invalid-parameter:num_iids");
    }

    [Fact]
    public async Task Simplified_item_list_is_a_bare_array()
    {
        var answer = await _harness.Caller.CallAsync("taobao.items.onsale.get", new Dictionary<string, string> { ["fields"] = "num_iid", ["simplify"] = "true" });
        Assert.IsType<JsonArray>(answer["items"]);
        Assert.True((int)answer["total_results"]! > 0);
    }

    [Fact]
    public async Task Item_categories_form_a_tree_with_leaf_flags()
    {
        var roots = Answers.Success(await _harness.Caller.CallAsync("taobao.itemcats.get", new Dictionary<string, string> { ["parent_cid"] = "0" }), "itemcats_get_response")["item_cats"]!["item_cat"]!.AsArray();
        Assert.Contains(roots, c => (long)c!["cid"]! == 16 && (string?)c["name"] == "女装/女士精品" && (bool)c["is_parent"]!);
        Assert.Contains(roots, c => (long)c!["cid"]! == 30 && (string?)c["name"] == "男装");

        var byId = Answers.Success(await _harness.Caller.CallAsync("taobao.itemcats.get", new Dictionary<string, string> { ["cids"] = "50000436,1512", ["fields"] = "cid,name,is_parent,parent_cid" }), "itemcats_get_response")["item_cats"]!["item_cat"]!.AsArray();
        var tshirt = byId.Single(c => (long)c!["cid"]! == 50000436)!;
        Assert.Equal(30, (long)tshirt["parent_cid"]!);
        Assert.False((bool)tshirt["is_parent"]!);

        Answers.AssertError(await _harness.Caller.CallAsync("taobao.itemcats.get"), 40);
        Answers.AssertError(await _harness.Caller.CallAsync("taobao.itemcats.get", new Dictionary<string, string> { ["cids"] = "abc" }), 41, "isv.invalid-parameter:cids");
    }

    private async Task<List<long>> ListIds(string method)
    {
        var answer = Answers.Success(await _harness.Caller.CallAsync(method, new Dictionary<string, string> { ["fields"] = "num_iid", ["page_size"] = "200" }), TopEmulator.ResponseRoot(method));
        return answer["items"]?["item"]!.AsArray().Select(i => (long)i!["num_iid"]!).ToList() ?? new List<long>();
    }
}
