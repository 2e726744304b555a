using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Items;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;
using Xunit;

namespace TaobaoTop.Core.Tests;

/// <summary>Connections of one app key in one process share one pace: the lowest asked for.</summary>
public sealed class SharedPaceTests
{
    [Fact]
    public async Task Two_connections_of_one_app_key_with_different_qps_stay_within_the_quota()
    {
        var emulator = new TopEmulator(new EmulatorOptions { QpsLimit = 40 });
        // A gateway of its own, so no other test shares this pacer.
        var endpoint = new Uri("http://pace-" + Guid.NewGuid().ToString("N") + ".test" + EmulatorDefaults.GatewayPath);
        TopClient Client(double qps) => new(new TopClientOptions(EmulatorDefaults.DemoAppKey, new Secret(EmulatorDefaults.DemoAppSecret))
        {
            Session = new Secret(EmulatorDefaults.DemoSession), Endpoint = endpoint, Clock = emulator.Options.Clock, Qps = qps, MaxRetries = 0,
        }, emulator.CreateHandler());
        using var fast = Client(40);
        using var slow = Client(39);

        var limited = 0;
        async Task Calls(TopClient client)
        {
            for (var i = 0; i < 50; i++)
            {
                try
                {
                    await client.InvokeAsync(ItemApi.List(onSale: true, 1, 1, null));
                }
                catch (TopApiException ex) when (ex.Code == 7)
                {
                    Interlocked.Increment(ref limited);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Calls(i % 2 == 0 ? fast : slow))));

        Assert.Equal(0, limited);
        Assert.Equal(39, RateLimitPolicy.Pace(EmulatorDefaults.DemoAppKey, endpoint.Authority));
    }
}

/// <summary>The app key's schedule shared by the processes of a machine survives a process that dies or a clock that jumps.</summary>
public sealed class MachinePaceFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-pace-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PaceFile() => Directory.GetFiles(_folder, "*.pace").Single();

    [Fact]
    public async Task A_call_waits_while_another_process_holds_the_file_and_goes_once_the_OS_frees_it()
    {
        var pace = new SharedPace(_folder, "12345678@gateway.test");
        Assert.True(await pace.WaitTurnAsync(40, CancellationToken.None));

        // What a process killed in the middle of its turn leaves: the OS lock, freed when its handles close.
        var held = new FileStream(PaceFile(), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var turn = pace.WaitTurnAsync(40, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(turn.IsCompleted);
        held.Dispose();

        Assert.True(await turn.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_slot_far_ahead_left_by_a_changed_clock_is_ignored()
    {
        var pace = new SharedPace(_folder, "12345678@gateway.test");
        Assert.True(await pace.WaitTurnAsync(40, CancellationToken.None));
        var record = File.ReadAllBytes(PaceFile());
        BitConverter.GetBytes(DateTime.UtcNow.AddHours(5).Ticks).CopyTo(record, 0);
        File.WriteAllBytes(PaceFile(), record);

        Assert.True(await pace.WaitTurnAsync(40, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Calls_of_one_process_alone_are_spaced_with_the_in_process_margin()
    {
        var pace = new SharedPace(_folder, "12345678@gateway.test");
        Assert.True(await pace.WaitTurnAsync(10, CancellationToken.None));
        var first = BitConverter.ToInt64(File.ReadAllBytes(PaceFile()), 0);
        Assert.True(await pace.WaitTurnAsync(10, CancellationToken.None));
        var second = BitConverter.ToInt64(File.ReadAllBytes(PaceFile()), 0);

        // 10/s with the 2% margin: 102 ms apart, less at most the 10 ms caught up when the second call woke late.
        Assert.True(TimeSpan.FromTicks(second - first).TotalMilliseconds >= 92);
    }
}
