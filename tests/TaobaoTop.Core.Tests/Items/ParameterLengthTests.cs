using System.Text;
using TaobaoTop.Core.Items;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

/// <summary>
/// item.add's length limits on whole parameters (docs/item-limits.md): props at most 35 pid:vid pairs and 549 bytes,
/// sku_properties and sku_outer_ids at most 512 bytes each. Each error names the row and, where one does, the SKU or
/// property beyond the limit.
/// </summary>
public sealed class ParameterLengthTests
{
    private const long Cid = 50011123;

    private static ItemRow Item(string outerId = "HD-1") => new()
    {
        RowNumber = 1, LineNumber = 2, Title = "加绒卫衣", CategoryId = Cid.ToString(), Description = "加厚加绒保暖卫衣",
        OuterId = outerId, State = "浙江", City = "杭州", Price = "99.00", Quantity = "10",
    };

    private static ItemRow Sku(int line, string skuOuterId, Dictionary<string, string>? extra = null) => new()
    {
        RowNumber = line - 1, LineNumber = line, OuterId = "HD-1", SkuPrice = "99.00", SkuQuantity = "1", SkuOuterId = skuOuterId,
        Extra = extra ?? new Dictionary<string, string>(),
    };

    private static ItemRow WithSkus(IEnumerable<ItemRow> skus)
    {
        var item = Item();
        item.Price = null;
        item.Quantity = null;
        item.Skus.AddRange(skus);
        return item;
    }

    /// <summary>SKU codes of 32 characters: each well within 64 bytes, 16 of them 16 × 33 - 1 = 527 bytes joined.</summary>
    private static string Code(int n) => "HD-1-" + n.ToString("D2") + new string('x', 25);

    // The scripted shop: a leaf category whose properties are given as (pid, name, is_sale, values).
    private static (TopClient Client, ScriptedGateway Gateway) Shop(IEnumerable<(long Pid, string Name, bool Sale, string[] Values)> properties, long firstVid = 1)
    {
        var props = new StringBuilder();
        var vid = firstVid;
        foreach (var (pid, name, sale, values) in properties)
        {
            if (props.Length > 0) props.Append(',');
            props.Append("{\"pid\":").Append(pid).Append(",\"name\":\"").Append(name).Append("\",\"must\":false,\"is_sale_prop\":").Append(sale ? "true" : "false")
                .Append(",\"is_enum_prop\":true,\"prop_values\":{\"prop_value\":[")
                .Append(string.Join(",", values.Select(v => "{\"vid\":" + vid++ + ",\"name\":\"" + v + "\"}"))).Append("]}}");
        }
        // The category and its properties are asked for at once: answered by method, whichever comes first.
        HttpResponseMessage ByMethod(HttpRequestMessage request) => request.RequestUri!.Query.Contains("method=taobao.itemprops.get", StringComparison.Ordinal)
            ? ScriptedGateway.Json("{\"itemprops_get_response\":{\"item_props\":{\"item_prop\":[" + props + "]}}}")
            : ScriptedGateway.Json("{\"itemcats_get_response\":{\"item_cats\":{\"item_cat\":[{\"cid\":" + Cid + ",\"name\":\"卫衣\",\"is_parent\":false}]}}}");
        var gateway = new ScriptedGateway().Then(ByMethod).Then(ByMethod);
        var options = new TopClientOptions("12345678", new Secret("app-secret-for-tests"))
        {
            Endpoint = new Uri("http://gateway.test/router/rest"),
            Session = new Secret("session-for-tests"),
            Qps = 0,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        };
        return (new TopClient(options, gateway), gateway);
    }

    private static async Task<List<ItemFieldError>> PreflightAsync(TopClient client, ItemRow row) => (await DraftAsync(client, row)).Errors;

    private static async Task<(ItemDraft Draft, List<ItemFieldError> Errors)> DraftAsync(TopClient client, ItemRow row)
    {
        var errors = new List<ItemFieldError>();
        var draft = new ItemRowValidator(p => p).Validate(row, errors);
        Assert.Empty(errors);
        await new ItemPreflight(client).CheckAsync(draft!, errors, CancellationToken.None);
        return (draft!, errors);
    }

