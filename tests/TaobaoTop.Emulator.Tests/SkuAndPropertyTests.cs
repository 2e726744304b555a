using System.Text.Json.Nodes;

namespace TaobaoTop.Emulator.Tests;

/// <summary>Category properties (taobao.itemprops.get), SKUs on item.add and one SKU's price and stock.</summary>
public class SkuAndPropertyTests : IDisposable
{
    private readonly Harness _harness = new();

    public void Dispose() => _harness.Dispose();

    private async Task<JsonArray> PropertiesAsync(long cid)
        => Answers.Success(await _harness.Caller.CallAsync("taobao.itemprops.get", new Dictionary<string, string> { ["cid"] = cid.ToString() }), "itemprops_get_response")["item_props"]!["item_prop"]!.AsArray();

    private async Task<long> LeafAsync(string name)
    {
        var pending = new Queue<long>(new[] { 0L });
        while (pending.Count > 0)
        {
            var answer = Answers.Success(await _harness.Caller.CallAsync("taobao.itemcats.get",
                new Dictionary<string, string> { ["parent_cid"] = pending.Dequeue().ToString(), ["fields"] = "cid,name,is_parent" }), "itemcats_get_response");
            foreach (var category in answer["item_cats"]?["item_cat"]?.AsArray() ?? new JsonArray())
            {
                if ((bool)category!["is_parent"]!) pending.Enqueue((long)category["cid"]!);
                else if ((string?)category["name"] == name) return (long)category["cid"]!;
            }
        }
        throw new InvalidOperationException(name + " is not a leaf");
    }

    private static string Vid(JsonArray properties, string property, string value)
    {
        var prop = properties.First(p => (string?)p!["name"] == property)!;
        var found = prop["prop_values"]!["prop_value"]!.AsArray().First(v => (string?)v!["name"] == value)!;
        return prop["pid"] + ":" + found["vid"];
    }

    private async Task<Dictionary<string, string>> HoodieAsync()
    {
        var cid = await LeafAsync("卫衣");
        var props = await PropertiesAsync(cid);
        return new Dictionary<string, string>
        {
            ["num"] = "30", ["price"] = "99.00", ["type"] = "fixed", ["stuff_status"] = "new", ["title"] = "加绒卫衣 测试",
            ["desc"] = "<p>一件测试用的卫衣</p>", ["location.state"] = "浙江", ["location.city"] = "杭州", ["cid"] = cid.ToString(),
            ["outer_id"] = "HOOD-1",
            ["props"] = Vid(props, "品牌", "优衣库") + ";" + Vid(props, "材质", "棉") + ";" + Vid(props, "颜色分类", "黑色") + ";" + Vid(props, "尺码", "M") + ";" + Vid(props, "尺码", "L"),
            ["sku_properties"] = Vid(props, "颜色分类", "黑色") + ";" + Vid(props, "尺码", "M") + "," + Vid(props, "颜色分类", "黑色") + ";" + Vid(props, "尺码", "L"),
            ["sku_quantities"] = "10,20",
            ["sku_prices"] = "99.00,109.00",
            ["sku_outer_ids"] = "HOOD-1-BK-M,HOOD-1-BK-L",
        };
    }

    [Fact]
    public async Task The_tree_has_hundreds_of_leaves_whose_properties_say_what_is_required_and_what_sells()
    {
        var props = await PropertiesAsync(await LeafAsync("坚果"));
        Assert.Contains(props, p => (string?)p!["name"] == "品牌" && (bool)p["must"]! && (long)p["pid"]! == 20000);
        Assert.Contains(props, p => (string?)p!["name"] == "口味" && (bool)p["is_sale_prop"]!);
        var leaves = 0;
        var pending = new Queue<long>(new[] { 0L });
        while (pending.Count > 0)
        {
            var answer = Answers.Success(await _harness.Caller.CallAsync("taobao.itemcats.get",
                new Dictionary<string, string> { ["parent_cid"] = pending.Dequeue().ToString(), ["fields"] = "cid,is_parent" }), "itemcats_get_response");
            foreach (var category in answer["item_cats"]?["item_cat"]?.AsArray() ?? new JsonArray())
            {
                if ((bool)category!["is_parent"]!) pending.Enqueue((long)category["cid"]!);
                else leaves++;
            }
        }
        Assert.InRange(leaves, 250, 600);
    }

