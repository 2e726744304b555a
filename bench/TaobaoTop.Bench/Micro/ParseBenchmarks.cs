using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Affiliate.Orders;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Bench.Micro;

/// <summary>
/// The emulator's own answers as the transport hands them over (bytes), parsed the way the cmdlets parse them; the
/// reference is the JSON parse alone.
/// </summary>
public class ParseBenchmarks
{
    private byte[] _material = null!;
    private byte[] _details = null!;
    private byte[] _orders = null!;

    [GlobalSetup]
    public void Setup()
    {
        var answers = CapturedAnswers.Instance;
        _material = Encoding.UTF8.GetBytes(answers.MaterialSearch);
        _details = Encoding.UTF8.GetBytes(answers.ItemDetails);
        _orders = Encoding.UTF8.GetBytes(answers.OrderPage);
    }

    /// <summary>Find-TbkItem's path: the answer checked and its items read straight from the bytes.</summary>
    [Benchmark]
    public int MaterialSearchToItems()
    {
        var response = TopResponseParser.Parse(CapturedAnswers.MaterialMethod, _material, answerReader: TbkMaterialPages.NewReader);
        return TbkMaterialPages.Read(response).Items.Count;
    }

    /// <summary>The path before: the answer's document, cloned, read field by field through JsonFields.</summary>
    [Benchmark]
    public int MaterialSearchThroughDocument()
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

    /// <summary>Get-TbkItem's path: the answer checked and its items read straight from the bytes.</summary>
    [Benchmark]
    public int ItemDetailsToItems()
    {
        var response = TopResponseParser.Parse(CapturedAnswers.DetailsMethod, _details, answerReader: TbkItemDetails.NewReader);
        return TbkItemDetails.Read(response).Count;
    }

    /// <summary>The path before: the answer's document, cloned, read field by field through JsonFields.</summary>
    [Benchmark]
    public int ItemDetailsThroughDocument()
    {
        var response = TopResponseParser.Parse(CapturedAnswers.DetailsMethod, _details);
        return TbkAnswers.ItemDetails(response.Body).Count;
    }

    [Benchmark]
    public JsonValueKind ItemDetailsJsonOnly()
    {
        using var document = JsonDocument.Parse(_details);
        return document.RootElement.ValueKind;
    }

    /// <summary>The order sync's path: the answer checked and its page read straight from the bytes.</summary>
    [Benchmark]
    public int OrderPageToOrders()
    {
        var response = TopResponseParser.Parse(CapturedAnswers.OrderMethod, _orders, answerReader: TbkOrderPage.NewReader);
        return TbkOrderPage.Read(response).Orders.Count;
    }

    /// <summary>The path before: the answer's document, cloned, read field by field through JsonFields.</summary>
    [Benchmark]
    public int OrderPageThroughDocument()
    {
        var response = TopResponseParser.Parse(CapturedAnswers.OrderMethod, _orders);
        return TbkOrderPage.FromBody(response.Body).Orders.Count;
    }

    [Benchmark]
    public JsonValueKind OrderPageJsonOnly()
    {
        using var document = JsonDocument.Parse(_orders);
        return document.RootElement.ValueKind;
    }
}
