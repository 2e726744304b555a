using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Emulator.Auth;
using TaobaoTop.Emulator.Gateway;
using TaobaoTop.Emulator.Seller;

namespace TaobaoTop.Emulator
{
    /// <summary>
    /// An offline TOP gateway: checks requests the way <c>/router/rest</c> does and answers from in-memory state.
    /// Independent of the client on purpose, so it can catch the client's mistakes.
    /// </summary>
    public sealed class TopEmulator : IDisposable
    {
        public const string LooseModeHeader = "X-TaobaoTop-Emulator";
        public const string LooseModeHeaderValue = "loose (signature and timestamp not checked)";

        private static readonly HashSet<string> SystemParameters = new HashSet<string>(StringComparer.Ordinal)
        {
            "method", "app_key", "timestamp", "v", "sign_method", "sign", "session", "format", "simplify", "partner_id", "target_app_key",
        };

        private static readonly JsonSerializerOptions JsonOptions = new JsonSerializerOptions
        {
            // TOP answers Chinese text as UTF-8, not as \u escapes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        private readonly IApiModule[] _modules;
        private readonly ApiRegistry _registry = new ApiRegistry();
        private readonly SessionStore _sessions = new SessionStore();
        private readonly Throttle _throttle = new Throttle();
        private readonly StatsCounters _stats = new StatsCounters();
        private readonly StateFile? _stateFile;
        private readonly object _diceLock = new object();
        private Dictionary<string, EmulatorApp> _apps = new Dictionary<string, EmulatorApp>(StringComparer.Ordinal);
        private Random _dice = new Random(0);
        private int _seed;
        private long _requestCounter;

        public TopEmulator(EmulatorOptions? options = null)
            : this(options, Array.Empty<IApiModule>())
        {
        }

        /// <summary>For tests of the gateway itself: <paramref name="extraModules"/> come after the built-in ones.</summary>
        internal TopEmulator(EmulatorOptions? options, IEnumerable<IApiModule> extraModules)
        {
            Options = options ?? new EmulatorOptions();
            // The one list of emulated API modules.
            var messages = new Seller.MessageService();
            _modules = new IApiModule[]
            {
                new SellerModule(messages),
                messages,
                new AuthModule(_sessions, Options),
                new Affiliate.AffiliateModule(Options.OrdersPerDay ?? Affiliate.AffiliateModule.DefaultOrdersPerDay) { Burst = Affiliate.OrderBurst.From(Options) },
            }.Concat(extraModules).ToArray();
            foreach (var module in _modules) module.Register(_registry);
            Reset(Options.Seed);
            if (Options.StatePath != null)
            {
                _stateFile = new StateFile(Options.StatePath, _modules);
                _stateFile.Load();
            }
        }

        public EmulatorOptions Options { get; }

        internal IApiModule[] Modules => _modules;

        public EmulatorStats Stats => _stats.Snapshot();

        /// <summary>The APIs the emulator answers for real.</summary>
        public IEnumerable<string> ModelledMethods => _registry.Methods;

        /// <summary>What the emulator declares of a modelled API: whether it needs a session, whether it writes.</summary>
        public bool TryGetModelled(string method, out ApiRegistration registration) => _registry.TryGet(method, out registration);

        /// <summary>An <see cref="HttpMessageHandler"/> that hands requests straight to <see cref="HandleAsync"/>, without a socket.</summary>
        public HttpMessageHandler CreateHandler() => new EmulatorMessageHandler(this);

        /// <summary>Puts state, counters, limits and fault dice back to what <paramref name="seed"/> gives (the configured seed by default).</summary>
        public void Reset(int? seed = null)
        {
            var actualSeed = seed ?? Options.Seed;
            var now = Now();
            lock (_diceLock)
            {
                _seed = actualSeed;
                _dice = new Random(actualSeed);
                Interlocked.Exchange(ref _requestCounter, 0);
            }
            _apps = Options.Apps.GroupBy(a => a.AppKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            _sessions.Reset(Options.Apps, actualSeed);
            _throttle.Clear();
            _stats.Clear();
            foreach (var module in _modules) module.Reset(actualSeed, now);
            _stateFile?.ScheduleSave();
        }

        /// <summary>The server side of <c>/router/rest</c>.</summary>
        /// <exception cref="HttpRequestException">Injected fault: the connection dropped.</exception>
        /// <exception cref="TaskCanceledException">Injected fault: the call ran but its answer was lost (inner <see cref="TimeoutException"/>).</exception>
        public async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            _stats.Request();
            // Latency is a round trip: the gateway sees (and counts against the quota) a call half way, and its answer
            // takes the other half.
            var halfWay = TimeSpan.FromTicks(Options.Latency.Ticks / 2);
            if (halfWay > TimeSpan.Zero) await Task.Delay(halfWay, ct).ConfigureAwait(false);
            var answer = await AnswerAsync(request).ConfigureAwait(false);
            try
            {
                if (Options.Latency - halfWay > TimeSpan.Zero) await Task.Delay(Options.Latency - halfWay, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                answer.Dispose();
                throw;
            }
            return answer;
        }

        private async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request)
        {
            if (request.RequestUri == null || request.RequestUri.AbsolutePath != EmulatorDefaults.GatewayPath)
                return Mark(Html(HttpStatusCode.NotFound, "404 Not Found"));

            try
            {
                var received = await RequestReader.ReadAsync(request).ConfigureAwait(false);
                var method = received.Get("method");
                if (method != null) _stats.Call(method);
                if (TransportFault() is HttpResponseMessage faulted) return Mark(faulted);
                var (registration, call) = Admit(request, received, method);
                var body = Run(registration, call);
                if (registration.Writes)
                {
                    _stateFile?.SaveWrite();
                    if (Roll(Options.LostAnswerRate))
                    {
                        _stats.Fault(FaultKinds.LostAnswer);
                        throw new TaskCanceledException(
                            "The request was canceled due to a timeout; the emulator ran the call and then lost its answer (injected fault).",
                            new TimeoutException("The answer was lost after the write (emulated)."));
                    }
                }
                _stats.Success();
                return Mark(Success(call, body));
            }
            catch (TopApiException error)
            {
                _stats.Error(error.Code);
                return Mark(Error(error));
            }
        }

        public void Dispose() => _stateFile?.Dispose();

        /// <summary>A handler that fails unexpectedly answers as TOP does when a backend breaks: an isp error, with the cause in sub_msg.</summary>
        private static JsonObject Run(ApiRegistration registration, ApiCall call)
        {
            try
            {
                return registration.Handler(call);
            }
            catch (Exception e) when (!(e is TopApiException))
            {
                throw new TopApiException(15, "Remote service error", "isp.unknown-error",
                    "The emulator failed inside " + call.Method + ": " + e.GetType().Name + ": " + e.Message);
            }
        }

        /// <summary>Faults of the network and the front proxy, before the gateway looks at the request.</summary>
        private HttpResponseMessage? TransportFault()
        {
            if (Roll(Options.DropConnectionRate))
            {
                _stats.Fault(FaultKinds.DropConnection);
                throw new HttpRequestException(
                    "The emulator dropped the connection (injected fault).",
                    new IOException("Connection reset by peer (emulated)."));
            }
            if (Roll(Options.Http502Rate))
            {
                _stats.Fault(FaultKinds.Http502);
                return Html(HttpStatusCode.BadGateway, "502 Bad Gateway");
            }
            if (Roll(Options.Http503Rate))
            {
                _stats.Fault(FaultKinds.Http503);
                return Html(HttpStatusCode.ServiceUnavailable, "503 Service Temporarily Unavailable");
            }
            return null;
        }

        /// <summary>Runs every gateway check in TOP's order; returns the handler and its call, or throws the error answer.</summary>
        private (ApiRegistration, ApiCall) Admit(HttpRequestMessage request, ReceivedRequest received, string? method)
        {
            if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Post)
                throw new TopApiException(9, "Http action not allowed");
            if (method == null) throw new TopApiException(21, "Missing method");

            var format = received.Get("format");
            if (format == null || format == "xml")
            {
                // TOP answers XML when format is absent. The emulator only speaks JSON, so rather than answer
                // something a real gateway never would, it refuses with 23 Invalid format, the code TOP gives a
                // format it cannot produce, and says why in sub_msg.
                throw new TopApiException(23, "Invalid format", "isv.emulator-xml-not-modelled",
                    "The emulator answers format=json only; TOP's default (no format) is XML, which the emulator does not produce.");
            }
            if (format != "json") throw new TopApiException(23, "Invalid format");

            var appKey = received.Get("app_key") ?? throw new TopApiException(28, "Missing app key");
            if (!_apps.TryGetValue(appKey, out var app)) throw new TopApiException(29, "Invalid app key");

            var version = received.Get("v") ?? throw new TopApiException(32, "Missing version");
            if (version != "2.0") throw new TopApiException(33, "Invalid version");

            var now = Now();
            if (Options.Strict)
            {
                CheckTimestamp(received, now);
                CheckSignature(received, app);
            }

            if (!_registry.TryGet(method, out var registration))
            {
                if (ApiCatalog.TryGet(method, out var entry))
                {
                    throw TopApiException.Business("isv.emulator-not-modelled",
                        "The emulator does not model " + method + " (" + entry.Title + ") yet; the real TOP gateway offers it.");
                }
                throw new TopApiException(22, "Invalid method");
            }

            string? sessionUser = null;
            var session = received.Get("session");
            if (session != null)
            {
                var owner = _sessions.Resolve(session, appKey, now)
                    ?? throw new TopApiException(27, "Invalid session", "invalid-sessionkey", "Session is invalid or expired.");
                sessionUser = owner.UserNick;
            }
            else if (registration.NeedsSession)
            {
                throw new TopApiException(26, "Missing session");
            }

            var limited = _throttle.TryAdmit(appKey, now, Options.QpsLimit, Options.DailyQuota);
            if (limited != null) throw limited;

            if (Roll(Options.IspErrorRate))
            {
                _stats.Fault(FaultKinds.Isp);
                // Real traffic shows both codes for the same isp failure; a client has to handle either.
                var code = Roll(0.5) ? 50 : 15;
                throw new TopApiException(code, "Remote service error", "isp.top-remote-service-unavailable",
                    "The remote service is temporarily unavailable (injected by the emulator); retry later.");
            }

            var business = received.Parameters
                .Where(p => !SystemParameters.Contains(p.Key))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var simplify = received.Get("simplify") is string s && (s == "true" || s == "1");
            return (registration, new ApiCall(method, business, received.Files, appKey, sessionUser, simplify, now));
        }

