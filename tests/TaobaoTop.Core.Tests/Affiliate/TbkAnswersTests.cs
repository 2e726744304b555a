using System.Text.Json;
using TaobaoTop.Core.Affiliate;
using Xunit;

namespace TaobaoTop.Core.Tests.Affiliate;

public class TbkAnswersTests
{
    private static JsonElement Body(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private const string SearchEntry = """
        {"item_id":"qYtxrMJOC8tmtM-Qq0Z65Sbbq5DqZ9","item_basic_info":{"title":"小米5G智能手机","short_title":"小米手机","seller_id":2200100037,"user_type":1,"shop_title":"小米官方旗舰店","volume":12345,"category_id":1512,"category_name":"手机","pict_url":"//img.alicdn.com/a.jpg"},
         "price_promotion_info":{"reserve_price":"1999.90","zk_final_price":"1499.5","final_promotion_price":"1399.50",
           "final_promotion_path_list":{"final_promotion_path_map_data":[{"promotion_title":"店铺券","promotion_fee":"100","promotion_id":"abc123","promotion_start_time":"2026-11-01 00:00:00","promotion_end_time":"2026-12-01 23:59:59"}]}},
         "publish_info":{"income_rate":"6.50","click_url":"//s.click.taobao.com/t?e=x&itemId=qYtxrMJOC8tmtM-Qq0Z65Sbbq5DqZ9","coupon_share_url":"//uland.taobao.com/coupon/edetail?e=y"}}
        """;

    [Fact]
    public void A_search_page_reads_ids_money_coupon_times_and_full_urls_with_or_without_list_wrappers()
    {
        foreach (var list in new[] { "{\"map_data\":[" + SearchEntry + "]}", "[" + SearchEntry + "]" })
        {
            var page = TbkAnswers.MaterialPage(Body("{\"total_results\":321,\"result_list\":" + list + "}"));
            Assert.Equal(321, page.TotalResults);
            var item = Assert.Single(page.Items);
            Assert.Equal("qYtxrMJOC8tmtM-Qq0Z65Sbbq5DqZ9", item.ItemId);
            Assert.Equal(1499.50m, item.Price);
            Assert.Equal("1499.50", item.Price!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(1399.50m, item.FinalPrice);
            Assert.Equal(6.50m, item.CommissionRate);
            Assert.Equal(90.97m, item.Commission);
            Assert.True(item.IsTmall);
            Assert.Equal(2200100037L, item.SellerId);
            Assert.Equal(100m, item.CouponAmount);
            Assert.Equal("abc123", item.CouponActivityId);
            Assert.Equal(new DateTimeOffset(2026, 12, 1, 23, 59, 59, TimeSpan.FromHours(8)), item.CouponEndTime);
            Assert.StartsWith("https://s.click.taobao.com/", item.ClickUrl);
            Assert.StartsWith("https://img.alicdn.com/", item.PictureUrl);
        }
    }

    [Fact]
    public void An_item_without_a_coupon_or_promotion_price_has_its_discount_price_as_final_price()
    {
        var item = TbkAnswers.Item(Body("""{"item_id":"a1b2c3d4e5","item_basic_info":{"title":"t","user_type":0},"price_promotion_info":{"zk_final_price":29.9},"publish_info":{}}"""));
        Assert.Equal(29.90m, item.FinalPrice);
        Assert.False(item.HasCoupon);
        Assert.False(item.IsTmall);
        Assert.Null(item.Commission);
    }

    [Fact]
    public void General_link_convert_reads_each_list_and_keeps_failed_entries_apart_with_their_input()
    {
        var batch = TbkAnswers.GeneralLinks(Body("""
            {"data":{
              "item_url_list":{"item_url_list":[
                {"input_item_id":"a1b2c3d4e5","link_info_dto":{"material_type":1,"item_id":"a1b2c3d4e5","cps_long_url":"https://s.click.taobao.com/t?e=1&itemId=a1b2c3d4e5","cps_short_url":"https://s.click.taobao.com/Ab","cps_short_tpwd":"￥Z9YdVgTDJ2C￥","coupon_long_url":"https://uland.taobao.com/coupon/edetail?e=2&itemId=a1b2c3d4e5"},
                 "coupon_info_dto":{"activity_id":"act","coupon_amount":"5"},"promotion_info_dto":{"commission_rate":"12.3"}},
                {"input_item_id":"gone000000","code":1,"msg":"商品不存在或已下架"}]},
              "shop_url_list":[{"input_shop_id":"2200100037","link_info_dto":{"material_type":2,"seller_id":"2200100037","cps_long_url":"https://s.click.taobao.com/t?e=3&sellerId=2200100037"}}]
            }}
            """));
        Assert.Equal(2, batch.Results.Count);
        var item = batch.Results[0];
        Assert.Equal(TbkMaterialType.Item, item.MaterialType);
        Assert.Equal("a1b2c3d4e5", item.ItemId);
        Assert.Equal("https://uland.taobao.com/coupon/edetail?e=2&itemId=a1b2c3d4e5", item.Url);
        Assert.Equal(5m, item.CouponAmount);
        Assert.Equal(12.30m, item.CommissionRate);
        Assert.Equal("2200100037", batch.Results[1].SellerId);
        Assert.Equal(batch.Results[1].LongUrl, batch.Results[1].Url);
        var failure = Assert.Single(batch.Failures);
        Assert.Equal("gone000000", failure.Input);
        Assert.Equal("商品不存在或已下架", failure.Message);
    }

    [Fact]
    public void A_password_answer_gives_the_password_a_share_text_and_the_item_of_the_url()
    {
        var password = TbkAnswers.Password(Body("""{"data":{"model":"￥Z9YdVgTDJ2C￥","password_simple":"￥Z9YdVgTDJ2C￥"}}"""),
            "https://s.click.taobao.com/t?e=1&itemId=a1b2c3d4e5", "好物", isPrivate: false);
        Assert.Equal("￥Z9YdVgTDJ2C￥", password.Password);
        Assert.Contains("【好物】￥Z9YdVgTDJ2C￥", password.ShareText);
        Assert.Equal("a1b2c3d4e5", password.ItemId);
        Assert.Throws<FormatException>(() => TbkAnswers.Password(Body("""{"data":{}}"""), "u", null, false));
    }

    [Fact]
    public void Promotion_times_in_epoch_milliseconds_and_coupon_dates_read_as_gmt8_instants()
    {
        var item = TbkAnswers.Item(Body("""{"item_id":"a1b2c3d4e5","price_promotion_info":{"zk_final_price":"10","final_promotion_path_list":[{"promotion_title":"商品券","promotion_fee":"3","promotion_id":"x","promotion_end_time":"1764604799000"}]}}"""));
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 23, 59, 59, TimeSpan.FromHours(8)), item.CouponEndTime);
        Assert.Equal(TimeSpan.FromHours(8), item.CouponEndTime!.Value.Offset);

        var coupon = TbkAnswers.Coupon(Body("""{"data":{"coupon_activity_id":"x","coupon_amount":"5","coupon_start_time":"2026-11-01","coupon_end_time":"2026-11-30"}}"""), null);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)), coupon.StartTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.FromHours(8)), coupon.EndTime);
        Assert.Equal(5.00m, coupon.Amount);
    }

    [Fact]
    public void A_converted_password_gives_the_callers_link_its_own_password_and_no_foreign_origin_pid()
    {
        var resolved = TbkAnswers.ConvertedPassword(Body("""
            {"data":{"origin_url":"https://s.click.taobao.com/t?e=1&pid=mm_9_9_9&itemId=a1b2c3d4e5","origin_pid":"0","num_iid":"a1b2c3d4e5","seller_id":"2200100037",
             "click_url":"https://s.click.taobao.com/t?e=2&pid=mm_1000001_2000001_3000001&itemId=a1b2c3d4e5","model":"￥NewCode1234￥","short_url":"https://m.tb.cn/h.abc"}}
            """), "input", "OldCode1234");
        Assert.Equal("a1b2c3d4e5", resolved.ItemId);
        Assert.Null(resolved.OriginPid);
        Assert.Equal("￥NewCode1234￥", resolved.NewPassword);
        Assert.Equal("https://m.tb.cn/h.abc", resolved.ShortUrl);
        Assert.Contains("mm_1000001_2000001_3000001", resolved.ClickUrl);
    }

    [Fact]
    public void Short_links_pair_with_their_urls_in_order_and_a_missing_answer_is_a_failure()
    {
        var batch = TbkAnswers.ShortLinks(Body("""{"results":{"tbk_spread":[{"content":"https://s.click.taobao.com/A","err_msg":"OK"},{"content":"","err_msg":"url非法"}]}}"""),
            new[] { "https://a", "ftp://b", "https://c" });
        Assert.Equal("https://a", Assert.Single(batch.Results).Url);
        Assert.Equal(new[] { "ftp://b", "https://c" }, batch.Failures.Select(f => f.Input));
        Assert.Equal("url非法", batch.Failures[0].Message);
    }

    [Fact]
    public void Publisher_pages_read_ids_and_times_and_the_total()
    {
        var page = TbkAnswers.PublisherPage(Body("""{"data":{"total_count":12,"inviter_list":{"map_data":[{"relation_id":2700000001,"account_name":"渠道abc","create_date":"2026-01-02 03:04:05","note":"微信群1"}]}}}"""), TbkPublisherType.Channel);
        Assert.Equal(12, page.TotalCount);
        var publisher = Assert.Single(page.Publishers);
        Assert.Equal(2700000001L, publisher.RelationId);
        Assert.Equal(TbkPublisherType.Channel, publisher.Type);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(8)), publisher.CreateDate);
    }

    [Fact]
    public void Ids_left_out_of_a_transform_answer_are_failures_naming_them()
    {
        var batch = TbkAnswers.ItemIdMaps(Body("""{"results":{"item_id_transform_d_t_o":[{"original_item_id":"600000000042","item_id":"a1b2c3d4e5"}]}}"""), new[] { "600000000042", "123456" });
        Assert.Equal("a1b2c3d4e5", Assert.Single(batch.Results).ItemId);
        Assert.Equal("123456", Assert.Single(batch.Failures).Input);
    }
}
