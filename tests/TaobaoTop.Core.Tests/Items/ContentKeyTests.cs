using TaobaoTop.Core.Items;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

/// <summary>Rows without 商家编码 are known to the journal by their content, not by where they stand in the sheet.</summary>
public sealed class ContentKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-content-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ItemDraft Draft(int rowNumber, int content) => new(new ItemRow { RowNumber = rowNumber, Title = "无编码T恤 " + content })
    {
        Title = "无编码T恤 " + content, Price = 19.90m + content, Quantity = 3, CategoryId = 50000436, Description = "纯棉短袖T恤舒适 " + content, State = "浙江", City = "杭州",
    };

    private static (List<TaobaoItemResult> Results, List<string> Warnings) Run(TopClient client, ItemJournal journal, IEnumerable<ItemDraft> drafts)
    {
        var results = new List<TaobaoItemResult>();
        var warnings = new List<string>();
        var engine = new ItemListingEngine(client, new ItemListingOptions { ThrottleLimit = 4, Warn = w => { lock (warnings) warnings.Add(w); } }, journal, (r, _) => results.Add(r));
        foreach (var draft in drafts)
        {
            engine.WaitForRoomAsync().GetAwaiter().GetResult();
            engine.Submit(draft);
        }
        engine.CompleteAsync().GetAwaiter().GetResult();
        return (results, warnings);
    }

    [Fact]
    public async Task Rerunning_a_sheet_after_deleting_a_row_adds_none_of_the_rows_without_outer_id_again()
    {
        var emulator = new TopEmulator(new EmulatorOptions { Seed = 8 });
        using var client = new TopClient(new TopClientOptions(EmulatorDefaults.DemoAppKey, new Secret(EmulatorDefaults.DemoAppSecret))
        {
            Session = new Secret(EmulatorDefaults.DemoSession), Endpoint = new Uri("http://emulator.test" + EmulatorDefaults.GatewayPath), Clock = emulator.Options.Clock, Qps = 0,
        }, emulator.CreateHandler());
        var path = Path.Combine(_folder, "content.jsonl");
        ItemApi.ReadItems(await client.InvokeAsync(ItemApi.List(onSale: true, 1, 1, null)), out var before);

        using (var journal = ItemJournal.Open(path))
        {
            var (results, warnings) = Run(client, journal, Enumerable.Range(1, 9).Select(i => Draft(i + 1, i)));
            Assert.All(results, r => Assert.Equal(TaobaoItemStatus.Added, r.Status));
            Assert.Contains("商家编码", Assert.Single(warnings));
        }
        using (var journal = ItemJournal.Open(path))
        {
            // The bad first row was deleted: every row moved up one.
            var (results, warnings) = Run(client, journal, Enumerable.Range(1, 9).Select(i => Draft(i, i)));
            Assert.All(results, r => Assert.Equal(TaobaoItemStatus.AddedEarlier, r.Status));
            Assert.Single(warnings);
        }
        ItemApi.ReadItems(await client.InvokeAsync(ItemApi.List(onSale: true, 1, 1, null)), out var after);
        Assert.Equal(before + 9, after);
    }
}
