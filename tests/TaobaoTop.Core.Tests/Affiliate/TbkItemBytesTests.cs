using System.Collections;
using System.Globalization;
using System.Text;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;
using Xunit;

namespace TaobaoTop.Core.Tests.Affiliate;

/// <summary>
/// Material search pages and item details read straight from the answer's bytes give the same items, property by
/// property, as the parsed document read through JsonFields (what Find-TbkItem and Get-TbkItem did before).
/// </summary>
public sealed class TbkItemBytesTests
{
    private const string Method = "taobao.tbk.dg.material.optional.upgrade";
    private const string DetailsMethod = "taobao.tbk.item.info.upgrade.get";

    private static void AssertSameItems(TopResponse response)
    {
        Assert.NotNull(response.Model);
        AssertSameAsDocument(response);
    }

    private static void AssertSameAsDocument(TopResponse response)
    {
        var fromDocument = TbkAnswers.MaterialPage(response.Body);
        var fromBytes = TbkMaterialPages.Read(response);

        Assert.Equal(fromDocument.TotalResults, fromBytes.TotalResults);
        AssertSame(fromDocument.Items, fromBytes.Items);
    }

    private static void AssertSameDetails(TopResponse response)
    {
        Assert.NotNull(response.Model);
        AssertSame(TbkAnswers.ItemDetails(response.Body), TbkItemDetails.Read(response));
    }

