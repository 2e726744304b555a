using TaobaoTop.Core.Items;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;
using TaobaoTop.Tests.Items;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

/// <summary>The listing engine against the emulator in-process, with its fault knobs.</summary>
public sealed class ItemListingEngineTests : IDisposable
{
    private readonly string _journalPath = Path.Combine(Path.GetTempPath(), "taobaotop-engine-" + Guid.NewGuid() + ".jsonl");

    public void Dispose() => File.Delete(_journalPath);

    private static TopClient Client(TopEmulator emulator) => new(
        new TopClientOptions(EmulatorDefaults.DemoAppKey, new Secret(EmulatorDefaults.DemoAppSecret))
        {
            Session = new Secret(EmulatorDefaults.DemoSession),
            Endpoint = new Uri("http://emulator.test" + EmulatorDefaults.GatewayPath),
            Clock = emulator.Options.Clock,
            Qps = 0,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            // At a 20% fault rate a read gives up after 4 tries once in 600 calls, and a run makes about 50 look-ups.
            MaxRetries = 8,
        },
        emulator.CreateHandler());

    private static ItemDraft Draft(int number, string? outerId) => new(new ItemRow { RowNumber = number, OuterId = outerId, Title = "T恤 " + number })
    {
        Title = "T恤 " + number, Price = 19.90m, Quantity = 3, CategoryId = 50000436, Description = "纯棉短袖T恤舒适",
        OuterId = outerId, State = "浙江", City = "杭州",
    };

    /// <summary>
    /// A T恤 in <paramref name="colours"/> × 6 sizes (XS … XXL), stock 1, 2, 3 … and 59.00 a SKU, split as the preflight
    /// splits it: each SKU's pid:vid;pid:vid is 29 bytes, so item.add carries 17 and the rest follow.
    /// </summary>
    private static ItemDraft SkuDraft(string outerId, int colours)
    {
        var draft = Draft(1, outerId);
        for (var c = 0; c < colours; c++)
        {
            for (var size = 0; size < 6; size++)
            {
                var n = draft.Skus.Count + 1;
                draft.Skus.Add(new SkuDraft(new ItemRow { RowNumber = n + 1, OuterId = outerId })
                {
                    Properties = "1627207:" + (3020701 + c) + ";20509:" + (3050901 + size), Quantity = n, Price = 59.00m, OuterId = outerId + "-" + n, Name = c + "/" + size,
                });
            }
        }
        draft.Quantity = draft.Skus.Sum(s => s.Quantity);
        draft.Price = 59.00m;
        draft.Props = string.Join(";", draft.Skus.SelectMany(s => s.Properties.Split(';')).Distinct());
        Assert.Null(SkuSplit.Apply(draft));
        return draft;
    }

    private static async Task<List<(string OuterId, long Quantity)>> SkusOf(TopClient client, long numIid)
    {
        var item = (await client.InvokeAsync(new TopRequest("taobao.item.seller.get").With("fields", "num,sku").With("num_iid", numIid))).Body.GetProperty("item");
        return item.GetProperty("skus").GetProperty("sku").EnumerateArray().Select(s => (s.GetProperty("outer_id").GetString()!, s.GetProperty("quantity").GetInt64())).ToList();
    }

    [Fact]
    public async Task SKUs_beyond_item_add_follow_one_by_one_and_a_lost_answer_adds_none_twice()
    {
        var emulator = new TopEmulator(new EmulatorOptions { LostAnswerRate = 1 });
        using var client = Client(emulator);
        var draft = SkuDraft("SKU-30", colours: 5);
        Assert.Equal(13, draft.LaterSkus.Count);

        var (result, error) = Assert.Single(Run(client, new[] { draft }));

        Assert.Null(error);
        Assert.Equal(TaobaoItemStatus.Added, result.Status);
        Assert.Equal(13, emulator.Stats.CallsTo("taobao.item.sku.add"));
        var skus = await SkusOf(client, result.NumIid!.Value);
        Assert.Equal(Enumerable.Range(1, 30).Select(n => "SKU-30-" + n).OrderBy(o => o), skus.Select(s => s.OuterId).OrderBy(o => o));
        Assert.Equal(draft.Quantity, skus.Sum(s => s.Quantity));
    }

