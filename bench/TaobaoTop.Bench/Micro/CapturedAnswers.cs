using TaobaoTop.Core;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;
using TaobaoTop.Emulator.Affiliate;

namespace TaobaoTop.Bench.Micro;

/// <summary>A 100-item material search, the details of 20 of its items and a 100-order page, answered once by an in-process emulator.</summary>
public sealed class CapturedAnswers
{
    public const string MaterialMethod = "taobao.tbk.dg.material.optional.upgrade";
    public const string OrderMethod = "taobao.tbk.order.details.get";
    public const string DetailsMethod = "taobao.tbk.item.info.upgrade.get";
    private const int PageSize = 100;

    /// <summary>The most ids taobao.tbk.item.info.upgrade.get takes in one call.</summary>
    public const int DetailsSize = 20;

    private static readonly Lazy<CapturedAnswers> Captured = new(Capture);

    private CapturedAnswers(string materialSearch, string itemDetails, string orderPage)
    {
        MaterialSearch = materialSearch;
        ItemDetails = itemDetails;
        OrderPage = orderPage;
    }

    public static CapturedAnswers Instance => Captured.Value;

    public string MaterialSearch { get; }

    public string ItemDetails { get; }

    public string OrderPage { get; }

    private static CapturedAnswers Capture()
    {
        // Dense enough that one 3-hour evening window holds a full page.
        var density = AffiliateModule.DefaultOrdersPerDay;
        AffiliateModule.DefaultOrdersPerDay = 5_000;
        try
        {
            using var emulator = new TopEmulator();
            var options = new TopClientOptions(EmulatorDefaults.DemoAppKey, new Secret(EmulatorDefaults.DemoAppSecret))
            {
                Session = new Secret(EmulatorDefaults.DemoSession),
                Endpoint = new Uri("http://emulator.invalid" + EmulatorDefaults.GatewayPath),
                Qps = 0,
            };
            using var client = new TopClient(options, emulator.CreateHandler());
            var material = client.InvokeAsync(new TopRequest(MaterialMethod)
                .With("adzone_id", EmulatorDefaults.DemoAdzoneId).With("q", "女装").With("page_no", 1).With("page_size", PageSize)).GetAwaiter().GetResult();
            var evening = DateTimeOffset.UtcNow.ToOffset(TopTime.Offset).Date.AddDays(-1).AddHours(20);
            var orders = client.InvokeAsync(new TopRequest(OrderMethod)
                .With("start_time", evening).With("end_time", evening.AddHours(3)).With("query_type", 2)
                .With("page_no", 1).With("page_size", PageSize)).GetAwaiter().GetResult();
            var found = TbkAnswers.MaterialPage(material.Body).Items;
            var details = client.InvokeAsync(TbkApi.ItemDetails(found.Take(DetailsSize).Select(item => item.ItemId), detailed: false)).GetAwaiter().GetResult();
            var detailed = TbkAnswers.ItemDetails(details.Body).Count;
            var dtos = orders.Body.Child("data").Child("results").Items().Count();
            if (found.Count < PageSize || dtos < PageSize || detailed < DetailsSize)
                throw new InvalidOperationException($"The emulator answered {found.Count} items, {detailed} item details and {dtos} orders, not full pages of {PageSize} ({DetailsSize} details).");
            return new CapturedAnswers(material.RawJson, details.RawJson, orders.RawJson);
        }
        finally
        {
            AffiliateModule.DefaultOrdersPerDay = density;
        }
    }
}
