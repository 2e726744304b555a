using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using TaobaoTop.Core.Catalog;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>One TOP call travelling through the pipeline: the request, its signed system parameters, the answer.</summary>
    public sealed class TopCall : ServiceCall
    {
        private readonly Action<TopCallEvent>? _observer;

        public TopCall(TopRequest request, TopClientOptions options, Action<TopCallEvent>? observer, CancellationToken cancellationToken)
            : base(request.Method, options, cancellationToken)
        {
            Request = request;
            Options = options;
            _observer = observer;
        }

        public TopRequest Request { get; }

        internal Action<TopCallEvent>? Observer => _observer;

        public TopClientOptions Options { get; }

        /// <summary>The session this call sends: the request's own, else the connection's.</summary>
        public Secret? Session => Request.WithoutSession ? null : Request.Session ?? Options.Session;

        /// <summary>System parameters of the current attempt, set by the signing policy.</summary>
        public IDictionary<string, string?> SystemParameters { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

        public TopResponse? Response { get; private set; }

        public override string? RequestId => Response?.RequestId;

        public override bool IsIdempotent => Request.IsIdempotent ?? !TopApiCatalog.Default.Writes(Request.Method);

        public override void Report(CallEventKind kind, string? requestId = null, TimeSpan? delay = null, string? reason = null)
            => _observer?.Invoke(new TopCallEvent(kind, Api, Attempt, Elapsed, requestId, delay, reason));

        /// <summary>
        /// Masks every secret this call knows in text that may have echoed the request (gateway errors, proxy pages,
        /// exceptions): the connection's, this call's session, and its secret-bearing parameters (an OAuth code, a refresh token).
        /// </summary>
        public override Redactor Redactor
            => new Redactor(Options.Secrets.Concat(new[] { Session }).Concat(
                Request.Parameters.Where(p => !string.IsNullOrEmpty(p.Value) && AuditPolicy.IsSecretParameter(p.Key, Request.Method)).Select(p => new Secret(p.Value!))));

        internal override void ReadAnswer(ArraySegment<byte> body) => Response = TopResponseParser.Parse(Api, body, Redactor, Request.AnswerReader);

        internal override IEnumerable<KeyValuePair<string, string>> AuditParameters
            => Request.Parameters.Where(p => !string.IsNullOrEmpty(p.Value))
                .Select(p => new KeyValuePair<string, string>(p.Key, AuditPolicy.IsSecretParameter(p.Key, Api) ? AuditPolicy.Masked : Redact(p.Value!)));

        internal override IEnumerable<KeyValuePair<string, string>> AuditFiles
            => Request.Files.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString()));

        /// <summary>
        /// POSTs system parameters in the query string and business parameters in the body (form or multipart, as the
        /// official SDKs do).
        /// </summary>
        internal override HttpRequestMessage CreateHttpRequest()
        {
            var system = SystemParameters;
            var uri = new UriBuilder(Options.Endpoint);
            var query = FormBody.EncodeToString(system);
            uri.Query = string.IsNullOrEmpty(uri.Query) || uri.Query == "?" ? query : uri.Query.TrimStart('?') + "&" + query;

            var request = new HttpRequestMessage(HttpMethod.Post, uri.Uri);
            request.Headers.Accept.ParseAdd("application/json");
            // .NET Framework's handler copies this onto the ServicePoint: no 100-continue round trip before the body.
            request.Headers.ExpectContinue = false;
            var business = Business(Request.Parameters, system);
            request.Content = Request.Files.Count == 0 ? FormContent(business) : MultipartContent(business, Request.Files);
            return request;
        }

        private static IEnumerable<KeyValuePair<string, string?>> Business(IDictionary<string, string?> parameters, IDictionary<string, string?> system)
        {
            foreach (var pair in parameters)
            {
                if (!system.ContainsKey(pair.Key) && !string.IsNullOrEmpty(pair.Value)) yield return pair;
            }
        }

        private static HttpContent FormContent(IEnumerable<KeyValuePair<string, string?>> business)
        {
            var content = new ByteArrayContent(FormBody.Encode(business));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(FormBody.ContentType);
            return content;
        }

        private static HttpContent MultipartContent(IEnumerable<KeyValuePair<string, string?>> business, IDictionary<string, TopFile> files)
        {
            var content = new MultipartFormDataContent("----TaobaoTop" + Guid.NewGuid().ToString("N"));
            foreach (var pair in business)
            {
                var part = new ByteArrayContent(Encoding.UTF8.GetBytes(pair.Value!));
                part.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain;charset=UTF-8");
                part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(pair.Key) };
                content.Add(part);
            }
            foreach (var file in files)
            {
                var part = new ByteArrayContent(file.Value.Content);
                part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.Value.ContentType);
                part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(file.Key), FileName = Quote(file.Value.FileName) };
                content.Add(part);
            }
            return content;
        }

        private static string Quote(string text) => "\"" + text.Replace("\"", "") + "\"";
    }
}
