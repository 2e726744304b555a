using System.Net;
using System.Text;
using TaobaoTop.Core.Items;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

/// <summary>item.add carried out by the gateway, but its answer cannot be read: the row is in doubt, never simply failed.</summary>
public sealed class UnreadableAnswerTests : IDisposable
{
    private readonly string _journalPath = Path.Combine(Path.GetTempPath(), "taobaotop-unreadable-" + Guid.NewGuid() + ".jsonl");

    public void Dispose()
    {
        File.Delete(_journalPath);
        File.Delete(_journalPath + ".lock");
    }

    /// <summary>Lets every call through to the emulator, then spoils the answer of every third item.add.</summary>
    private sealed class SpoilingHandler : DelegatingHandler
    {
        private readonly string _mode;
        private int _adds;

        public SpoilingHandler(string mode, HttpMessageHandler emulator) : base(emulator) => _mode = mode;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!request.RequestUri!.Query.Contains("method=taobao.item.add") || Interlocked.Increment(ref _adds) % 3 != 0) return response;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var spoiled = _mode switch
            {
                "truncated" => body[..(body.Length / 2)],
                "empty" => "",
                "html" => "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
                "created-out-of-range" => System.Text.RegularExpressions.Regex.Replace(body, "\"created\":\"[^\"]*\"", "\"created\":\"0001-01-01 00:00:00\""),
                _ => throw new ArgumentException(_mode),
            };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(spoiled, Encoding.UTF8, "application/json") };
        }
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("empty")]
    [InlineData("html")]
    [InlineData("created-out-of-range")]
    public async Task An_unreadable_answer_to_item_add_is_settled_by_outer_id_and_a_rerun_adds_nothing_twice(string mode)
    {
        var emulator = new TopEmulator(new EmulatorOptions { Seed = 5 });
        using var client = new TopClient(
            new TopClientOptions(EmulatorDefaults.DemoAppKey, new Secret(EmulatorDefaults.DemoAppSecret))
            {
                Session = new Secret(EmulatorDefaults.DemoSession),
                Endpoint = new Uri("http://emulator.test" + EmulatorDefaults.GatewayPath),
                Clock = emulator.Options.Clock,
                Qps = 0,
                RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            },
            new SpoilingHandler(mode, emulator.CreateHandler()));
        var drafts = Enumerable.Range(1, 30).Select(i => new ItemDraft(new ItemRow { RowNumber = i, OuterId = "U-" + i, Title = "T恤 " + i })
        {
            Title = "T恤 " + i, Price = 19.90m, Quantity = 3, CategoryId = 50000436, Description = "纯棉短袖T恤舒适", OuterId = "U-" + i, State = "浙江", City = "杭州",
        }).ToList();

        var first = Run(client, drafts);
        Assert.All(first, r => Assert.Equal(TaobaoItemStatus.Added, r.Status));
        Assert.All(first, r => Assert.NotNull(r.NumIid));
        var second = Run(client, drafts);
        Assert.All(second, r => Assert.Equal(TaobaoItemStatus.AddedEarlier, r.Status));

        var shop = ItemApi.ReadItems(await client.InvokeAsync(new TopRequest("taobao.items.custom.get").With("fields", "num_iid,outer_id").With("outer_id", string.Join(",", drafts.Select(d => d.OuterId)))), out _);
        Assert.Equal(30, shop.Count);
        Assert.Equal(30, shop.Select(i => i.OuterId).Distinct().Count());
    }

    private List<TaobaoItemResult> Run(TopClient client, List<ItemDraft> drafts)
    {
        var results = new List<TaobaoItemResult>();
        using var journal = ItemJournal.Open(_journalPath);
        var engine = new ItemListingEngine(client, new ItemListingOptions { ThrottleLimit = 4 }, journal, (r, _) => results.Add(r));
        foreach (var draft in drafts)
        {
            engine.WaitForRoomAsync().GetAwaiter().GetResult();
            engine.Submit(draft);
        }
        engine.CompleteAsync().GetAwaiter().GetResult();
        return results;
    }
}