    /// <summary>Properties 属性01 … with one value 值01 … each, a column per property in the row.</summary>
    private static (List<(long, string, bool, string[])> Properties, ItemRow Row) Properties(int count, long firstPid)
    {
        var properties = Enumerable.Range(1, count).Select(n => (firstPid + n, "属性" + n.ToString("D2"), false, new[] { "值" + n.ToString("D2") })).ToList();
        var row = Item();
        row.Extra = Enumerable.Range(1, count).ToDictionary(n => "属性" + n.ToString("D2"), n => "值" + n.ToString("D2"));
        return (properties, row);
    }

    [Fact]
    public async Task Props_of_more_than_35_pairs_are_refused_naming_the_first_property_beyond()
    {
        var (properties, row) = Properties(35, 100);
        Assert.Empty(await PreflightAsync(Shop(properties).Client, row));

        (properties, row) = Properties(36, 100);
        Assert.Equal(
            "the row gives 36 category properties, its SKUs' sale property values included; item.add takes at most 35 pid:vid pairs in props, so 属性36 and any after it do not fit",
            Assert.Single(await PreflightAsync(Shop(properties).Client, row)).Message);
    }

    [Fact]
    public async Task Props_longer_than_549_bytes_are_refused_naming_the_first_property_beyond()
    {
        // 9-digit pids and vids: 19 bytes a pair, 28 pairs 28 × 20 - 1 = 559 bytes; 27 pairs 539.
        var (properties, row) = Properties(27, 100000000);
        Assert.Empty(await PreflightAsync(Shop(properties, 100000000).Client, row));

        (properties, row) = Properties(28, 100000000);
        Assert.Equal(
            "the category properties, its SKUs' sale property values included, come to 559 bytes as props (pid:vid;pid:vid); item.add takes at most 549, so 属性28 and any after it do not fit",
            Assert.Single(await PreflightAsync(Shop(properties, 100000000).Client, row)).Message);
    }

    private static readonly string[] Colours = { "黑色", "白色", "红色" };
    private static readonly string[] Sizes = { "XS", "S", "M", "L", "XL", "XXL" };

    /// <summary>Colour × size SKUs whose pid:vid;pid:vid is 29 bytes: 17 of them 509 bytes joined, 18 of them 539.</summary>
    private static ItemRow Hoodie(int skus) => WithSkus(Colours.SelectMany(c => Sizes.Select(s => (c, s))).Take(skus)
        .Select((cs, i) => Sku(i + 3, "HD-1-" + i, new Dictionary<string, string> { ["颜色分类"] = cs.c, ["尺码"] = cs.s })));

    private static (long, string, bool, string[])[] SaleProperties => new[] { (1627207L, "颜色分类", true, Colours), (20509L, "尺码", true, Sizes) };

    [Fact]
    public async Task SKUs_beyond_512_bytes_of_sale_properties_follow_item_add_and_its_stock_is_of_those_it_carries()
    {
        var (fits, errors) = await DraftAsync(Shop(SaleProperties, 3020701).Client, Hoodie(17));
        Assert.Empty(errors);
        Assert.Empty(fits.LaterSkus);

        var (draft, more) = await DraftAsync(Shop(SaleProperties, 3020701).Client, Hoodie(18));
        Assert.Empty(more);
        Assert.Equal("HD-1-17", Assert.Single(draft.LaterSkus).OuterId);
        var add = ItemApi.Add(draft, null).Parameters;
        Assert.Equal(17, add["sku_properties"]!.Split(',').Length);
        Assert.True(add["sku_properties"]!.Length <= 512);
        Assert.Equal("17", add["num"]);
        Assert.Equal(18, draft.Quantity);
    }

    [Fact]
    public async Task SKU_codes_beyond_512_bytes_joined_follow_item_add_too()
    {
        // SKU codes of 32 characters: 15 of them 15 × 33 - 1 = 494 bytes joined, 16 of them 527.
        var hoodie = Hoodie(16);
        for (var i = 0; i < 16; i++) hoodie.Skus[i].SkuOuterId = Code(i + 1);
        var (draft, errors) = await DraftAsync(Shop(SaleProperties, 1).Client, hoodie);
        Assert.Empty(errors);
        Assert.Equal(Code(16), Assert.Single(draft.LaterSkus).OuterId);
        Assert.Equal(15, ItemApi.Add(draft, null).Parameters["sku_outer_ids"]!.Split(',').Length);
    }

