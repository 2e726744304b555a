using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.WeCom
{
    /// <summary>One WeCom call travelling through the pipeline: path, query, JSON body, the access token of the attempt, the answer.</summary>
    public sealed class WeComCall : ServiceCall
    {
        private readonly WeComClientOptions _options;
        private readonly WeComClassifier _classifier;
        private readonly Action<WeComCallEvent>? _observer;
        private readonly IReadOnlyList<KeyValuePair<string, string>> _query;
        private readonly string? _body;
        private readonly bool _idempotent;

        internal WeComCall(WeComClientOptions options, WeComClassifier classifier, HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? query, string? body,
            bool idempotent, bool needsToken, Action<WeComCallEvent>? observer, CancellationToken cancellationToken)
            : base(path, options, cancellationToken)
        {
            _options = options;
            _classifier = classifier;
            Method = method;
            _query = query?.ToList() ?? new List<KeyValuePair<string, string>>();
            _body = body;
            _idempotent = idempotent;
            NeedsToken = needsToken;
            _observer = observer;
        }

        public HttpMethod Method { get; }

        /// <summary>False for gettoken itself.</summary>
        public bool NeedsToken { get; }

        /// <summary>The access token this attempt sends, set by the token policy.</summary>
        public Secret? Token { get; internal set; }

        /// <summary>The answer's JSON object, once errcode said 0.</summary>
        public JsonElement Answer { get; private set; }

        internal Action<WeComCallEvent>? Observer => _observer;

        public override bool IsIdempotent => _idempotent;

        public override Redactor Redactor => new Redactor(_options.CorpSecret, Token);

        public override void Report(CallEventKind kind, string? requestId = null, TimeSpan? delay = null, string? reason = null)
            => _observer?.Invoke(new WeComCallEvent(kind, Api, Attempt, Elapsed, delay, reason));

        internal override IEnumerable<KeyValuePair<string, string>> AuditParameters
            => _query.Select(p => new KeyValuePair<string, string>(p.Key, AuditPolicy.IsSecretParameter(p.Key, Api) ? AuditPolicy.Masked : Redact(p.Value)));

        internal override HttpRequestMessage CreateHttpRequest()
        {
            var parameters = Token is null ? _query : new[] { new KeyValuePair<string, string>("access_token", Token.Reveal()) }.Concat(_query);
            var uri = new Uri(_options.Endpoint, Api + "?" + string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))));
            var request = new HttpRequestMessage(Method, uri);
            if (_body != null) request.Content = new StringContent(_body, Encoding.UTF8, "application/json");
            return request;
        }

        internal override void ReadAnswer(ArraySegment<byte> bytes)
        {
            var body = Encoding.UTF8.GetString(bytes.Array!, bytes.Offset, bytes.Count);
            JsonElement answer;
            try
            {
                using (var document = JsonDocument.Parse(body))
                {
                    if (document.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("not an object");
                    answer = document.RootElement.Clone();
                }
            }
            catch (JsonException)
            {
                // WeCom under load may answer an empty body; the SDKs treat it as transient.
                if (string.IsNullOrWhiteSpace(body)) throw _classifier.NoAnswer(this, CoreText.Format("WeComEmptyAnswer", Api), sent: true, null);
                throw _classifier.Unreadable(this, CoreText.Format("WeComNotJson", Api), Redactor.Excerpt(body));
            }
            var errCode = answer.Int("errcode") ?? 0;
            if (errCode != 0) throw _classifier.Answer(Api, errCode, Redact(answer.Text("errmsg") ?? string.Empty));
            Answer = answer;
        }
    }
}