    [Fact]
    public async Task An_item_with_SKUs_reads_back_with_each_SKU_and_the_stock_is_their_total()
    {
        var added = Answers.Success(await _harness.Caller.CallAsync("taobao.item.add", await HoodieAsync()), "item_add_response")["item"]!;
        var item = Answers.Success(await _harness.Caller.CallAsync("taobao.item.seller.get",
            new Dictionary<string, string> { ["num_iid"] = added["num_iid"]!.ToString(), ["fields"] = "num,price,sku,props" }), "item_seller_get_response")["item"]!;
        Assert.Equal(30, (long)item["num"]!);
        var skus = item["skus"]!["sku"]!.AsArray();
        Assert.Equal(new[] { "HOOD-1-BK-M:10:99.00", "HOOD-1-BK-L:20:109.00" }, skus.Select(s => s!["outer_id"] + ":" + s["quantity"] + ":" + s["price"]));
        Assert.Contains(":颜色分类:黑色;", (string?)skus[0]!["properties_name"]);
    }

    [Theory]
    [InlineData("num", "31", "num must equal the sum of sku_quantities")]
    [InlineData("price", "120.00", "必须在SKU价格")]
    [InlineData("props", "", "必填属性未填写: 品牌(20000), 材质(20021)")]
    [InlineData("location.state", "浙江省", "location.state must be a province")]
    [InlineData("location.city", "杭州市", "location.city must be a city of 浙江 such as 杭州 (without 市), got '杭州市'")]
    [InlineData("location.city", "深圳", "location.city must be a city of 浙江")]
    public async Task Item_add_refuses_what_Taobao_refuses(string name, string value, string message)
    {
        var item = await HoodieAsync();
        item[name] = value;
        var error = Answers.Error(await _harness.Caller.CallAsync("taobao.item.add", item));
        Assert.Contains(message, (string?)error["sub_msg"]);
    }

    [Fact]
    public async Task Item_add_refuses_SKUs_whose_sale_properties_props_does_not_also_give_as_the_doc_asks()
    {
        var item = await HoodieAsync();
        var sizeL = item["sku_properties"].Split(',')[1].Split(';')[1];
        item["props"] = string.Join(";", item["props"].Split(';').Where(p => p != sizeL));
        var answer = await _harness.Caller.CallAsync("taobao.item.add", item);
        Answers.AssertError(answer, 41, "isv.invalid-parameter:props");
        Assert.Equal("props must also give the sale properties of sku_properties; missing " + sizeL + ".", (string?)Answers.Error(answer)["sub_msg"]);
    }

    [Fact]
    public async Task One_SKU_changes_price_and_stock_and_zero_stock_moves_the_item_to_the_warehouse()
    {
        var item = await HoodieAsync();
        var numIid = Answers.Success(await _harness.Caller.CallAsync("taobao.item.add", item), "item_add_response")["item"]!["num_iid"]!.ToString();
        var skuL = item["sku_properties"].Split(',')[1];
        Answers.Success(await _harness.Caller.CallAsync("taobao.item.sku.price.update",
            new Dictionary<string, string> { ["num_iid"] = numIid, ["properties"] = skuL, ["price"] = "105.00" }), "item_sku_price_update_response");
        var tooHigh = Answers.Error(await _harness.Caller.CallAsync("taobao.item.sku.price.update",
            new Dictionary<string, string> { ["num_iid"] = numIid, ["properties"] = item["sku_properties"].Split(',')[0], ["price"] = "120.00" }));
        Assert.Contains("必须在SKU价格", (string?)tooHigh["sub_msg"]);
        foreach (var outerId in new[] { "HOOD-1-BK-M", "HOOD-1-BK-L" })
        {
            Answers.Success(await _harness.Caller.CallAsync("taobao.item.quantity.update",
                new Dictionary<string, string> { ["num_iid"] = numIid, ["outer_id"] = outerId, ["quantity"] = "0" }), "item_quantity_update_response");
        }
        var read = Answers.Success(await _harness.Caller.CallAsync("taobao.item.seller.get",
            new Dictionary<string, string> { ["num_iid"] = numIid, ["fields"] = "num,approve_status,sku" }), "item_seller_get_response")["item"]!;
        Assert.Equal("instock", (string?)read["approve_status"]);
        Assert.Equal(new[] { "99.00", "105.00" }, read["skus"]!["sku"]!.AsArray().Select(s => (string?)s!["price"]));
    }

