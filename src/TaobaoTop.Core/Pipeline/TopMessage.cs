using System;
using System.Collections.Generic;
using System.Diagnostics;
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

        /// <summary>Masks the secret and session in text that may have echoed the request (proxy pages, exceptions).</summary>
        public string Redact(string text)
        {
            text = Options.AppSecret.Redact(text);
            if (Options.RefreshToken != null) text = Options.RefreshToken.Redact(text);
            return Session is null ? text : Session.Redact(text);
        }
    }
}
