using TaobaoTop.Core.Pipeline;
using Xunit;

namespace TaobaoTop.Core.Tests;

/// <summary>
/// Calls in flight follow the pace and the gateway's recent latency. Time is faked: latencies come from call events
/// whose elapsed times the test chooses, so nothing here waits on a real clock.
/// </summary>
public sealed class CallConcurrencyTests
{
    /// <summary>Reports one call that was on the wire for <paramref name="latency"/>, as the pipeline does.</summary>
    private static void Call(CallConcurrency concurrency, TimeSpan latency)
    {
        var watch = concurrency.Watch(null);
        var sent = TimeSpan.FromSeconds(3);
        watch(new TopCallEvent(CallEventKind.Sending, "taobao.item.add", 1, sent));
        watch(new TopCallEvent(CallEventKind.Succeeded, "taobao.item.add", 1, sent + latency));
    }

    private static void Calls(CallConcurrency concurrency, int count, int milliseconds)
    {
        for (var i = 0; i < count; i++) Call(concurrency, TimeSpan.FromMilliseconds(milliseconds));
    }

    [Fact]
    public void Calls_in_flight_grow_with_the_latency_to_keep_the_pace_full()
    {
        var concurrency = new CallConcurrency(() => 40, cap: 64);

        Calls(concurrency, 64, 50);
        var fast = concurrency.Limit;
        Calls(concurrency, 64, 400);

        // 40/s × 50 ms = 2 calls in flight; × 400 ms = 16; each with headroom for the slower tenth of calls.
        Assert.InRange(fast, 3, 6);
        Assert.InRange(concurrency.Limit, 17, 30);
        Assert.Equal(TimeSpan.FromMilliseconds(400), concurrency.RecentLatency);
    }

    [Fact]
    public void Calls_in_flight_shrink_when_the_gateway_speeds_up_again()
    {
        var concurrency = new CallConcurrency(() => 40, cap: 64);
        Calls(concurrency, 64, 400);
        var slow = concurrency.Limit;

        Calls(concurrency, 64, 50);

        Assert.True(concurrency.Limit < slow / 3, $"{concurrency.Limit} in flight at 50 ms after {slow} at 400 ms");
    }

    [Fact]
    public void The_slower_tenth_of_calls_sets_the_limit_not_the_average()
    {
        var concurrency = new CallConcurrency(() => 40, cap: 64);
        // 80% of calls at 50 ms, 20% at 400 ms: the mean (120 ms) would leave the pacer idle behind the slow ones.
        for (var i = 0; i < 64; i++) Call(concurrency, TimeSpan.FromMilliseconds(i % 5 == 0 ? 400 : 50));

        Assert.Equal(TimeSpan.FromMilliseconds(400), concurrency.RecentLatency);
    }

    [Fact]
    public void The_cap_holds_however_slow_the_gateway_and_the_floor_however_fast()
    {
        var capped = new CallConcurrency(() => 40, cap: 8);
        Calls(capped, 64, 2000);
        var floored = new CallConcurrency(() => 40, cap: 8);
        Calls(floored, 64, 1);

        Assert.Equal(8, capped.Limit);
        Assert.Equal(CallConcurrency.Floor, floored.Limit);
    }

    [Fact]
    public void A_lower_pace_needs_fewer_calls_in_flight_and_no_pace_means_the_cap()
    {
        double pace = 40;
        var concurrency = new CallConcurrency(() => pace, cap: 64);
        Calls(concurrency, 64, 400);
        var at40 = concurrency.Limit;

        pace = 10;
        var at10 = concurrency.Limit;
        pace = 0;

        Assert.True(at10 < at40 / 2, $"{at10} in flight at 10/s, {at40} at 40/s");
        Assert.Equal(64, concurrency.Limit);
    }

    [Fact]
    public async Task Callers_past_the_limit_wait_until_a_call_ends_or_the_latency_grows()
    {
        var concurrency = new CallConcurrency(() => 40, cap: 64);
        Calls(concurrency, 64, 1);
        for (var i = 0; i < CallConcurrency.Floor; i++) await concurrency.WaitAsync();

        var third = concurrency.WaitAsync();
        var fourth = concurrency.WaitAsync();
        Assert.False(third.IsCompleted);

        concurrency.Release();
        await third;
        Assert.False(fourth.IsCompleted);

        // The gateway slowed down: more calls may be in flight at once, and the one waiting goes.
        Calls(concurrency, 64, 400);
        await fourth;
        Assert.Equal(CallConcurrency.Floor + 1, concurrency.InFlight);
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_place_to_the_next_caller()
    {
        var concurrency = new CallConcurrency(() => 40, cap: 1);
        await concurrency.WaitAsync();
        using var cancel = new CancellationTokenSource();
        var cancelled = concurrency.WaitAsync(cancel.Token);
        var next = concurrency.WaitAsync();

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        concurrency.Release();
        await next;

        Assert.Equal(1, concurrency.InFlight);
    }

    [Fact]
    public void Time_waiting_at_the_pacer_is_not_latency_only_the_attempt_on_the_wire_is()
    {
        var concurrency = new CallConcurrency(() => 40, cap: 64);
        var watch = concurrency.Watch(null);
        // 2 s waiting for the pacer before sending; a first attempt of 300 ms, a back-off, a second of 100 ms.
        watch(new TopCallEvent(CallEventKind.Sending, "taobao.item.add", 1, TimeSpan.FromSeconds(2)));
        watch(new TopCallEvent(CallEventKind.Retrying, "taobao.item.add", 1, TimeSpan.FromSeconds(2.3)));
        watch(new TopCallEvent(CallEventKind.Sending, "taobao.item.add", 2, TimeSpan.FromSeconds(3)));
        watch(new TopCallEvent(CallEventKind.Succeeded, "taobao.item.add", 2, TimeSpan.FromSeconds(3.1)));

        Assert.Equal(TimeSpan.FromMilliseconds(300), concurrency.RecentLatency);
    }
}