        private static void CheckTimestamp(ReceivedRequest received, DateTimeOffset now)
        {
            var text = received.Get("timestamp") ?? throw new TopApiException(30, "Missing timestamp");
            if (!TopTime.TryParseTimestamp(text, out var timestamp) || (timestamp - now).Duration() > TopTime.AllowedSkew)
                throw new TopApiException(31, "Invalid timestamp");
        }

        private static void CheckSignature(ReceivedRequest received, EmulatorApp app)
        {
            var sign = received.Get("sign") ?? throw new TopApiException(24, "Missing signature");
            // Old TOP clients omit sign_method; the gateway then assumes md5.
            var signMethod = received.Get("sign_method") ?? "md5";
            var expected = TopSignature.Sign(received.Parameters, app.AppSecret, signMethod);
            if (expected == null)
                throw new TopApiException(25, "Invalid signature", "isv.invalid-sign-method", "sign_method must be md5, hmac or hmac-sha256.");
            // Exact match: every official SDK sends upper-case hex.
            if (!string.Equals(sign, expected, StringComparison.Ordinal)) throw new TopApiException(25, "Invalid signature");
        }

        private HttpResponseMessage Success(ApiCall call, JsonObject body)
        {
            body["request_id"] = NextRequestId();
            var root = call.Simplify ? body : new JsonObject { [ResponseRoot(call.Method)] = body };
            return Json(root);
        }