    [Fact]
    public void Without_a_journal_a_SKU_not_added_is_reported_with_the_way_to_add_it_by_hand()
    {
        // The quota runs out after the add: 1 item.add, then the first sku.add is refused.
        var emulator = new TopEmulator(new EmulatorOptions { DailyQuota = 2 });
        using var client = Client(emulator);
        var (result, error) = Assert.Single(Run(client, new[] { SkuDraft("SKU-18", colours: 3) }));
        Assert.Equal(TaobaoItemStatus.Failed, result.Status);
        Assert.NotNull(result.NumIid);
        Assert.EndsWith("A run without a journal cannot add them later: add each with taobao.item.sku.add (Invoke-TaobaoApi).", error!.Message);
    }

    [Fact]
    public async Task A_rerun_with_the_journal_settles_SKUs_left_in_doubt_on_the_item_and_adds_the_rest()
    {
        var emulator = new TopEmulator(new EmulatorOptions { LostAnswerRate = 1 });
        using var client = Client(emulator);
        (TaobaoItemResult Result, Exception? Error) first;
        using (var journal = ItemJournal.Open(_journalPath))
        {
            var options = new ItemListingOptions { MaxAttempts = 1 };
            var results = new List<(TaobaoItemResult, Exception?)>();
            var engine = new ItemListingEngine(client, options, journal, (r, e) => results.Add((r, e)));
            await engine.WaitForRoomAsync();
            engine.Submit(SkuDraft("SKU-24", colours: 4));
            await engine.CompleteAsync();
            first = Assert.Single(results);
        }
        // Each answer lost and no second attempt allowed: the item is in, its 7 later SKUs in doubt, the row failed naming them.
        Assert.Equal(TaobaoItemStatus.Failed, first.Result.Status);
        Assert.StartsWith("row 1 (商家编码 SKU-24): item " + first.Result.NumIid + " is in the shop, but 7 of its 24 SKUs were not added: 2/5: ", first.Error!.Message);
        Assert.EndsWith("; and 4 more. Run again with the same journal to add them.", first.Error.Message);
        Assert.Equal(7, emulator.Stats.CallsTo("taobao.item.sku.add"));

        emulator.Options.LostAnswerRate = 0;
        using (var journal = ItemJournal.Open(_journalPath))
        {
            var (result, error) = Assert.Single(Run(client, new[] { SkuDraft("SKU-24", colours: 4) }, journal));
            Assert.Null(error);
            Assert.Equal(TaobaoItemStatus.AddedEarlier, result.Status);
            Assert.Equal(first.Result.NumIid, result.NumIid);
        }
        Assert.Equal(7, emulator.Stats.CallsTo("taobao.item.sku.add"));
        Assert.Equal(24, (await SkusOf(client, first.Result.NumIid!.Value)).Count);
    }

    private static List<(TaobaoItemResult Result, Exception? Error)> Run(TopClient client, IEnumerable<ItemDraft> drafts, ItemJournal? journal = null, bool allowDuplicateOuterId = false, List<string>? log = null)
    {
        var results = new List<(TaobaoItemResult, Exception?)>();
        var options = new ItemListingOptions { ThrottleLimit = 16, AllowDuplicateOuterId = allowDuplicateOuterId };
        if (log != null) options.Log = message => { lock (log) log.Add(message); };
        var engine = new ItemListingEngine(client, options, journal, (r, e) => results.Add((r, e)));
        foreach (var draft in drafts)
        {
            engine.WaitForRoomAsync().GetAwaiter().GetResult();
            engine.Submit(draft);
        }
        engine.CompleteAsync().GetAwaiter().GetResult();
        return results;
    }

    private static async Task<List<TaobaoItem>> ByOuterId(TopClient client, string outerId)
    {
        var options = new TopRequest("taobao.items.custom.get").With("fields", "num_iid,outer_id").With("outer_id", outerId);
        return ItemApi.ReadItems(await client.InvokeAsync(options), out _);
    }

