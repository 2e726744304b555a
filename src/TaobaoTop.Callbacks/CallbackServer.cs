using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using TaobaoTop.Core.WeCom;

namespace TaobaoTop.Callbacks;

/// <summary>
/// Kestrel in front of WeCom's customer-contact callbacks: GET answers the URL verification, POST checks, decrypts and
/// stores a change_external_contact event and answers an empty 200 (WeCom waits 5 s and retries), GET /events reads
/// the store with a bearer token.
/// </summary>
public static class CallbackServer
{
    public const int PageLimit = 1000;

    public static WebApplication Build(CallbackOptions options, EventStore store, Func<DateTimeOffset>? clock = null)
    {
        var now = clock ?? (() => DateTimeOffset.UtcNow);
        var crypto = new WeComCallbackCrypto(options.Token, options.EncodingAesKey, options.CorpId);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        // A callback is a few hundred bytes of XML; anything large is not WeCom.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        var app = builder.Build();
        var refused = 0L;
        var duplicates = 0L;

        app.MapGet(options.CallbackPath, (HttpRequest request) =>
        {
            try
            {
                return Results.Text(crypto.VerifyUrl(Query(request, "msg_signature"), Query(request, "timestamp"), Query(request, "nonce"), Query(request, "echostr")));
            }
            catch (WeComCallbackException)
            {
                Interlocked.Increment(ref refused);
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
        });

        app.MapPost(options.CallbackPath, async (HttpRequest request) =>
        {
            string xml;
            try
            {
                var envelope = XDocument.Parse(await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(request.HttpContext.RequestAborted));
                var encrypted = envelope.Root?.Element("Encrypt")?.Value ?? string.Empty;
                xml = crypto.Open(Query(request, "msg_signature"), Query(request, "timestamp"), Query(request, "nonce"), encrypted);
            }
            catch (Exception e) when (e is WeComCallbackException || e is XmlException)
            {
                Interlocked.Increment(ref refused);
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            WeComContactEvent? contactEvent;
            try
            {
                contactEvent = WeComContactEvent.FromXml(xml);
            }
            catch (Exception e) when (e is XmlException || e is FormatException || e is OverflowException)
            {
                return Results.StatusCode(StatusCodes.Status400BadRequest);
            }
            if (contactEvent != null && !store.Add(contactEvent, now())) Interlocked.Increment(ref duplicates);
            return Results.Text(string.Empty);
        });

        app.MapGet("/events", (HttpRequest request, long? after, int? limit) =>
        {
            if (!Authorized(request, options.ReadToken)) return Results.StatusCode(StatusCodes.Status401Unauthorized);
            var page = store.Read(after ?? 0, Math.Clamp(limit ?? PageLimit, 1, PageLimit));
            var json = new JsonObject
            {
                ["events"] = new JsonArray(page.Select(p => (JsonNode)ToJson(p.Event)).ToArray()),
                ["next"] = page.Count == 0 ? after ?? 0 : page[^1].Seq,
            };
            return Results.Text(json.ToJsonString(JsonOptions), "application/json; charset=utf-8");
        });

        app.MapGet("/health", () => Results.Text(new JsonObject
        {
            ["events"] = store.Count(),
            ["duplicates"] = Interlocked.Read(ref duplicates),
            ["refused"] = Interlocked.Read(ref refused),
        }.ToJsonString(), "application/json"));
        return app;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonObject ToJson(WeComContactEvent e) => new()
    {
        ["time"] = e.Time.ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
        ["changeType"] = e.ChangeType,
        ["corpId"] = e.CorpId,
        ["userId"] = e.UserId,
        ["externalUserId"] = e.ExternalUserId,
        ["state"] = e.State,
        ["source"] = e.Source,
        ["failReason"] = e.FailReason,
        ["receivedAt"] = e.ReceivedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz"),
    };

    private static string Query(HttpRequest request, string name) => request.Query[name].ToString();

    private static bool Authorized(HttpRequest request, string readToken)
    {
        var header = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!header.StartsWith(Bearer, StringComparison.Ordinal)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Bearer.Length..]), Encoding.UTF8.GetBytes(readToken));
    }
}
