using System.Net;
using System.Net.Sockets;
using TaobaoTop.Emulator;

namespace TaobaoTop.Tests.Infrastructure;

/// <summary>
/// The emulator served over HTTP on a free loopback port, so the module's calls cross a real socket to a gateway
/// implementation that shares no code with the client.
/// </summary>
public sealed class LoopbackGateway : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public LoopbackGateway(EmulatorOptions? options = null)
    {
        Emulator = new TopEmulator(options);
        var port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}/router/rest";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public TopEmulator Emulator { get; }

    public string Endpoint { get; }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => Answer(context));
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), context.Request.Url);
        var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        request.Content = new ByteArrayContent(body.ToArray());
        if (context.Request.ContentType != null) request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        try
        {
            using var response = await Emulator.HandleAsync(request, _stop.Token);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers) context.Response.Headers[header.Key] = string.Join(",", header.Value);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (response.Content.Headers.ContentType != null) context.Response.ContentType = response.Content.Headers.ContentType.ToString();
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception)
        {
            // The emulator's dropped-connection and lost-answer faults: cut the connection.
            context.Response.Abort();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        Emulator.Dispose();
    }
}
