using System.Net;
using System.Net.Sockets;

namespace TaobaoTop.Tests.Infrastructure;

/// <summary>A gateway on a free loopback port that answers every request with one fixed JSON body, as no real gateway would.</summary>
public sealed class CannedGateway : IDisposable
{
    private readonly HttpListener _listener = new();

    public CannedGateway(byte[] body)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = $"http://127.0.0.1:{port}/router/rest";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                context.Response.ContentType = "application/json";
                try { await context.Response.OutputStream.WriteAsync(body); context.Response.Close(); }
                catch (Exception) { context.Response.Abort(); }
            }
        });
    }

    public string Endpoint { get; }

    public void Dispose() => _listener.Close();
}