    private static void AssertSame(IReadOnlyList<TbkItem> fromDocument, IReadOnlyList<TbkItem> fromBytes)
    {
        Assert.Equal(fromDocument.Count, fromBytes.Count);
        for (var i = 0; i < fromDocument.Count; i++)
        {
            foreach (var property in typeof(TbkItem).GetProperties())
            {
                var expected = property.GetValue(fromDocument[i]);
                var actual = property.GetValue(fromBytes[i]);
                if (expected is IEnumerable list && expected is not string)
                {
                    Assert.Equal(list.Cast<object>(), ((IEnumerable)actual!).Cast<object>());
                    continue;
                }
                Assert.True(Equals(expected, actual), $"item {i} {property.Name}: {expected} from the document, {actual} from the bytes");
                // 1499.5 and 1499.50 are equal decimals but print differently: money keeps its two places either way.
                if (expected is decimal money) Assert.Equal(money.ToString(CultureInfo.InvariantCulture), ((decimal)actual!).ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    [Theory]
    [InlineData(Method, "女装", 0L)]
    [InlineData(Method, "手机", 0L)]
    [InlineData("taobao.tbk.dg.material.recommend", null, 13366L)]
    [InlineData("taobao.tbk.sc.material.optional.upgrade", "女装", 0L)]
    [InlineData("taobao.tbk.sc.material.recommend", null, 13366L)]
    public async Task Full_pages_of_the_emulator_read_the_same_from_bytes(string method, string? keyword, long materialId)
    {
        using var emulator = new TopEmulator(new EmulatorOptions());
        using var client = EmulatorClients.For(emulator);
        var search = new TbkMaterialSearch { Keyword = keyword, MaterialId = materialId };
        var asServiceProvider = method.StartsWith("taobao.tbk.sc.", StringComparison.Ordinal);
        var request = TbkApi.MaterialSearch(method, search, new TbkPosition(EmulatorDefaults.DemoAdzoneId, EmulatorDefaults.DemoSiteId), asServiceProvider, 1, 100);
        var response = await client.InvokeAsync(request);

        var items = TbkMaterialPages.Read(response).Items;
        Assert.NotEmpty(items);
        Assert.Contains(items, item => item.HasCoupon);
        AssertSameItems(response);
    }

    /// <summary>Entries of a page or a details answer whose fields take odd forms.</summary>
    public static readonly TheoryData<string> OddEntries = new()
    {
        // Numbers as strings and strings as numbers, empty text, protocol-relative links, 1/0 user_type, a bare date and epoch milliseconds.
        """{"item_id":123,"item_basic_info":{"title":"","short_title":"短","category_id":"16","seller_id":"","user_type":"1","volume":9,"item_url":"//item.taobao.com/item.htm?id=1","pict_url":"https://p","white_image":"","small_images":{"string":["//img/1","","https://img/2",3,null]}},"price_promotion_info":{"reserve_price":"1499.5","zk_final_price":99.9,"final_promotion_price":"","final_promotion_path_list":{"final_promotion_path_map_data":[{"promotion_title":"满减","promotion_fee":"5"},{"promotion_title":"店铺券","promotion_fee":"10","promotion_id":"a1","promotion_desc":"满100减10","promotion_start_time":"2026-11-30","promotion_end_time":"2026-12-01"},{"promotion_title":"商品券","promotion_fee":"20"}]}},"publish_info":{"income_rate":"4.5","click_url":"//s.click.taobao.com/x","coupon_share_url":""}}""",
        """{"item_id":"x","price_promotion_info":{"zk_final_price":"10.00","final_promotion_price":"8","final_promotion_path_list":[{"promotion_fee":"2","promotion_title":"商品券","promotion_start_time":1764468000000,"promotion_end_time":"2026-11-30 10:00:00"}]},"item_basic_info":{"user_type":0,"small_images":["//a"]}}""",
        // Fields that are objects, arrays or null; unknown fields; escaped text; sub-objects that are not objects.
        """{"item_id":"y","item_basic_info":{"title":"\u7eaf\u68c9 \"T\u6064\"","brand_name":null,"shop_title":{"a":1},"category_id":[1],"extra":{"deep":[{"x":1}]},"user_type":true,"volume":"2.5","small_images":"//one"},"price_promotion_info":"none","publish_info":null}""",
        // Plain forms read from the bytes and their neighbours that are not: signs, leading zeros, points, overflow, bad dates.
        """{"item_id":"z","item_basic_info":{"category_id":"+12","volume":"007","seller_id":"99999999999999999999","level_one_category_id":"-","user_type":"1 "},"price_promotion_info":{"reserve_price":"-0.50","zk_final_price":".5","final_promotion_price":"5.","final_promotion_path_list":[{"promotion_title":"券","promotion_fee":"1,499.50","promotion_start_time":"2026-02-30 10:00:00","promotion_end_time":"2026-02-30"}]},"publish_info":{"income_rate":"1.2.3"}}""",
        // Texts repeated across items, once escaped, beside others that differ: each item keeps its own.
        """{"item_id":"a","item_basic_info":{"shop_title":"小店","category_name":"女装"}},{"item_id":"b","item_basic_info":{"shop_title":"\u5c0f\u5e97","category_name":"女装"}},{"item_id":"c","item_basic_info":{"shop_title":"小店2","category_name":""}}""",
        // Repeated fields and objects: the last one counts, even when it is not an object.
        """{"item_id":"1","item_id":"2","item_basic_info":{"title":"t","volume":3},"item_basic_info":{"sub_title":"s"},"price_promotion_info":{"zk_final_price":"1.00","final_promotion_path_list":[{"promotion_title":"券","promotion_fee":"1"}],"final_promotion_path_list":[]},"publish_info":{"income_rate":"3"},"publish_info":[]}""",
        // Entries that are not objects.
        """null,"x",[1],{}""",
    };

    [Theory]
    [MemberData(nameof(OddEntries))]
    public void Odd_fields_read_by_the_same_lenient_rules(string items)
    {
        var body = """{"tbk_dg_material_optional_upgrade_response":{"total_results":"321","result_list":{"map_data":[""" + items + """]},"request_id":"r1"}}""";

        AssertSameItems(TopResponseParser.Parse(Method, Encoding.UTF8.GetBytes(body), answerReader: TbkMaterialPages.NewReader));
    }

    [Theory]
    // No list, an empty list, a list that is not one, the list repeated (the last counts), total_results odd.
    [InlineData("""{"tbk_dg_material_optional_upgrade_response":{"request_id":"r3"}}""")]
    [InlineData("""{"tbk_dg_material_optional_upgrade_response":{"total_results":0,"result_list":{}}}""")]
    [InlineData("""{"tbk_dg_material_optional_upgrade_response":{"total_results":"","result_list":"none"}}""")]
    [InlineData("""{"tbk_dg_material_optional_upgrade_response":{"result_list":{"map_data":[{"item_id":"8"}]},"total_results":1.5,"result_list":[{"item_id":"9"}],"total_results":"7"}}""")]
    [InlineData("""{"tbk_dg_material_optional_upgrade_response":{"result_list":{"other":1,"map_data":[{"item_id":"8"}],"more":[{"item_id":"0"}]}}}""")]
    public void Other_shapes_of_the_page_read_the_same(string body)
    {
        AssertSameItems(TopResponseParser.Parse(Method, Encoding.UTF8.GetBytes(body), answerReader: TbkMaterialPages.NewReader));
    }

    [Fact]
    public void A_simplified_answer_is_read_from_its_body()
    {
        var body = """{"total_results":1,"result_list":[{"item_id":"7","item_basic_info":{"title":"t"}}],"request_id":"r2"}""";
        var response = TopResponseParser.Parse(Method, Encoding.UTF8.GetBytes(body), answerReader: TbkMaterialPages.NewReader);

        Assert.Null(response.Model);
        AssertSameAsDocument(response);
        Assert.Equal("7", Assert.Single(TbkMaterialPages.Read(response).Items).ItemId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Item_details_of_the_emulator_read_the_same_from_bytes(bool detailed)
    {
        using var emulator = new TopEmulator(new EmulatorOptions());
        using var client = EmulatorClients.For(emulator);
        var search = TbkApi.MaterialSearch(Method, new TbkMaterialSearch { Keyword = "女装" }, new TbkPosition(EmulatorDefaults.DemoAdzoneId, EmulatorDefaults.DemoSiteId), false, 1, 20);
        var ids = TbkMaterialPages.Read(await client.InvokeAsync(search)).Items.Select(item => item.ItemId).ToList();

        var response = await client.InvokeAsync(TbkApi.ItemDetails(ids, detailed));

        var items = TbkItemDetails.Read(response);
        Assert.Equal(ids, items.Select(item => item.ItemId));
        Assert.Contains(items, item => item.HasCoupon);
        AssertSameDetails(response);
    }

    [Theory]
    [MemberData(nameof(OddEntries))]
    public void Odd_fields_of_item_details_read_by_the_same_lenient_rules(string items)
    {
        var body = """{"tbk_item_info_upgrade_get_response":{"results":{"tbk_item_detail":[""" + items + """]},"request_id":"r1"}}""";

        AssertSameDetails(TopResponseParser.Parse(DetailsMethod, Encoding.UTF8.GetBytes(body), answerReader: TbkItemDetails.NewReader));
    }

    [Theory]
    // No list, an empty list, a list that is not one, the bare array, the list repeated (the last counts), arrays beside it in its wrapper.
    [InlineData("""{"tbk_item_info_upgrade_get_response":{"request_id":"r3"}}""")]
    [InlineData("""{"tbk_item_info_upgrade_get_response":{"results":{}}}""")]
    [InlineData("""{"tbk_item_info_upgrade_get_response":{"results":"none"}}""")]
    [InlineData("""{"tbk_item_info_upgrade_get_response":{"results":[{"item_id":"9"}]}}""")]
    [InlineData("""{"tbk_item_info_upgrade_get_response":{"results":{"tbk_item_detail":[{"item_id":"8"}]},"result_list":[{"item_id":"0"}],"results":[{"item_id":"9"}]}}""")]
    [InlineData("""{"tbk_item_info_upgrade_get_response":{"results":{"other":1,"tbk_item_detail":[{"item_id":"8"}],"more":[{"item_id":"0"}]}}}""")]
    public void Other_shapes_of_item_details_read_the_same(string body)
    {
        AssertSameDetails(TopResponseParser.Parse(DetailsMethod, Encoding.UTF8.GetBytes(body), answerReader: TbkItemDetails.NewReader));
    }

    [Fact]
    public void A_simplified_details_answer_is_read_from_its_body()
    {
        var body = """{"results":[{"item_id":"7","item_basic_info":{"title":"t"}}],"request_id":"r2"}""";
        var response = TopResponseParser.Parse(DetailsMethod, Encoding.UTF8.GetBytes(body), answerReader: TbkItemDetails.NewReader);

        Assert.Null(response.Model);
        Assert.Equal("7", Assert.Single(TbkItemDetails.Read(response)).ItemId);
        Assert.Equal("t", Assert.Single(TbkItemDetails.Read(response)).Title);
    }
}
