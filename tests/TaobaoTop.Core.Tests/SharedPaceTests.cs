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