    /// <summary>The hoodie with <paramref name="count"/> colour × size SKUs (each pid:vid;pid:vid 29 bytes), a SKU code each of <paramref name="codeLength"/> characters.</summary>
    private async Task<Dictionary<string, string>> HoodieWithSkusAsync(int count, int codeLength = 8)
    {
        var item = await HoodieAsync();
        var props = await PropertiesAsync(long.Parse(item["cid"]));
        string[] Values(string name) => props.First(p => (string?)p!["name"] == name)!["prop_values"]!["prop_value"]!.AsArray().Select(v => (string)v!["name"]!).ToArray();
        var skus = Values("颜色分类").SelectMany(c => Values("尺码").Select(s => Vid(props, "颜色分类", c) + ";" + Vid(props, "尺码", s))).Take(count).ToList();
        item["sku_properties"] = string.Join(",", skus);
        item["props"] = string.Join(";", item["props"].Split(';').Take(2).Concat(skus.SelectMany(k => k.Split(';')).Distinct()));
        item["sku_quantities"] = string.Join(",", skus.Select(_ => "1"));
        item["sku_prices"] = string.Join(",", skus.Select(_ => "99.00"));
        item["sku_outer_ids"] = string.Join(",", skus.Select((_, i) => ("H" + i).PadRight(codeLength, 'x')));
        item["num"] = count.ToString();
        return item;
    }

    [Fact]
    public async Task Sku_add_adds_a_SKU_beyond_item_add_whose_stock_adds_to_the_item()
    {
        var item = await HoodieAsync();
        var numIid = Answers.Success(await _harness.Caller.CallAsync("taobao.item.add", item), "item_add_response")["item"]!["num_iid"]!.ToString();
        var props = await PropertiesAsync(long.Parse(item["cid"]));
        var blackXl = Vid(props, "尺码", "XL") + ";" + Vid(props, "颜色分类", "黑色");
        var withXl = item["props"] + ";" + Vid(props, "尺码", "XL");
        Answers.Success(await _harness.Caller.CallAsync("taobao.item.update", new Dictionary<string, string> { ["num_iid"] = numIid, ["props"] = withXl }), "item_update_response");

        var sku = Answers.Success(await _harness.Caller.CallAsync("taobao.item.sku.add", new Dictionary<string, string>
        {
            ["num_iid"] = numIid, ["properties"] = blackXl, ["quantity"] = "7", ["price"] = "119.00", ["outer_id"] = "HOOD-1-BK-XL",
        }), "item_sku_add_response")["sku"]!;
        Assert.True((long)sku["sku_id"]! > 0);

        var read = Answers.Success(await _harness.Caller.CallAsync("taobao.item.seller.get",
            new Dictionary<string, string> { ["num_iid"] = numIid, ["fields"] = "num,price,sku" }), "item_seller_get_response")["item"]!;
        Assert.Equal(37, (long)read["num"]!);
        Assert.Equal(new[] { "HOOD-1-BK-M:10:99.00", "HOOD-1-BK-L:20:109.00", "HOOD-1-BK-XL:7:119.00" },
            read["skus"]!["sku"]!.AsArray().Select(s => s!["outer_id"] + ":" + s["quantity"] + ":" + s["price"]));
    }

    [Theory]
    [InlineData("properties", "again", "isv.sku-exist", "SKU已存在")]
    [InlineData("quantity", "0", "isv.invalid-parameter:quantity", "quantity")]
    [InlineData("properties", "not-in-props", "isv.invalid-parameter:props", "props must also give the sale properties of properties")]
    [InlineData("properties", "colour-only", "isv.invalid-parameter:properties", "the same sale properties as the item's other SKUs")]
    [InlineData("num_iid", "999", "isv.item-not-exist", "商品不存在")]
    public async Task Sku_add_refuses_what_Taobao_refuses(string name, string value, string subCode, string message)
    {
        var item = await HoodieAsync();
        var numIid = Answers.Success(await _harness.Caller.CallAsync("taobao.item.add", item), "item_add_response")["item"]!["num_iid"]!.ToString();
        var props = await PropertiesAsync(long.Parse(item["cid"]));
        var call = new Dictionary<string, string>
        {
            ["num_iid"] = numIid, ["properties"] = Vid(props, "颜色分类", "黑色") + ";" + Vid(props, "尺码", "XL"), ["quantity"] = "5", ["price"] = "99.00",
        };
        Answers.Success(await _harness.Caller.CallAsync("taobao.item.update",
            new Dictionary<string, string> { ["num_iid"] = numIid, ["props"] = item["props"] + ";" + Vid(props, "尺码", "XL") }), "item_update_response");
        call[name] = value switch
        {
            "again" => item["sku_properties"].Split(',')[1],
            "not-in-props" => Vid(props, "颜色分类", "白色") + ";" + Vid(props, "尺码", "M"),
            "colour-only" => Vid(props, "颜色分类", "黑色"),
            _ => value,
        };
        var answer = await _harness.Caller.CallAsync("taobao.item.sku.add", call);
        Assert.Equal(subCode, (string?)Answers.Error(answer)["sub_code"]);
        Assert.Contains(message, (string?)Answers.Error(answer)["sub_msg"]);
    }

