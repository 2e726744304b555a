using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Auth;
using TaobaoTop.Core.Catalog;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core
{
    /// <summary>
    /// Calls TOP APIs through the shared pipeline with TOP's parts: the session policy, signing, and TOP's classifier.
    /// One HttpClient per client; thread-safe.
    /// </summary>
    public sealed class TopClient : IDisposable
    {
        private readonly HttpClient _http;
        private readonly HttpPipeline<TopCall> _pipeline;
        private readonly TopClientStatistics _statistics = new TopClientStatistics();
        private readonly SemaphoreSlim _refreshing = new SemaphoreSlim(1, 1);

        /// <param name="transport">Where requests go; an emulator's in-process handler, or null for the network.</param>
        public TopClient(TopClientOptions options, HttpMessageHandler? transport = null)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            if (transport is null) NetFrameworkHttp.Prepare(options.Endpoint);
            // An in-process gateway has no other process to share its quota with.
            if (transport != null) Options.PaceFolder = null;
            _http = transport is null ? new HttpClient() : new HttpClient(transport, disposeHandler: true);
            // Each attempt has its own time-out, set by the transport policy.
            _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            _pipeline = HttpPipeline<TopCall>.Build(_http, new TopClassifier(), new SessionRefreshPolicy(RefreshAfterAsync), signing: new SigningPolicy());
        }

        public TopClientOptions Options { get; }

        public TopClientStatistics Statistics => _statistics;

        /// <summary>Calls the API; throws a <see cref="TopException"/> subtype when it fails.</summary>
        public async Task<TopResponse> InvokeAsync(TopRequest request, Action<TopCallEvent>? observer = null, CancellationToken cancellationToken = default)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            request.CheckParameterNames();
            var call = new TopCall(request, Options, observer, cancellationToken);
            if (call.Session is null && TopApiCatalog.Default.TryGet(request.Method, out var api) && api.Session == TopSessionRequirement.Required)
            {
                throw new TopSessionRequiredException(request.Method);
            }

            try
            {
                await _pipeline.SendAsync(call).ConfigureAwait(false);
                _statistics.Record(call, null);
                return call.Response!;
            }
            catch (TopException ex)
            {
                _statistics.Record(call, ex);
                throw;
            }
        }

        /// <summary>Exchanges an OAuth authorization code for a token and makes it this client's session.</summary>
        public async Task<TopToken> CreateTokenAsync(string code, Action<TopCallEvent>? observer = null, CancellationToken cancellationToken = default)
        {
            var request = new TopRequest("taobao.top.auth.token.create") { WithoutSession = true }.With("code", code);
            return await ExchangeAsync(request, observer, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Renews the session with the refresh token now.</summary>
        public async Task<TopToken> RefreshSessionAsync(Action<TopCallEvent>? observer = null, CancellationToken cancellationToken = default)
        {
            await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await RefreshCoreAsync(observer, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _refreshing.Release();
            }
        }

        /// <summary>Makes the token's access token this client's session (and its refresh token the next one to use).</summary>
        public void Use(TopToken token)
        {
            Options.Session = token.AccessToken;
            if (token.RefreshToken != null) Options.RefreshToken = token.RefreshToken;
            Options.SessionExpiresAt = token.ExpiresAt;
        }

        /// <summary>Renews for a call that found the session expiring or invalid, unless a concurrent call already did.</summary>
        private async Task RefreshAfterAsync(TopCall call)
        {
            var seen = call.Session;
            await _refreshing.WaitAsync(call.CancellationToken).ConfigureAwait(false);
            try
            {
                var renewedMeanwhile = !ReferenceEquals(seen, Options.Session)
                    && !(Options.SessionExpiresAt is DateTimeOffset at && Options.Clock() >= at - Options.RefreshAhead);
                if (!renewedMeanwhile) await RefreshCoreAsync(call.Observer, call.CancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _refreshing.Release();
            }
        }

        private async Task<TopToken> RefreshCoreAsync(Action<TopCallEvent>? observer, CancellationToken cancellationToken)
        {
            var refreshToken = Options.RefreshToken ?? throw new InvalidOperationException(CoreText.Get("NoRefreshToken"));
            var request = new TopRequest("taobao.top.auth.token.refresh") { WithoutSession = true }.With("refresh_token", refreshToken.Reveal());
            return await ExchangeAsync(request, observer, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Calls an OAuth token API and makes the grant it answers this client's session.</summary>
        private async Task<TopToken> ExchangeAsync(TopRequest request, Action<TopCallEvent>? observer, CancellationToken cancellationToken)
        {
            var token = TopToken.FromResponse(await InvokeAsync(request, observer, cancellationToken).ConfigureAwait(false), Options.Clock());
            Use(token);
            return token;
        }

        public void Dispose()
        {
            _http.Dispose();
            _refreshing.Dispose();
        }

        public override string ToString() => Options.ToString();
    }
}
