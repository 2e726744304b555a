using System.Text.Json.Nodes;

namespace TaobaoTop.Emulator.Tests.Affiliate;

/// <summary>Calls affiliate APIs through the emulator's gateway and unwraps the answer.</summary>
public sealed class AffiliateHarness : IDisposable
{
    public AffiliateHarness(int seed = 42)
    {
        Inner = new Harness(options => options.Seed = seed);
    }

    public Harness Inner { get; }

    public TestClock Clock => Inner.Clock;

    /// <summary>The body inside <c>&lt;api&gt;_response</c>; fails the test on an error answer.</summary>
    public async Task<JsonObject> Ok(string method, Dictionary<string, string>? parameters = null)
    {
        var answer = await Inner.Caller.CallAsync(method, parameters);
        return Answers.Success(answer, ResponseRoot(method));
    }

    /// <summary>The <c>error_response</c>; fails the test when the call succeeded.</summary>
    public async Task<JsonObject> Fails(string method, Dictionary<string, string>? parameters = null)
        => Answers.Error(await Inner.Caller.CallAsync(method, parameters));

    public static string ResponseRoot(string method) => method.Substring("taobao.".Length).Replace('.', '_') + "_response";

    public void Dispose() => Inner.Dispose();
}

public static class OrderWindows
{
    public static string Text(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss");

    public static Dictionary<string, string> Window(DateTimeOffset start, TimeSpan span, int pageSize = 20) => new()
    {
        ["start_time"] = Text(start),
        ["end_time"] = Text(start + span),
        ["page_size"] = pageSize.ToString(),
    };

    /// <summary>Pulls every page of one window the way the docs say: page_no+1, jump_type=1, position_index passed back.</summary>
    public static async Task<List<JsonObject>> AllPages(AffiliateHarness harness, Dictionary<string, string> query, string method = "taobao.tbk.order.details.get")
    {
        var orders = new List<JsonObject>();
        var pageNo = 1;
        string? position = null;
        while (true)
        {
            var request = new Dictionary<string, string>(query) { ["page_no"] = pageNo.ToString(), ["jump_type"] = "1" };
            if (position != null) request["position_index"] = position;
            var data = (await harness.Ok(method, request))["data"]!.AsObject();
            if (data["results"] is JsonObject results) orders.AddRange(results["publisher_order_dto"]!.AsArray().Select(o => o!.AsObject()));
            if (!(bool)data["has_next"]!) return orders;
            position = (string)data["position_index"]!;
            pageNo++;
            Assert.True(pageNo < 200, "paging does not end");
        }
    }
}
