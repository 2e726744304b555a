using System.Collections.Concurrent;
using TaobaoTop.Core.Affiliate.Orders;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;
using Xunit;

namespace TaobaoTop.Core.Tests.Affiliate;

/// <summary>The last windows of a sync are halved so their pages run side by side; every order still comes once.</summary>
public sealed class OrderSyncTailTests
{
    [Fact]
    public async Task Halved_last_windows_hand_over_every_order_once()
    {
        using var emulator = new TopEmulator(new EmulatorOptions { OrdersPerDay = 5_000 });
        using var client = EmulatorClients.For(emulator);
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.ToOffset(TopTime.Offset).Date.AddDays(-3), TopTime.Offset);

        // Three days are 24 windows, three times the workers: the last ones are taken after the first are done and the
        // density is known, whatever the timing (a single day's 8 windows could all be taken before any was done).
        async Task<(List<string> Ids, int Windows)> Sync(int concurrency)
        {
            var ids = new ConcurrentBag<string>();
            var windows = 0;
            await new TbkOrderSync(client).RunAsync(new TbkOrderQuery(start, start.AddDays(3)) { Concurrency = concurrency }, o => ids.Add(o.TradeId),
                progress: p => InterlockedMax(ref windows, p.WindowsTotal));
            return (ids.OrderBy(id => id, StringComparer.Ordinal).ToList(), windows);
        }

        var side = await Sync(8);
        var oneByOne = await Sync(1);

        Assert.True(side.Windows > oneByOne.Windows, $"{side.Windows} windows with 8 at once, {oneByOne.Windows} one by one: none was halved");
        Assert.True(oneByOne.Ids.Count > 1_000, $"{oneByOne.Ids.Count} orders");
        Assert.Equal(side.Ids.Count, side.Ids.Distinct().Count());
        Assert.Equal(oneByOne.Ids, side.Ids);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
        }
    }
}
