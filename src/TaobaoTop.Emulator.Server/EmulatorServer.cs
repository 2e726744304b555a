using Microsoft.AspNetCore.Http.Extensions;
using TaobaoTop.Emulator;
using TaobaoTop.Emulator.WeCom;

namespace TaobaoTop.Emulator.Server;

/// <summary>Kestrel in front of <see cref="TopEmulator"/>: the gateway path, plus reset and stats for test harnesses.</summary>
public static class EmulatorServer
{
    /// <summary>Far above any real TOP call (pictures are at most a few MB); a larger body is refused, not held in memory.</summary>
    public const long MaxRequestBodyBytes = 16L * 1024 * 1024;

    public static WebApplication Build(ServerOptions options, TopEmulator emulator, WeComEmulator? weCom = null)
    {
        weCom ??= new WeComEmulator(new WeComEmulatorOptions { Seed = options.Emulator.Seed });
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        var app = builder.Build();

        app.MapMethods(EmulatorDefaults.GatewayPath, new[] { "GET", "POST" }, context => Forward(context, emulator));
        app.MapPost("/emulator/reset", (int? seed) =>
        {
            emulator.Reset(seed);
            return Results.Text("{\"reset\":true}", "application/json");
        });
        app.MapGet("/emulator/stats", () => Results.Text(emulator.Stats.ToJson().ToJsonString(), "application/json"));

        // WeCom's qyapi.weixin.qq.com (客户联系) on the same port: Connect-WeCom -Endpoint http://127.0.0.1:PORT/ with the demo corp.
        var weComClient = new HttpMessageInvoker(weCom.CreateHandler());
        Task<HttpResponseMessage> SendToWeCom(HttpRequestMessage request, CancellationToken cancel) => weComClient.SendAsync(request, cancel);
        app.Map("/cgi-bin/{**path}", context => Forward(context, SendToWeCom));
        app.MapPost("/emulator/wecom/callbacks", async (CallbackRequest request, CancellationToken cancel) =>
        {
            if (string.IsNullOrEmpty(request.Url) || string.IsNullOrEmpty(request.Token) || request.AesKey?.Length != 43)
                return Results.BadRequest("url, token and a 43-character aesKey are required");
            var sender = new WeComCallbackSender(request.Token, request.AesKey, request.CorpId ?? WeComDemo.CorpId)
            {
                DuplicateEvery = request.DuplicateEvery,
                ForgeEvery = request.ForgeEvery,
            };
            using var http = new HttpClient();
            var delivery = await sender.SendAsync(http, new Uri(request.Url), weCom.ContactEvents(), cancel);
            return Results.Json(delivery);
        });
        return app;
    }

    /// <summary>Hands the Kestrel request to the emulator and copies its answer back; an injected transport fault aborts the connection.</summary>
    /// <summary>What POST /emulator/wecom/callbacks takes: where to post the seeded month's events and with which callback secrets.</summary>
    public sealed record CallbackRequest(string? Url, string? Token, string? AesKey, string? CorpId, int DuplicateEvery, int ForgeEvery);

    private static Task Forward(HttpContext context, TopEmulator emulator) => Forward(context, emulator.HandleAsync);

    private static async Task Forward(HttpContext context, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> handle)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.GetEncodedUrl());
        if (context.Request.ContentLength > MaxRequestBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        var body = new MemoryStream();
        try
        {
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (body.Length > 0 || context.Request.ContentType != null)
        {
            body.Position = 0;
            request.Content = new StreamContent(body);
            if (context.Request.ContentType != null) request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        }
        HttpResponseMessage response;
        try
        {
            response = await handle(request, context.RequestAborted);
        }
        catch (Exception e) when (e is HttpRequestException || e is OperationCanceledException)
        {
            context.Abort();
            return;
        }
        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }

    /// <summary>The startup banner: demo apps in full (their values are public demo values), other apps by key only.</summary>
    public static string Banner(ServerOptions options)
    {
        // Only the built-in demo values are printed; an app given on the command line keeps its secret even if it reuses a demo key.
        var demoApps = EmulatorDefaults.CreateDemoApps();
        bool IsDemo(EmulatorApp app) => demoApps.Any(d => d.AppKey == app.AppKey && d.AppSecret == app.AppSecret && d.Session == app.Session);
        var lines = new List<string> { "TaobaoTop TOP emulator, gateway " + options.Urls.Split(';')[0].TrimEnd('/') + EmulatorDefaults.GatewayPath };
        foreach (var app in options.Emulator.Apps)
        {
            lines.Add(IsDemo(app)
                ? "  demo app  app_key " + app.AppKey + "  secret " + app.AppSecret + "  session " + app.Session + " (" + app.SessionUser + ")"
                : "  app       app_key " + app.AppKey + (app.Session == null ? "" : "  (with a session)"));
        }
        lines.Add("  OAuth code " + EmulatorDefaults.DemoAuthCode + " works with taobao.top.auth.token.create");
        lines.Add("  WeCom at /cgi-bin/: corp id " + WeComDemo.CorpId + "  secret " + WeComDemo.CorpSecret + "; POST /emulator/wecom/callbacks posts the seeded month's contact events");
        lines.Add(options.Emulator.Strict ? "  strict: signature and timestamp are checked" : "  loose: signature and timestamp are NOT checked");
        return string.Join(Environment.NewLine, lines);
    }
}
