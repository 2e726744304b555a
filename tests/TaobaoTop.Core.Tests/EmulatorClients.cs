using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;

namespace TaobaoTop.Core.Tests;

/// <summary>A client of the demo app, unpaced, calling an in-process emulator through its handler.</summary>
public static class EmulatorClients
{
    public static TopClient For(TopEmulator emulator) => new(new TopClientOptions(EmulatorDefaults.DemoAppKey, new Secret(EmulatorDefaults.DemoAppSecret))
    {
        Session = new Secret(EmulatorDefaults.DemoSession),
        Endpoint = new Uri("http://emulator.invalid" + EmulatorDefaults.GatewayPath),
        Qps = 0,
    }, emulator.CreateHandler());
}
