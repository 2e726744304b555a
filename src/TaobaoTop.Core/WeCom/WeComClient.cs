using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.WeCom
{
    /// <summary>
    /// Calls WeCom server APIs (<c>qyapi.weixin.qq.com/cgi-bin/…</c>) with a cached access token: fetched on first use,
    /// renewed before it expires, fetched again once when WeCom calls it invalid or expired. One HttpClient; thread-safe.
    /// The corp secret and the token never appear in messages or events.
    /// </summary>
    public sealed class WeComClient : IDisposable
    {
        private const string TokenPath = "/cgi-bin/gettoken";

        private readonly HttpClient _http;
        private readonly SemaphoreSlim _tokenLock = new SemaphoreSlim(1, 1);
        private CachedToken? _token;

        /// <param name="transport">Where requests go; an emulator's in-process handler, or null for the network.</param>
        public WeComClient(WeComClientOptions options, HttpMessageHandler? transport = null)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            if (transport is null) NetFrameworkHttp.Prepare(options.Endpoint);
            _http = transport is null ? new HttpClient() : new HttpClient(transport, disposeHandler: true);
            _http.Timeout = options.Timeout;
        }

        public WeComClientOptions Options { get; }

        /// <summary>GET with query parameters (besides the token); answers the JSON body when errcode is 0.</summary>
        public Task<JsonElement> GetAsync(string path, IEnumerable<KeyValuePair<string, string>>? query = null, Action<TopCallEvent>? observer = null, CancellationToken cancellationToken = default)
            => CallAsync(HttpMethod.Get, path, query, null, idempotent: true, observer, cancellationToken);

        /// <summary>POST a JSON body. <paramref name="idempotent"/> reads may be resent after a lost answer; writes are not.</summary>
        public Task<JsonElement> PostAsync(string path, JsonObject body, bool idempotent, Action<TopCallEvent>? observer = null, CancellationToken cancellationToken = default)
            => CallAsync(HttpMethod.Post, path, null, body.ToJsonString(), idempotent, observer, cancellationToken);

        private async Task<JsonElement> CallAsync(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? query, string? body, bool idempotent, Action<TopCallEvent>? observer, CancellationToken cancellationToken)
        {
            var started = Stopwatch.StartNew();
            var attempt = 1;
            var tokenRetried = false;
            while (true)
            {
                TimeSpan delay;
                string reason;
                try
                {
                    var token = await TokenAsync(observer, cancellationToken).ConfigureAwait(false);
                    var parameters = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("access_token", token.Value.Reveal()) };
                    if (query != null) parameters.AddRange(query);
                    var answer = await SendAsync(method, path, parameters, body, idempotent, cancellationToken).ConfigureAwait(false);
                    var errCode = ErrCode(answer);
                    if (errCode == 0)
                    {
                        observer?.Invoke(new TopCallEvent(TopCallEventKind.Succeeded, path, attempt, started.Elapsed));
                        return answer;
                    }
                    var error = new WeComException(path, errCode, Redact(answer.Text("errmsg")));
                    if (WeComErrorCodes.IsTokenError(errCode) && !tokenRetried)
                    {
                        // Once only: a second token error means something else is wrong, and looping would hammer gettoken.
                        tokenRetried = true;
                        Invalidate(token);
                        observer?.Invoke(new TopCallEvent(TopCallEventKind.Retrying, path, attempt, started.Elapsed, delay: TimeSpan.Zero, reason: error.Message + "; fetching a new token"));
                        attempt++;
                        continue;
                    }
                    throw error;
                }
                catch (WeComException ex) when (ex.IsTransient && attempt <= Options.MaxRetries)
                {
                    // A 45009 block lasts its limit's window; waiting less only extends it.
                    delay = ex.ErrCode == WeComErrorCodes.FrequencyLimited ? Options.FrequencyWindow + Backoff(attempt) : Backoff(attempt);
                    reason = ex.Message;
                }
                catch (TopTransportException ex) when (ex.IsTransient && attempt <= Options.MaxRetries && (idempotent || !ex.MayHaveBeenApplied))
                {
                    delay = Backoff(attempt);
                    reason = ex.Message;
                }
                catch (TopException ex)
                {
                    observer?.Invoke(new TopCallEvent(TopCallEventKind.Failed, path, attempt, started.Elapsed, reason: ex.Message));
                    throw;
                }

                observer?.Invoke(new TopCallEvent(TopCallEventKind.Retrying, path, attempt, started.Elapsed, delay: delay, reason: reason));
                await Options.Delay(delay, cancellationToken).ConfigureAwait(false);
                attempt++;
            }
        }

        private async Task<CachedToken> TokenAsync(Action<TopCallEvent>? observer, CancellationToken cancellationToken)
        {
            var current = _token;
            if (current != null && !IsDue(current)) return current;
            await _tokenLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another call may have renewed it while this one waited.
                current = _token;
                if (current != null && !IsDue(current)) return current;
                var answer = await SendAsync(HttpMethod.Get, TokenPath, new[]
                {
                    new KeyValuePair<string, string>("corpid", Options.CorpId),
                    new KeyValuePair<string, string>("corpsecret", Options.CorpSecret.Reveal()),
                }, null, idempotent: true, cancellationToken).ConfigureAwait(false);
                var errCode = ErrCode(answer);
                if (errCode != 0) throw new WeComException(TokenPath, errCode, Redact(answer.Text("errmsg")));
                var value = answer.Text("access_token");
                if (string.IsNullOrEmpty(value)) throw new TopResponseException(TokenPath, TokenPath + " answered without an access_token.", null);
                var lifetime = TimeSpan.FromSeconds(answer.Int("expires_in") ?? 7200);
                var now = Options.Clock();
                _token = new CachedToken(new Secret(value!), now, now + lifetime);
                observer?.Invoke(new TopCallEvent(TopCallEventKind.Succeeded, TokenPath, 1, TimeSpan.Zero, reason: "token valid for " + lifetime.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s"));
                return _token;
            }
            finally
            {
                _tokenLock.Release();
            }
        }

        /// <summary>Drops the token a call was refused with, unless a concurrent call already replaced it.</summary>
        private void Invalidate(CachedToken refused) => Interlocked.CompareExchange(ref _token, null, refused);

        private bool IsDue(CachedToken token)
        {
            var ahead = TimeSpan.FromTicks(Math.Min(Options.RefreshAhead.Ticks, (token.ExpiresAt - token.FetchedAt).Ticks / 10));
            return Options.Clock() >= token.ExpiresAt - ahead;
        }

        private async Task<JsonElement> SendAsync(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>> query, string? body, bool idempotent, CancellationToken cancellationToken)
        {
            if (Options.Qps > 0)
            {
                await RateLimitPolicy.For("wecom:" + Options.CorpId, Options.Endpoint.Authority).WaitTurnAsync(Options.Qps, cancellationToken).ConfigureAwait(false);
            }
            var uri = new Uri(Options.Endpoint, path + "?" + string.Join("&", query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))));
            using (var request = new HttpRequestMessage(method, uri))
            {
                if (body != null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                HttpResponseMessage response;
                try
                {
                    response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException ex)
                {
                    throw new TopTransportException(path, path + ": network error: " + Redact(ex.Message), null, requestMayHaveBeenApplied: true);
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TopTransportException(path, path + ": no answer within " + Options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s", null, requestMayHaveBeenApplied: true);
                }
                using (response)
                {
                    var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new TopTransportException(path, path + ": HTTP " + (int)response.StatusCode + " " + response.ReasonPhrase, (int)response.StatusCode, requestMayHaveBeenApplied: (int)response.StatusCode >= 500);
                    }
                    try
                    {
                        using (var document = JsonDocument.Parse(text))
                        {
                            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("not an object");
                            return document.RootElement.Clone();
                        }
                    }
                    catch (JsonException)
                    {
                        // WeCom under load may answer an empty body; the SDKs treat it as transient.
                        if (string.IsNullOrWhiteSpace(text)) throw new TopTransportException(path, path + ": empty answer", null, requestMayHaveBeenApplied: true);
                        throw new TopResponseException(path, path + " answered something that is not JSON.", Redactor.Excerpt(text));
                    }
                }
            }
        }

        private static int ErrCode(JsonElement answer) => answer.Int("errcode") ?? 0;

        /// <summary>Any text that came back or was built around a request, with the token and secret masked.</summary>
        public string Redact(string? text) => Redactor.Redact(text);

        private Redactor Redactor => new Redactor(Options.CorpSecret, _token?.Value);

        private TimeSpan Backoff(int attempt) => RetryPolicy.Backoff(attempt, Options.RetryBaseDelay, Options.MaxRetryDelay);

        public void Dispose()
        {
            _http.Dispose();
            _tokenLock.Dispose();
        }

        public override string ToString() => Options.ToString();

        private sealed class CachedToken
        {
            public CachedToken(Secret value, DateTimeOffset fetchedAt, DateTimeOffset expiresAt)
            {
                Value = value;
                FetchedAt = fetchedAt;
                ExpiresAt = expiresAt;
            }

            public Secret Value { get; }

            public DateTimeOffset ExpiresAt { get; }

            public DateTimeOffset FetchedAt { get; }
        }
    }
}
