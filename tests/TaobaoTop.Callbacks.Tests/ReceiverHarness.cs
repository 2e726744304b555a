using Microsoft.AspNetCore.Builder;
using System.Net.Http.Headers;
using System.Text.Json;
using TaobaoTop.Callbacks;

namespace TaobaoTop.Callbacks.Tests;

/// <summary>A receiver on an ephemeral loopback port with a throwaway database and the test's secrets.</summary>
internal sealed class ReceiverHarness : IAsyncDisposable
{
    public const string Token = "cbTokenForTests";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string CorpId = "ww0000demo00corp";
    public const string ReadToken = "read-token-0123456789";

    private readonly WebApplication _app;

    private ReceiverHarness(WebApplication app, EventStore store, string directory)
    {
        _app = app;
        Store = store;
        Directory = directory;
    }

    public EventStore Store { get; }

    public string Directory { get; }

    public Uri BaseUrl => new(_app.Urls.Single());

    public Uri CallbackUrl => new(BaseUrl, "/wecom/callback");

    public static async Task<ReceiverHarness> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "taobaotop-callbacks-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var options = CallbackOptions.Parse(new[] { "--urls", "http://127.0.0.1:0", "--corp-id", CorpId, "--db", Path.Combine(directory, "events.db") }, Environment);
        var store = new EventStore(options.DatabasePath);
        var app = CallbackServer.Build(options, store);
        await app.StartAsync();
        return new ReceiverHarness(app, store, directory);
    }

    public static string? Environment(string name) => name switch
    {
        CallbackOptions.TokenVariable => Token,
        CallbackOptions.AesKeyVariable => AesKey,
        CallbackOptions.ReadTokenVariable => ReadToken,
        _ => null,
    };

    /// <summary>Every stored event through GET /events, page by page, as the module reads them.</summary>
    public async Task<List<JsonElement>> ReadAllAsync(HttpClient http, int pageSize = 100)
    {
        var all = new List<JsonElement>();
        long after = 0;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUrl, $"/events?after={after}&limit={pageSize}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadToken);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var events = page.RootElement.GetProperty("events").EnumerateArray().Select(e => e.Clone()).ToList();
            if (events.Count == 0) return all;
            all.AddRange(events);
            after = page.RootElement.GetProperty("next").GetInt64();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held on Windows; the temp folder is cleaned later.
        }
    }
}
