using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>One call travelling through the pipeline: the request, its signed system parameters, the answer.</summary>
    public sealed class TopMessage
    {
        private readonly Action<TopCallEvent>? _observer;
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public TopMessage(TopRequest request, TopClientOptions options, Action<TopCallEvent>? observer, CancellationToken cancellationToken)
        {
            Request = request;
            Options = options;
            _observer = observer;
            CancellationToken = cancellationToken;
        }

        public TopRequest Request { get; }

        internal Action<TopCallEvent>? Observer => _observer;

        public TopClientOptions Options { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>1 for the first attempt; the retry policy counts up.</summary>
        public int Attempt { get; set; } = 1;

        /// <summary>The session this call sends: the request's own, else the connection's.</summary>
        public Secret? Session => Request.WithoutSession ? null : Request.Session ?? Options.Session;

        /// <summary>System parameters of the current attempt, set by the signing policy.</summary>
        public IDictionary<string, string?> SystemParameters { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

        public TopResponse? Response { get; set; }

        public TimeSpan Elapsed => _clock.Elapsed;

        public void Report(TopCallEventKind kind, string? requestId = null, TimeSpan? delay = null, string? reason = null)
            => _observer?.Invoke(new TopCallEvent(kind, Request.Method, Attempt, Elapsed, requestId, delay, reason));

        /// <summary>
        /// Masks every secret this call knows in text that may have echoed the request (gateway errors, proxy pages,
        /// exceptions): the connection's, this call's session, and its secret-bearing parameters (an OAuth code, a refresh token).
        /// </summary>
        public Redactor Redactor
            => new Redactor(Options.Secrets.Concat(new[] { Session }).Concat(
                Request.Parameters.Where(p => !string.IsNullOrEmpty(p.Value) && AuditPolicy.IsSecretParameter(p.Key, Request.Method)).Select(p => new Secret(p.Value!))));

        public string Redact(string text) => Redactor.Redact(text);
    }
}
