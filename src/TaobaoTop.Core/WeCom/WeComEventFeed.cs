using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.WeCom
{
    /// <summary>Reads contact events from the callback receiver's GET /events (bearer token) or from a saved answer of it.</summary>
    public sealed class WeComEventFeed : IDisposable
    {
        private readonly HttpClient _http;
        private readonly Uri _baseUri;
        private readonly Secret _readToken;

        public WeComEventFeed(Uri baseUri, Secret readToken, HttpMessageHandler? transport = null)
        {
            if (baseUri == null) throw new ArgumentNullException(nameof(baseUri));
            // A receiver behind a path prefix (https://host/wecom) keeps the prefix when "events" is resolved against it.
            _baseUri = baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
            _readToken = readToken ?? throw new ArgumentNullException(nameof(readToken));
            _http = transport is null ? new HttpClient() : new HttpClient(transport, disposeHandler: true);
            _http.Timeout = TimeSpan.FromSeconds(30);
        }

        /// <summary>Every event after sequence number <paramref name="after"/>, page by page.</summary>
        /// <exception cref="IOException">The receiver refused the token or answered an error; the token is never in the message.</exception>
        public async Task ForEachAsync(long after, Action<WeComContactEvent> each, CancellationToken cancellationToken = default)
        {
            while (true)
            {
                using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUri, "events?after=" + after.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _readToken.Reveal());
                    using (var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false))
                    {
                        if (response.StatusCode == HttpStatusCode.Unauthorized) throw new IOException(CoreText.Format("EventFeedTokenRefused", _baseUri));
                        if (!response.IsSuccessStatusCode) throw new IOException(CoreText.Format("EventFeedHttp", _baseUri, (int)response.StatusCode));
                        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        var (events, next) = Parse(text);
                        if (events.Count == 0) return;
                        foreach (var e in events) each(e);
                        after = next ?? after + events.Count;
                    }
                }
            }
        }

        /// <summary>A saved GET /events answer (<c>{"events": [...]}</c>) or a bare array of events.</summary>
        /// <exception cref="InvalidDataException">Not JSON of events.</exception>
        public static IList<WeComContactEvent> ReadFile(string path)
        {
            try
            {
                return Parse(File.ReadAllText(path, Encoding.UTF8)).Events;
            }
            catch (Exception e) when (e is JsonException || e is FormatException || e is InvalidOperationException)
            {
                throw new InvalidDataException(CoreText.Format("EventFileUnreadable", path, e.Message), e);
            }
        }

        private static (IList<WeComContactEvent> Events, long? Next) Parse(string json)
        {
            using (var document = JsonDocument.Parse(json))
            {
                var root = document.RootElement;
                var items = root.ValueKind == JsonValueKind.Array ? root
                    : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array ? events
                    : throw new FormatException(CoreText.Get("EventsMissing"));
                return (items.EnumerateArray().Select(WeComContactEvent.FromJson).ToList(), root.ValueKind == JsonValueKind.Object ? root.Long("next") : null);
            }
        }

        public void Dispose() => _http.Dispose();
    }
}