    [Fact]
    public async Task A_sale_value_the_seller_names_in_property_alias_reads_back_by_that_name()
    {
        var item = await HoodieAsync();
        var props = await PropertiesAsync(long.Parse(item["cid"]));
        Assert.True((bool)props.First(p => (string?)p!["name"] == "颜色分类")!["is_allow_alias"]!);
        item["property_alias"] = Vid(props, "颜色分类", "黑色") + ":雾霾黑";
        var numIid = Answers.Success(await _harness.Caller.CallAsync("taobao.item.add", item), "item_add_response")["item"]!["num_iid"]!.ToString();

        var read = Answers.Success(await _harness.Caller.CallAsync("taobao.item.seller.get",
            new Dictionary<string, string> { ["num_iid"] = numIid, ["fields"] = "property_alias,sku" }), "item_seller_get_response")["item"]!;
        Assert.Equal(item["property_alias"], (string?)read["property_alias"]);
        Assert.All(read["skus"]!["sku"]!.AsArray(), s => Assert.Contains(":颜色分类:雾霾黑;", (string?)s!["properties_name"]));
    }

    [Theory]
    [InlineData("not-in-props", "is not a value of 颜色分类 that props gives")]
    [InlineData("not-sale", "is not a sale property")]
    [InlineData("no-name", "must be pid:vid:name")]
    [InlineData("too-long", "property_alias must not exceed 800 characters")]
    public async Task Item_add_refuses_a_property_alias_Taobao_would_refuse(string kind, string message)
    {
        var item = await HoodieAsync();
        var props = await PropertiesAsync(long.Parse(item["cid"]));
        item["property_alias"] = kind switch
        {
            "not-in-props" => Vid(props, "颜色分类", "白色") + ":奶白",
            "not-sale" => Vid(props, "材质", "棉") + ":有机棉",
            "no-name" => Vid(props, "颜色分类", "黑色") + ":",
            _ => Vid(props, "颜色分类", "黑色") + ":" + new string('黑', 790),
        };
        var answer = await _harness.Caller.CallAsync("taobao.item.add", item);
        Assert.Equal("isv.invalid-parameter:property_alias", (string?)Answers.Error(answer)["sub_code"]);
        Assert.Contains(message, (string?)Answers.Error(answer)["sub_msg"]);
    }

    [Fact]
    public async Task Item_add_refuses_sku_properties_and_sku_outer_ids_beyond_512_bytes()
    {
        // 17 SKUs: 17 × 29 + 16 = 509 bytes of sku_properties; 18: 539.
        var fits = await HoodieWithSkusAsync(17);
        Assert.Equal(509, fits["sku_properties"].Length);
        Answers.Success(await _harness.Caller.CallAsync("taobao.item.add", fits), "item_add_response");

        var answer = await _harness.Caller.CallAsync("taobao.item.add", await HoodieWithSkusAsync(18));
        Answers.AssertError(answer, 41, "isv.invalid-parameter:sku_properties");
        Assert.Equal("sku_properties must not exceed 512 bytes, got 539.", (string?)Answers.Error(answer)["sub_msg"]);

        // Ten SKU codes of 60 bytes: each within 64, 10 × 61 - 1 = 609 bytes together.
        answer = await _harness.Caller.CallAsync("taobao.item.add", await HoodieWithSkusAsync(10, codeLength: 60));
        Answers.AssertError(answer, 41, "isv.invalid-parameter:sku_outer_ids");
        Assert.Equal("sku_outer_ids must not exceed 512 bytes, got 609.", (string?)Answers.Error(answer)["sub_msg"]);
    }

    [Fact]
    public async Task Item_add_refuses_props_of_more_than_35_pairs()
    {
        var item = await HoodieAsync();
        var brand = item["props"].Split(';')[0];
        item["props"] = string.Join(";", Enumerable.Repeat(brand, 36));
        var answer = await _harness.Caller.CallAsync("taobao.item.add", item);
        Answers.AssertError(answer, 41, "isv.invalid-parameter:props");
        Assert.Equal("props takes at most 35 pid:vid pairs, got 36.", (string?)Answers.Error(answer)["sub_msg"]);
    }
}