    [Fact]
    public async Task Item_add_carries_the_SKUs_without_stock_and_the_cheapest_and_dearest_wherever_they_stand()
    {
        var hoodie = Hoodie(18);
        hoodie.Skus[17].SkuQuantity = "0";
        hoodie.Skus[16].SkuPrice = "129.00";
        hoodie.Skus[15].SkuPrice = "89.00";
        var (draft, errors) = await DraftAsync(Shop(SaleProperties, 3020701).Client, hoodie);
        Assert.Empty(errors);
        // The three it must carry, at the end of the sheet, come first: of the others, the last that would fit follows.
        Assert.Equal("HD-1-14", Assert.Single(draft.LaterSkus).OuterId);
        var add = ItemApi.Add(draft, null).Parameters;
        Assert.Equal(89.00m, draft.Price);
        Assert.Contains("89.00", add["sku_prices"]!.Split(','));
        Assert.Contains("129.00", add["sku_prices"]!.Split(','));
    }

    [Fact]
    public async Task Item_add_carries_a_SKU_with_stock_so_the_item_goes_on_sale_not_to_the_warehouse()
    {
        // 16 SKUs without stock, then 2 with: item.add carries the 16 and the first with stock; the other follows.
        var hoodie = Hoodie(18);
        for (var i = 0; i < 16; i++) hoodie.Skus[i].SkuQuantity = "0";
        var (draft, errors) = await DraftAsync(Shop(SaleProperties, 3020701).Client, hoodie);
        Assert.Empty(errors);
        Assert.Equal("1", ItemApi.Add(draft, null).Parameters["num"]);
        Assert.Equal("HD-1-17", Assert.Single(draft.LaterSkus).OuterId);

        // 17 without stock leave no room for the one with: refused, not listed into the warehouse.
        hoodie.Skus[16].SkuQuantity = "0";
        var refused = await PreflightAsync(Shop(SaleProperties, 3020701).Client, hoodie);
        Assert.StartsWith("line 20 (SKU编码 HD-1-17): the SKUs item.add must carry", Assert.Single(refused).Message);
    }

    [Fact]
    public async Task SKUs_without_stock_beyond_512_bytes_are_refused_naming_the_first_that_does_not_fit()
    {
        var hoodie = Hoodie(18);
        foreach (var sku in hoodie.Skus) sku.SkuQuantity = "0";
        var errors = await PreflightAsync(Shop(SaleProperties, 3020701).Client, hoodie);
        Assert.Equal(
            "line 20 (SKU编码 HD-1-17): the SKUs item.add must carry (those without stock, which taobao.item.sku.add does not take, the cheapest and the dearest, and one with stock) "
            + "come to 539 bytes of sku_properties; item.add takes at most 512: give some of the SKUs without stock a stock, or list them in another item",
            Assert.Single(errors).Message);
        Assert.Equal("颜色分类", errors[0].Field);
    }

    [Fact]
    public async Task The_SKUs_sale_property_values_are_in_props_too_once_each_and_count_towards_its_35_pairs()
    {
        var (draft, errors) = await DraftAsync(Shop(SaleProperties, 1).Client, Hoodie(4));
        Assert.Empty(errors);
        // 黑色 (vid 1) with XS…L (vids 4…7): one colour and four sizes.
        Assert.Equal("1627207:1;20509:4;20509:5;20509:6;20509:7", draft.Props);

        var properties = Properties(31, 100).Properties.Concat(SaleProperties).ToList();
        var hoodie = Hoodie(4);
        hoodie.Extra = Properties(31, 100).Row.Extra;
        Assert.Equal(
            "the row gives 36 category properties, its SKUs' sale property values included; item.add takes at most 35 pid:vid pairs in props, so 尺码 and any after it do not fit",
            Assert.Single(await PreflightAsync(Shop(properties).Client, hoodie)).Message);
    }
}
