using TaobaoTop.Core.Items;
using TaobaoTop.Core.Protocol;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

/// <summary>Requests the emulator does not model (SKUs), checked against a scripted gateway.</summary>
public class ItemApiTests
{
    [Fact]
    public async Task A_SKU_price_goes_to_item_sku_price_update_named_by_its_properties_with_two_decimals()
    {
        var gateway = new ScriptedGateway().Answer("""{"item_sku_price_update_response":{"sku":{"num_iid":700000000000000003,"modified":"2026-11-23 20:00:00"},"request_id":"r1"}}""");
        using var client = new TopClient(new TopClientOptions("12345678", new Secret("app-secret-value"))
        {
            Endpoint = new Uri("http://gateway.test/router/rest"),
            Session = new Secret("session-value"),
            Qps = 0,
        }, gateway);

        var item = ItemApi.ReadItem(await client.InvokeAsync(ItemApi.SkuPriceUpdate(700000000000000003, "1627207:28341;20509:28314", 59.9m)));

        var sent = Assert.Single(gateway.Received);
        Assert.Equal("taobao.item.sku.price.update", sent.Query["method"]);
        Assert.Equal("700000000000000003", sent.Form["num_iid"]);
        Assert.Equal("1627207:28341;20509:28314", sent.Form["properties"]);
        Assert.Equal("59.90", sent.Form["price"]);
        Assert.Equal(700000000000000003, item.NumIid);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.FromHours(8)), item.Modified);
    }
}