    private static async Task<long> OnSaleCount(TopClient client)
    {
        ItemApi.ReadItems(await client.InvokeAsync(ItemApi.List(onSale: true, 1, 1, null)), out var total);
        return total;
    }

    [Fact]
    public async Task Rows_through_transient_faults_and_lost_answers_end_as_one_item_each_handed_back_in_order()
    {
        var emulator = new TopEmulator(new EmulatorOptions { Seed = 3, IspErrorRate = 0.05, Http502Rate = 0.05, Http503Rate = 0.05, DropConnectionRate = 0.05, LostAnswerRate = 0.1 });
        using var client = Client(emulator);
        var results = Run(client, Enumerable.Range(1, 400).Select(i => Draft(i, "E-" + i)));

        Assert.Equal(Enumerable.Range(1, 400), results.Select(r => r.Result.RowNumber));
        Assert.All(results, r => Assert.Equal(TaobaoItemStatus.Added, r.Result.Status));
        Assert.Contains(results, r => r.Result.Attempts > 1);
        Assert.True(emulator.Stats.Faults(FaultKinds.LostAnswer) > 10, "the lost-answer path was exercised");
        emulator.Options.IspErrorRate = emulator.Options.Http502Rate = emulator.Options.Http503Rate = emulator.Options.DropConnectionRate = 0;
        var items = new List<TaobaoItem>();
        for (var i = 1; i <= 400; i += 40) items.AddRange(await ByOuterId(client, string.Join(",", Enumerable.Range(i, 40).Select(n => "E-" + n))));
        Assert.Equal(400, items.Count);
        Assert.Equal(results.Select(r => r.Result.NumIid!.Value).OrderBy(n => n), items.Select(i => i.NumIid).OrderBy(n => n));
    }

