using System.Text;
using TaobaoTop.Core.Affiliate.Orders;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;
using TaobaoTop.Emulator.Affiliate;
using Xunit;

namespace TaobaoTop.Core.Tests.Affiliate;

/// <summary>
/// Order pages read straight from the answer's bytes give the same orders, property by property, as the parsed
/// document read through JsonFields (what the order sync did before).
/// </summary>
public sealed class OrderPageBytesTests
{
    private const string Method = "taobao.tbk.order.details.get";

    private static void AssertSameOrders(TopResponse response)
    {
        Assert.NotNull(response.Model);
        AssertSameAsDocument(response);
    }

    private static void AssertSameAsDocument(TopResponse response)
    {
        var fromDocument = TbkOrderPage.FromBody(response.Body);
        var fromBytes = TbkOrderPage.Read(response);

        Assert.Equal(fromDocument.HasNext, fromBytes.HasNext);
        Assert.Equal(fromDocument.PositionIndex, fromBytes.PositionIndex);
        Assert.Equal(fromDocument.Orders.Count, fromBytes.Orders.Count);
        for (var i = 0; i < fromDocument.Orders.Count; i++)
        {
            foreach (var property in typeof(TbkOrder).GetProperties())
            {
                var expected = property.GetValue(fromDocument.Orders[i]);
                var actual = property.GetValue(fromBytes.Orders[i]);
                Assert.True(Equals(expected, actual), $"order {i} {property.Name}: {expected} from the document, {actual} from the bytes");
                // 1499.5 and 1499.50 are equal decimals but print differently: money keeps its two places either way.
                if (expected is decimal money) Assert.Equal(money.ToString(System.Globalization.CultureInfo.InvariantCulture), ((decimal)actual!).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public async Task Full_pages_of_the_emulator_read_the_same_from_bytes()
    {
        using var emulator = new TopEmulator(new EmulatorOptions { OrdersPerDay = 5_000 });
        using var client = EmulatorClients.For(emulator);
        var evening = DateTimeOffset.UtcNow.ToOffset(TopTime.Offset).Date.AddDays(-1).AddHours(20);
        foreach (var queryType in new[] { 1, 2, 3, 4 })
        {
            var request = new TopRequest(Method) { AnswerReader = TbkOrderPage.NewReader }
                .With("start_time", evening).With("end_time", evening.AddHours(3)).With("query_type", queryType)
                .With("page_no", 1).With("page_size", 100);
            var response = await client.InvokeAsync(request);

            Assert.NotEmpty(TbkOrderPage.Read(response).Orders);
            AssertSameOrders(response);
        }
    }

    [Theory]
    // Numbers as strings and strings as numbers, empty text, epoch milliseconds, a bare date, 1/0 and true/false.
    [InlineData("""{"trade_id":"1","tk_status":"12","item_num":2,"item_price":"1499.5","alipay_total_price":99.9,"tk_total_rate":"4.50","adzone_id":"","relation_id":123,"refund_tag":"1","click_time":"2026-11-30 10:00:00","tk_create_time":1764468000000,"tk_paid_time":"2026-11-30","modified_time":""}""")]
    // Fields that are objects, arrays or null; unknown fields (with nested objects); escaped text.
    [InlineData("""{"trade_id":12345678901234567,"item_title":"\u7eaf\u68c9 \"T\u6064\"","seller_nick":null,"site_name":{"a":1},"pub_id":[1,2],"extra":{"deep":[{"x":1}]},"tk_order_role":true,"item_num":"2.5"}""")]
    // Plain forms read from the bytes and their neighbours that are not: signs, leading zeros, points, overflow, bad dates.
    [InlineData("""{"trade_id":"3","tk_status":"+12","item_num":"007","item_price":"-0.50","pay_price":".5","pub_share_fee":"5.","tk_total_rate":"1.2.3","adzone_id":"99999999999999999999","site_id":"-","pub_id":"12 ","relation_id":"1e3","special_id":-7,"tk_order_role":"2147483648","refund_tag":2}""")]
    [InlineData("""{"trade_id":"4","click_time":"2026-02-30 10:00:00","tk_create_time":"2026-11-30 24:00:00","tk_paid_time":"2026-11-30T10:00:00","tk_earning_time":"2026-11-30 10:00:0x","modified_time":"2026-11-30 10:00:00 "}""")]
    [InlineData("""{"trade_id":"5","item_price":"1,499.50","alipay_total_price":"123456789012345678.5","tk_total_rate":"0.000","click_time":"\u0032026-11-30 10:00:00","item_num":"1\u0032"}""")]
    // Texts repeated across orders, once escaped, beside others that differ: each order keeps its own.
    [InlineData("""{"trade_id":"6","seller_nick":"小店","order_type":"天猫","site_name":""},{"trade_id":"7","seller_nick":"\u5c0f\u5e97","order_type":"天猫","site_name":"站"},{"trade_id":"8","seller_nick":"小店2","order_type":"淘宝","site_name":"站"}""")]
    // A repeated field: the last one counts.
    [InlineData("""{"trade_id":"1","trade_id":"2","item_price":"1.00","item_price":{}}""")]
    public void Odd_fields_read_by_the_same_lenient_rules(string order)
    {
        var body = """{"tbk_order_details_get_response":{"data":{"has_next":"1","position_index":"abc","results":{"publisher_order_dto":[""" + order + """,{}]},"page_no":1},"request_id":"r1"}}""";

        AssertSameOrders(TopResponseParser.Parse(Method, Encoding.UTF8.GetBytes(body), answerReader: TbkOrderPage.NewReader));
    }

    [Theory]
    // A page without data, and data repeated (the last counts).
    [InlineData("""{"tbk_order_details_get_response":{"request_id":"r3"}}""")]
    [InlineData("""{"tbk_order_details_get_response":{"data":{"has_next":true,"results":{"publisher_order_dto":[{"trade_id":"8"}]}},"data":{"results":[{"trade_id":"9"}]}}}""")]
    public void Other_shapes_of_the_page_read_the_same(string body)
    {
        AssertSameOrders(TopResponseParser.Parse(Method, Encoding.UTF8.GetBytes(body), answerReader: TbkOrderPage.NewReader));
    }

    [Theory]
    // simplify=true: no wrapper, results a bare array.
    [InlineData("""{"data":{"has_next":false,"results":[{"trade_id":"7","tk_status":3}]},"request_id":"r2"}""")]
    // Another root than the catalog's for the API first: the catalog's root is the page.
    [InlineData("""{"tbk_sc_order_details_get_response":{"data":{"results":[{"trade_id":"10"}]}},"tbk_order_details_get_response":{"data":{"results":[{"trade_id":"11"}]}}}""")]
    public void Answers_of_another_shape_are_read_from_their_body(string body)
    {
        var response = TopResponseParser.Parse(Method, Encoding.UTF8.GetBytes(body), answerReader: TbkOrderPage.NewReader);

        Assert.Null(response.Model);
        AssertSameAsDocument(response);
        Assert.Single(TbkOrderPage.Read(response).Orders);
    }
}
