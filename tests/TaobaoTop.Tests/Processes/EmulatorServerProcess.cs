using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using TaobaoTop.Tests.Infrastructure;

namespace TaobaoTop.Tests.Processes;

/// <summary>The emulator server (Kestrel, src/TaobaoTop.Emulator.Server) as a process of its own on a free loopback port.</summary>
public sealed class EmulatorServerProcess : IDisposable
{
    private static readonly HttpClient Http = new();
    private readonly Process _process;
    private readonly string _root;

    private EmulatorServerProcess(Process process, string root)
    {
        _process = process;
        _root = root;
    }

    public string Endpoint => _root + "/router/rest";

    public static EmulatorServerProcess Start(params string[] arguments)
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var root = "http://127.0.0.1:" + ((IPEndPoint)socket.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        socket.Stop();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(ServerDll());
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(root);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new EmulatorServerProcess(process, root);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                server.Stats();
                return server;
            }
            catch (HttpRequestException) when (waited.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>The server's own counts (GET /emulator/stats): requests, and answers per error code.</summary>
    public (long Requests, long CallLimited) Stats()
    {
        var json = JsonNode.Parse(Http.GetStringAsync(_root + "/emulator/stats").GetAwaiter().GetResult())!;
        return ((long)json["requests"]!, (long?)json["errors_by_code"]?["7"] ?? 0);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    /// <summary>The server built beside these tests (same configuration).</summary>
    private static string ServerDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(ModulePaths.RepoRoot, "src", "TaobaoTop.Emulator.Server", "bin", configuration, "net10.0", "TaobaoTop.Emulator.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/TaobaoTop.Emulator.Server first.", dll);
    }
}
