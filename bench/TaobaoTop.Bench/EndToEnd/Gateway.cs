using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator;

namespace TaobaoTop.Bench.EndToEnd;

/// <summary>
/// The emulator server (Kestrel) as a process of its own on a free loopback port, with the run's quota, latency and
/// order density: the gateway's own work and pauses stay out of the bench process, as a real gateway's do.
/// </summary>
public sealed class Gateway : IAsyncDisposable
{
    private static readonly HttpClient Http = new();
    private readonly Process _server;
    private readonly string _baseUrl;

    private Gateway(Process server, string baseUrl, int latencyMs)
    {
        _server = server;
        _baseUrl = baseUrl;
        LatencyMs = latencyMs;
    }

    public string Endpoint => _baseUrl + EmulatorDefaults.GatewayPath;

    /// <summary>Added to every answer.</summary>
    public int LatencyMs { get; }

    public static async Task<Gateway> StartAsync(Settings settings, int? latencyMs = null)
    {
        var latency = latencyMs ?? settings.LatencyMs;
        var url = "http://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture);
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(ServerDll());
        foreach (var argument in new[]
        {
            "--urls", url,
            "--qps", settings.Qps.ToString(CultureInfo.InvariantCulture),
            "--latency-ms", latency.ToString(CultureInfo.InvariantCulture),
            "--orders-per-day", settings.OrdersPerDay.ToString(CultureInfo.InvariantCulture),
        }) info.ArgumentList.Add(argument);
        var server = Process.Start(info)!;
        // Kestrel logs a line per start; nobody reads them, so the pipes must not fill.
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var gateway = new Gateway(server, url, latency);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await gateway.StatsAsync();
                return gateway;
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(60) && !server.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Requests and code 7 answers the gateway has counted so far.</summary>
    public async Task<(long Requests, long CallLimited)> StatsAsync()
    {
        var stats = JsonNode.Parse(await Http.GetStringAsync(_baseUrl + "/emulator/stats"))!;
        return ((long)stats["requests"]!, (long?)stats["errors_by_code"]?["7"] ?? 0);
    }

    /// <summary>The server built beside this harness, in the same configuration.</summary>
    private static string ServerDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "src", "TaobaoTop.Emulator.Server", "bin", configuration, "net10.0", "TaobaoTop.Emulator.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("The emulator server is not built: " + dll);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_server.HasExited) _server.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        _server.Dispose();
    }
}