    [Fact]
    public void Lost_answers_to_the_pictures_and_the_add_upload_and_add_nothing_twice()
    {
        var emulator = new TopEmulator(new EmulatorOptions { LostAnswerRate = 1 });
        using var client = Client(emulator);
        var folder = Directory.CreateTempSubdirectory("taobaotop-lost-pictures-").FullName;
        try
        {
            var draft = Draft(1, "LOST-PIC");
            draft.PictureFile = TestPictures.WritePng(folder, "main.png", 800, 800);
            draft.ExtraPictures.Add((1, PictureSource.FromFile(TestPictures.WritePng(folder, "more.png", 801, 800))));
            var result = Assert.Single(Run(client, new[] { draft })).Result;
            Assert.Equal(TaobaoItemStatus.Added, result.Status);
            Assert.Equal(1, emulator.Stats.CallsTo("taobao.picture.upload"));
            Assert.Equal(1, emulator.Stats.CallsTo("taobao.item.img.upload"));
            Assert.Equal(1, emulator.Stats.CallsTo("taobao.item.add"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_lost_answer_for_a_row_with_an_outer_id_is_settled_by_looking_it_up_not_by_sending_it_again()
    {
        var emulator = new TopEmulator(new EmulatorOptions { LostAnswerRate = 1 });
        using var client = Client(emulator);
        var log = new List<string>();
        var result = Assert.Single(Run(client, new[] { Draft(1, "LOST-1") }, log: log)).Result;
        Assert.Equal(TaobaoItemStatus.Added, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.StartsWith("row 1 (商家编码 LOST-1): item.add got no answer (", Assert.Single(log));
        Assert.EndsWith("looked up by outer_id, it was carried out: item " + result.NumIid, log[0]);
        var item = Assert.Single(await ByOuterId(client, "LOST-1"));
        Assert.Equal(item.NumIid, result.NumIid);
    }

    [Fact]
    public async Task A_lost_answer_for_a_row_without_an_outer_id_is_reported_and_never_sent_twice()
    {
        var emulator = new TopEmulator(new EmulatorOptions { LostAnswerRate = 1 });
        using var client = Client(emulator);
        var before = await OnSaleCount(client);
        var (result, error) = Assert.Single(Run(client, new[] { Draft(1, null) }));
        Assert.Equal(TaobaoItemStatus.Failed, result.Status);
        Assert.Contains("may have been carried out; without an outer_id", error!.Message);
        Assert.Equal(1, emulator.Stats.CallsTo("taobao.item.add"));
        Assert.Equal(before + 1, await OnSaleCount(client));
    }

    [Fact]
    public async Task A_restart_finds_the_item_a_stopped_run_sent_and_does_not_add_it_again()
    {
        var emulator = new TopEmulator();
        using var client = Client(emulator);
        // The stopped run: it journaled the send, the item was created, the answer never came back.
        using (var journal = ItemJournal.Open(_journalPath))
        {
            journal.Record(new ItemJournalEntry { Key = "outer_id:R-1", Status = ItemJournal.Sending, Existing = Array.Empty<long>() });
            journal.Record(new ItemJournalEntry { Key = "outer_id:R-2", Status = "Added", NumIid = 42 });
        }
        var created = ItemApi.ReadItem(await client.InvokeAsync(ItemApi.Add(Draft(1, "R-1"), null)));

        using (var journal = ItemJournal.Open(_journalPath))
        {
            var results = Run(client, new[] { Draft(1, "R-1"), Draft(2, "R-2"), Draft(3, "R-3") }, journal);
            Assert.Equal(new[] { TaobaoItemStatus.Added, TaobaoItemStatus.AddedEarlier, TaobaoItemStatus.Added }, results.Select(r => r.Result.Status));
            Assert.Equal(created.NumIid, results[0].Result.NumIid);
            Assert.Equal(0, results[0].Result.Attempts);
            Assert.Equal(42, results[1].Result.NumIid);
        }
        Assert.Single(await ByOuterId(client, "R-1"));
        Assert.Empty(await ByOuterId(client, "R-2"));
        Assert.Equal(2, emulator.Stats.CallsTo("taobao.item.add"));
    }

    [Fact]
    public async Task By_default_an_outer_id_already_in_the_shop_is_skipped_with_the_existing_item_and_a_repeated_one_is_refused()
    {
        var emulator = new TopEmulator();
        using var client = Client(emulator);
        var existing = Assert.Single(await ByOuterId(client, "DEMO-0002"));
        var results = Run(client, new[] { Draft(1, "DEMO-0002"), Draft(2, "S-1"), Draft(3, "S-1") });

        Assert.Equal(new[] { TaobaoItemStatus.Skipped, TaobaoItemStatus.Added, TaobaoItemStatus.Invalid }, results.Select(r => r.Result.Status));
        Assert.Equal(existing.NumIid, results[0].Result.NumIid);
        Assert.Contains("'S-1' repeats row 2", results[2].Error!.Message);
        Assert.Single(await ByOuterId(client, "DEMO-0002"));
        Assert.Single(await ByOuterId(client, "S-1"));
    }

    [Fact]
    public async Task AllowDuplicateOuterId_adds_an_item_whose_outer_id_is_already_in_the_shop()
    {
        var emulator = new TopEmulator();
        using var client = Client(emulator);
        var results = Run(client, new[] { Draft(1, "DEMO-0002") }, allowDuplicateOuterId: true);

        Assert.Equal(TaobaoItemStatus.Added, Assert.Single(results).Result.Status);
        Assert.Equal(2, (await ByOuterId(client, "DEMO-0002")).Count());
    }

    [Fact]
    public void A_refused_row_fails_with_the_gateways_reason_and_the_rows_after_it_go_on()
    {
        var emulator = new TopEmulator();
        using var client = Client(emulator);
        var refused = Draft(1, "X-1");
        refused.CategoryId = 16;
        var results = Run(client, new[] { refused, Draft(2, "X-2") });
        Assert.Equal(new[] { TaobaoItemStatus.Failed, TaobaoItemStatus.Added }, results.Select(r => r.Result.Status));
        Assert.Contains("is not a leaf category", results[0].Error!.Message);
        Assert.StartsWith("row 1 (商家编码 X-1): ", results[0].Error!.Message);
    }
}
