using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Bench.Micro;

/// <summary>The emulator's own answers, parsed the way the cmdlets parse them; the reference is the JSON parse alone.</summary>
public class ParseBenchmarks
{
    private string _material = null!;
    private string _orders = null!;

    [GlobalSetup]
    public void Setup()
    {
        var answers = CapturedAnswers.Instance;
        _material = answers.MaterialSearch;
        _orders = answers.OrderPage;
    }

    [Benchmark]
    public int MaterialSearchToItems()
    {
        var response = TopResponseParser.Parse(CapturedAnswers.MaterialMethod, _material);
        return TbkAnswers.MaterialPage(response.Body).Items.Count;
    }

    [Benchmark]
    public JsonValueKind MaterialSearchJsonOnly()
    {
        using var document = JsonDocument.Parse(_material);
        return document.RootElement.ValueKind;
    }

    [Benchmark]
    public int OrderPageToOrders()
    {
        var response = TopResponseParser.Parse(CapturedAnswers.OrderMethod, _orders);
        var count = 0;
        foreach (var dto in response.Body.Child("data").Child("results").Items())
        {
            if (TbkOrder.FromJson(dto).TradeId.Length > 0) count++;
        }
        return count;
    }

    [Benchmark]
    public JsonValueKind OrderPageJsonOnly()
    {
        using var document = JsonDocument.Parse(_orders);
        return document.RootElement.ValueKind;
    }
}
