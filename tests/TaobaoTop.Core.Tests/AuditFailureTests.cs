using TaobaoTop.Core.Items;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;
using Xunit;

namespace TaobaoTop.Core.Tests;

/// <summary>An audit log that cannot be written never changes what a call did.</summary>
public sealed class AuditFailureTests
{
    private static TopClient Client(TopEmulator emulator, string auditPath) => new(
        new TopClientOptions(EmulatorDefaults.DemoAppKey, new Secret(EmulatorDefaults.DemoAppSecret))
        {
            Session = new Secret(EmulatorDefaults.DemoSession),
            Endpoint = new Uri("http://emulator.test" + EmulatorDefaults.GatewayPath),
            Clock = emulator.Options.Clock,
            Qps = 0,
            AuditLogPath = auditPath,
        },
        emulator.CreateHandler());

    private static string Unwritable() => Path.Combine(Path.GetTempPath(), "taobaotop-no-such-folder-" + Guid.NewGuid().ToString("N"), "audit.jsonl");

    [Fact]
    public async Task Calls_keep_their_outcome_and_the_audit_failure_is_reported_once()
    {
        var emulator = new TopEmulator(new EmulatorOptions { Seed = 1 });
        using var client = Client(emulator, Unwritable());
        var events = new List<TopCallEvent>();

        for (var i = 0; i < 3; i++)
        {
            var response = await client.InvokeAsync(ItemApi.List(onSale: true, 1, 5, null), e => { lock (events) events.Add(e); });
            Assert.NotNull(response.RequestId);
        }

        var failed = Assert.Single(events, e => e.Kind == CallEventKind.AuditFailed);
        Assert.Contains("audit.jsonl", failed.ToString());
        Assert.DoesNotContain(events, e => e.Kind == CallEventKind.Failed);
    }

    [Fact]
    public async Task Rows_added_while_the_audit_log_cannot_be_written_are_journaled_added()
    {
        var emulator = new TopEmulator(new EmulatorOptions { Seed = 2 });
        using var client = Client(emulator, Unwritable());
        var results = new List<TaobaoItemResult>();
        var engine = new ItemListingEngine(client, new ItemListingOptions { ThrottleLimit = 8 }, null, (r, _) => results.Add(r));
        for (var i = 1; i <= 50; i++)
        {
            await engine.WaitForRoomAsync();
            engine.Submit(new ItemDraft(new ItemRow { RowNumber = i, OuterId = "A-" + i, Title = "T恤 " + i })
            {
                Title = "T恤 " + i, Price = 19.90m, Quantity = 3, CategoryId = 50000436, Description = "纯棉短袖T恤舒适", OuterId = "A-" + i, State = "浙江", City = "杭州",
            });
        }
        await engine.CompleteAsync();
        Assert.All(results, r => Assert.Equal(TaobaoItemStatus.Added, r.Status));
    }
}
