using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>One call of any service travelling through the pipeline: what the shared policies need to know of it.</summary>
    public abstract class ServiceCall
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        protected ServiceCall(string api, ServiceClientOptions options, CancellationToken cancellationToken)
        {
            Api = api;
            ClientOptions = options;
            CancellationToken = cancellationToken;
        }

        /// <summary>The API: a TOP method name or a WeCom path.</summary>
        public string Api { get; }

        public ServiceClientOptions ClientOptions { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>1 for the first attempt; the retry policy counts up, over every retry of the call.</summary>
        public int Attempt { get; set; } = 1;

        public TimeSpan Elapsed => _clock.Elapsed;

        /// <summary>
        /// Whether sending the call twice is harmless. Only such calls are sent again after a failure that may have
        /// been carried out (a time-out, a dropped connection).
        /// </summary>
        public abstract bool IsIdempotent { get; }

        /// <summary>The id the service gave the answer, if any.</summary>
        public virtual string? RequestId => null;

        /// <summary>Masks every secret this call knows in text that may have echoed the request.</summary>
        public abstract Redactor Redactor { get; }

        public string Redact(string text) => Redactor.Redact(text);

        /// <summary>Tells the call's observer what happened, as the service's event.</summary>
        public abstract void Report(CallEventKind kind, string? requestId = null, TimeSpan? delay = null, string? reason = null);

        /// <summary>The HTTP request of the current attempt.</summary>
        internal abstract HttpRequestMessage CreateHttpRequest();

        /// <summary>Reads the body of a 2xx answer; throws the service's error when it is one, or cannot be read.</summary>
        internal abstract void ReadAnswer(ArraySegment<byte> body);

        /// <summary>Business parameters for the audit log, values redacted and secret-bearing ones masked.</summary>
        internal virtual IEnumerable<KeyValuePair<string, string>> AuditParameters => Enumerable.Empty<KeyValuePair<string, string>>();

        /// <summary>Files sent, for the audit log: part name and a description (never the content).</summary>
        internal virtual IEnumerable<KeyValuePair<string, string>> AuditFiles => Enumerable.Empty<KeyValuePair<string, string>>();
    }
}