        private HttpResponseMessage Error(TopApiException error)
        {
            var inner = new JsonObject { ["code"] = error.Code, ["msg"] = error.Msg };
            if (error.SubCode != null) inner["sub_code"] = error.SubCode;
            if (error.SubMsg != null) inner["sub_msg"] = error.SubMsg;
            inner["request_id"] = NextRequestId();
            return Json(new JsonObject { ["error_response"] = inner });
        }

        /// <summary><c>taobao.item.seller.get</c> → <c>item_seller_get_response</c>; other prefixes (tmall., alibaba.) stay.</summary>
        public static string ResponseRoot(string method)
        {
            var name = method.StartsWith("taobao.", StringComparison.Ordinal) ? method.Substring("taobao.".Length) : method;
            return name.Replace('.', '_') + "_response";
        }

        private static HttpResponseMessage Json(JsonNode root) => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(root.ToJsonString(JsonOptions), Encoding.UTF8, "application/json"),
        };

        /// <summary>What the Tengine front of TOP answers when the gateway behind it fails.</summary>
        private static HttpResponseMessage Html(HttpStatusCode status, string title) => new HttpResponseMessage(status)
        {
            Content = new StringContent(
                "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title +
                "</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n",
                Encoding.UTF8,
                "text/html"),
        };

        private HttpResponseMessage Mark(HttpResponseMessage response)
        {
            if (!Options.Strict) response.Headers.TryAddWithoutValidation(LooseModeHeader, LooseModeHeaderValue);
            return response;
        }

        private DateTimeOffset Now() => Options.Clock().ToOffset(TopTime.Offset);

        private bool Roll(double rate)
        {
            if (rate <= 0) return false;
            lock (_diceLock) return _dice.NextDouble() < rate;
        }

        /// <summary>A TOP-like request id, repeatable for a seed and call order.</summary>
        private string NextRequestId()
        {
            var n = (ulong)Interlocked.Increment(ref _requestCounter);
            var x = unchecked(n * 0x9E3779B97F4A7C15UL + (ulong)(uint)_seed * 0xBF58476D1CE4E5B9UL);
            x = unchecked((x ^ (x >> 31)) * 0x94D049BB133111EBUL);
            const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
            var id = new char[13];
            for (var i = 0; i < id.Length; i++)
            {
                id[i] = digits[(int)(x % 36)];
                x /= 36;
            }
            return new string(id);
        }
    }
}
