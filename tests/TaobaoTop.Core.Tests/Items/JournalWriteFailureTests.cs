using TaobaoTop.Core.Items;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

/// <summary>A journal that stops taking writes (a full disk) stops the run with an error; it never hangs it.</summary>
public sealed class JournalWriteFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-full-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A disk that fills up after so many writes.</summary>
    private sealed class FillingStream : Stream
    {
        private readonly Stream _inner;
        private int _writesLeft;

        public FillingStream(Stream inner, int writes)
        {
            _inner = inner;
            _writesLeft = writes;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Interlocked.Decrement(ref _writesLeft) < 0) throw new IOException("No space left on device");
            _inner.Write(buffer, offset, count);
        }

        public override void Flush() => _inner.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _inner.Length;
        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private static ItemDraft Draft(int i) => new(new ItemRow { RowNumber = i, OuterId = "F-" + i, Title = "T恤 " + i })
    {
        Title = "T恤 " + i, Price = 19.90m, Quantity = 3, CategoryId = 50000436, Description = "纯棉短袖T恤舒适", OuterId = "F-" + i, State = "浙江", City = "杭州",
    };

    private static List<TaobaoItemResult> Run(TopClient client, ItemJournal journal, int rows)
    {
        var results = new List<TaobaoItemResult>();
        var engine = new ItemListingEngine(client, new ItemListingOptions { ThrottleLimit = 8 }, journal, (r, _) => results.Add(r));
        for (var i = 1; i <= rows; i++)
        {
            engine.WaitForRoomAsync().GetAwaiter().GetResult();
            engine.Submit(Draft(i));
        }
        engine.CompleteAsync().GetAwaiter().GetResult();
        return results;
    }

    [Fact]
    public async Task A_full_disk_under_the_journal_stops_the_run_with_an_error_and_a_rerun_adds_nothing_twice()
    {
        var emulator = new TopEmulator(new EmulatorOptions { Seed = 4 });
        using var client = new TopClient(
            new TopClientOptions(EmulatorDefaults.DemoAppKey, new Secret(EmulatorDefaults.DemoAppSecret))
            {
                Session = new Secret(EmulatorDefaults.DemoSession),
                Endpoint = new Uri("http://emulator.test" + EmulatorDefaults.GatewayPath),
                Clock = emulator.Options.Clock,
                Qps = 0,
            },
            emulator.CreateHandler());
        var path = Path.Combine(_folder, "full.jsonl");

        var run = Task.Run(() =>
        {
            using var journal = ItemJournal.Open(path, stream => new FillingStream(stream, writes: 60));
            return Run(client, journal, 200);
        });
        var stopped = await Assert.ThrowsAsync<ItemJournalWriteException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(path, stopped.Message);
        Assert.Contains("No space left on device", stopped.Message);
        Assert.Matches("Row \\d+ \\(商家编码 F-\\d+\\)", stopped.Message);

        using (var journal = ItemJournal.Open(path))
        {
            var rerun = Run(client, journal, 200);
            Assert.All(rerun, r => Assert.Contains(r.Status, new[] { TaobaoItemStatus.Added, TaobaoItemStatus.AddedEarlier }));
        }
        var shop = new List<TaobaoItem>();
        for (var i = 1; i <= 200; i += 40)
        {
            var request = new TopRequest("taobao.items.custom.get").With("fields", "num_iid,outer_id").With("outer_id", string.Join(",", Enumerable.Range(i, 40).Select(n => "F-" + n)));
            shop.AddRange(ItemApi.ReadItems(await client.InvokeAsync(request), out _));
        }
        Assert.Equal(200, shop.Count);
        Assert.Equal(200, shop.Select(s => s.OuterId).Distinct().Count());
    }
}
