using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.WeCom
{
    /// <summary>
    /// Calls WeCom server APIs (<c>qyapi.weixin.qq.com/cgi-bin/…</c>) through the shared pipeline with WeCom's parts: a
    /// cached access token (fetched on first use, renewed before it expires, fetched again once when WeCom calls it
    /// invalid or expired) and WeCom's classifier. One HttpClient; thread-safe. The corp secret and the token never
    /// appear in messages or events.
    /// </summary>
    public sealed class WeComClient : IDisposable
    {
        private const string TokenPath = "/cgi-bin/gettoken";

        private readonly HttpClient _http;
        private readonly WeComClassifier _classifier;
        private readonly HttpPipeline<WeComCall> _pipeline;
        private readonly HttpPipeline<WeComCall> _tokenPipeline;
        private readonly SemaphoreSlim _tokenLock = new SemaphoreSlim(1, 1);
        private CachedToken? _token;

        /// <param name="transport">Where requests go; an emulator's in-process handler, or null for the network.</param>
        public WeComClient(WeComClientOptions options, HttpMessageHandler? transport = null)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            if (transport is null) NetFrameworkHttp.Prepare(options.Endpoint);
            _http = transport is null ? new HttpClient() : new HttpClient(transport, disposeHandler: true);
            // Each attempt has its own time-out, set by the transport policy.
            _http.Timeout = Timeout.InfiniteTimeSpan;
            _classifier = new WeComClassifier(options);
            _pipeline = HttpPipeline<WeComCall>.Build(_http, _classifier, new WeComTokenRenewalPolicy(Drop), credentials: new WeComTokenPolicy(TokenAsync));
            // gettoken is sent inside a call's attempt, so that call's retries cover it: no retries of its own.
            _tokenPipeline = HttpPipeline<WeComCall>.Bare(_http, _classifier);
        }

        public WeComClientOptions Options { get; }

        /// <summary>GET with query parameters (besides the token); answers the JSON body when errcode is 0.</summary>
        public Task<JsonElement> GetAsync(string path, IEnumerable<KeyValuePair<string, string>>? query = null, Action<WeComCallEvent>? observer = null, CancellationToken cancellationToken = default)
            => CallAsync(HttpMethod.Get, path, query, null, idempotent: true, observer, cancellationToken);

        /// <summary>POST a JSON body. <paramref name="idempotent"/> reads may be resent after a lost answer; writes are not.</summary>
        public Task<JsonElement> PostAsync(string path, JsonObject body, bool idempotent, Action<WeComCallEvent>? observer = null, CancellationToken cancellationToken = default)
            => CallAsync(HttpMethod.Post, path, null, body.ToJsonString(), idempotent, observer, cancellationToken);

        private async Task<JsonElement> CallAsync(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? query, string? body, bool idempotent, Action<WeComCallEvent>? observer, CancellationToken cancellationToken)
        {
            var call = new WeComCall(Options, _classifier, method, path, query, body, idempotent, needsToken: true, observer, cancellationToken);
            await _pipeline.SendAsync(call).ConfigureAwait(false);
            return call.Answer;
        }

        private async Task<Secret> TokenAsync(WeComCall call)
        {
            var current = _token;
            if (current != null && !IsDue(current)) return current.Value;
            await _tokenLock.WaitAsync(call.CancellationToken).ConfigureAwait(false);
            try
            {
                // Another call may have renewed it while this one waited.
                current = _token;
                if (current != null && !IsDue(current)) return current.Value;
                var fetch = new WeComCall(Options, _classifier, HttpMethod.Get, TokenPath, new[]
                {
                    new KeyValuePair<string, string>("corpid", Options.CorpId),
                    new KeyValuePair<string, string>("corpsecret", Options.CorpSecret.Reveal()),
                }, null, idempotent: true, needsToken: false, call.Observer, call.CancellationToken);
                await _tokenPipeline.SendAsync(fetch).ConfigureAwait(false);
                var value = fetch.Answer.Text("access_token");
                if (string.IsNullOrEmpty(value)) throw _classifier.Unreadable(fetch, CoreText.Format("WeComNoAccessToken", TokenPath), null);
                var lifetime = TimeSpan.FromSeconds(fetch.Answer.Int("expires_in") ?? 7200);
                var now = Options.Clock();
                _token = new CachedToken(new Secret(value!), now, now + lifetime);
                fetch.Report(CallEventKind.Succeeded, reason: "token valid for " + lifetime.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
                return _token.Value;
            }
            finally
            {
                _tokenLock.Release();
            }
        }

        /// <summary>Drops the token a call was refused with, unless a concurrent call already replaced it.</summary>
        private void Drop(Secret refused)
        {
            var current = _token;
            if (current != null && ReferenceEquals(current.Value, refused)) Interlocked.CompareExchange(ref _token, null, current);
        }

        private bool IsDue(CachedToken token)
        {
            var ahead = TimeSpan.FromTicks(Math.Min(Options.RefreshAhead.Ticks, (token.ExpiresAt - token.FetchedAt).Ticks / 10));
            return Options.Clock() >= token.ExpiresAt - ahead;
        }

        public void Dispose()
        {
            _http.Dispose();
            _tokenLock.Dispose();
        }

        /// <summary>Any text that came back or was built around a request, with the secret and the token masked.</summary>
        public string Redact(string? text) => new Redactor(Options.Secrets.Concat(new[] { _token?.Value })).Redact(text);

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
