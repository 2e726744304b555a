using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using TaobaoTop.Emulator;
using TaobaoTop.Emulator.Affiliate;
using TaobaoTop.Emulator.Server;

namespace TaobaoTop.Bench.EndToEnd;

/// <summary>The emulator server (Kestrel) in this process on a free loopback port, with the run's quota and latency.</summary>
public sealed class Gateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Gateway(WebApplication app, TopEmulator emulator, string endpoint)
    {
        _app = app;
        Emulator = emulator;
        Endpoint = endpoint;
    }

    public TopEmulator Emulator { get; }

    public string Endpoint { get; }

    /// <summary>Added to every answer.</summary>
    public int LatencyMs { get; private init; }

    public static async Task<Gateway> StartAsync(Settings settings, int? latencyMs = null)
    {
        // The affiliate module reads its density when the emulator creates it.
        AffiliateModule.DefaultOrdersPerDay = settings.OrdersPerDay;
        var url = "http://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture);
        var options = ServerOptions.Parse(new[]
        {
            "--urls", url,
            "--qps", settings.Qps.ToString(CultureInfo.InvariantCulture),
            "--latency-ms", (latencyMs ?? settings.LatencyMs).ToString(CultureInfo.InvariantCulture),
        });
        var emulator = new TopEmulator(options.Emulator);
        var app = EmulatorServer.Build(options, emulator);
        await app.StartAsync();
        return new Gateway(app, emulator, url + EmulatorDefaults.GatewayPath) { LatencyMs = latencyMs ?? settings.LatencyMs };
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Emulator.Dispose();
    }
}
