using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Catalog;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core
{
    /// <summary>
    /// Calls TOP APIs through a pipeline of small policies: logging, retry, rate limit, signing, transport.
    /// One HttpClient per client; thread-safe.
    /// </summary>
    public sealed class TopClient : IDisposable
    {
        private readonly HttpClient _http;
        private readonly TopPipelinePolicy[] _pipeline;
        private readonly TopClientStatistics _statistics = new TopClientStatistics();

        /// <param name="transport">Where requests go; an emulator's in-process handler, or null for the network.</param>
        public TopClient(TopClientOptions options, HttpMessageHandler? transport = null)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            _http = transport is null ? new HttpClient() : new HttpClient(transport, disposeHandler: true);
            // Each attempt has its own time-out, set by the transport policy.
            _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            _pipeline = new TopPipelinePolicy[]
            {
                new LoggingPolicy(),
                new RetryPolicy(),
                new RateLimitPolicy(),
                new SigningPolicy(),
                new TransportPolicy(_http),
            };
        }

        public TopClientOptions Options { get; }

        public TopClientStatistics Statistics => _statistics;

        /// <summary>Calls the API; throws a <see cref="TopException"/> subtype when it fails.</summary>
        public async Task<TopResponse> InvokeAsync(TopRequest request, Action<TopCallEvent>? observer = null, CancellationToken cancellationToken = default)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            var message = new TopMessage(request, Options, observer, cancellationToken);
            if (message.Session is null && TopApiCatalog.Default.TryGet(request.Method, out var api) && api.Session == TopSessionRequirement.Required)
            {
                throw new TopSessionRequiredException(request.Method);
            }

            try
            {
                await Run(message, 0).ConfigureAwait(false);
                _statistics.Record(message, null);
                return message.Response!;
            }
            catch (TopException ex)
            {
                _statistics.Record(message, ex);
                throw;
            }
        }

        private Task Run(TopMessage message, int index)
            => index == _pipeline.Length ? Task.CompletedTask : _pipeline[index].ProcessAsync(message, () => Run(message, index + 1));

        public void Dispose() => _http.Dispose();

        public override string ToString() => Options.ToString();
    }
}
