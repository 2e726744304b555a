using System;
using System.Collections.Generic;

namespace TaobaoTop.Emulator
{
    /// <summary>The demo values the emulator knows out of the box; they are not secrets of any real app.</summary>
    public static class EmulatorDefaults
    {
        public const string DemoAppKey = "10000001";
        public const string DemoAppSecret = "taobaotop-emulator-secret";
        public const string DemoSession = "6100demo0seller0session";
        public const string DemoSellerNick = "演示店铺";
        public const long DemoSellerUserId = 2200000001;

        /// <summary>A second app with its own seller, so tests can check that one seller never sees another's items.</summary>
        public const string SecondAppKey = "10000002";
        public const string SecondAppSecret = "taobaotop-emulator-secret-2";
        public const string SecondSession = "6100demo1seller1session";
        public const string SecondSellerNick = "演示二店";
        public const long SecondSellerUserId = 2200000002;

        public const string DemoPid = "mm_1000001_2000001_3000001";
        public const long DemoMemberId = 1000001;
        public const long DemoSiteId = 2000001;
        public const long DemoAdzoneId = 3000001;

        /// <summary>An OAuth authorization code that <c>taobao.top.auth.token.create</c> always accepts, for the calling app's demo seller.</summary>
        public const string DemoAuthCode = "demo-auth-code";

        public const string GatewayPath = "/router/rest";

        public static IList<EmulatorApp> CreateDemoApps() => new List<EmulatorApp>
        {
            new EmulatorApp(DemoAppKey, DemoAppSecret, DemoSession, DemoSellerNick),
            new EmulatorApp(SecondAppKey, SecondAppSecret, SecondSession, SecondSellerNick),
        };
    }

    /// <summary>An app the gateway accepts; its demo session (if any) belongs to <see cref="SessionUser"/>.</summary>
    public sealed class EmulatorApp
    {
        public EmulatorApp(string appKey, string appSecret, string? session = null, string? sessionUser = null)
        {
            AppKey = appKey ?? throw new ArgumentNullException(nameof(appKey));
            AppSecret = appSecret ?? throw new ArgumentNullException(nameof(appSecret));
            Session = session;
            SessionUser = sessionUser;
        }

        public string AppKey { get; }

        public string AppSecret { get; }

        /// <summary>A session that never expires, as if the user had authorised the app long ago.</summary>
        public string? Session { get; }

        /// <summary>The nick the session belongs to; the demo seller when null.</summary>
        public string? SessionUser { get; }

        public override string ToString() => "EmulatorApp " + AppKey + (Session == null ? "" : " (with a session)");
    }

    public sealed class EmulatorOptions
    {
        /// <summary>Checks signature and timestamp. Loose mode (false) skips both and says so in a response header.</summary>
        public bool Strict { get; set; } = true;

        /// <summary>Seeds the demo data and the fault dice, so runs repeat.</summary>
        public int Seed { get; set; } = 42;

        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        /// <summary>Calls per clock second allowed per app key (fractions round down, at least 1); 0 = unlimited.</summary>
        public double QpsLimit { get; set; }

        /// <summary>Calls per day (+08:00) allowed per app key; 0 = unlimited.</summary>
        public long DailyQuota { get; set; }

        /// <summary>Added to every answer, as a round trip: half before the gateway sees the call, half after.</summary>
        public TimeSpan Latency { get; set; } = TimeSpan.Zero;

        /// <summary>Share (0..1) of calls answered with an <c>isp.*</c> service error instead of running.</summary>
        public double IspErrorRate { get; set; }

        public double Http502Rate { get; set; }

        public double Http503Rate { get; set; }

        /// <summary>Share of calls whose connection drops before an answer.</summary>
        public double DropConnectionRate { get; set; }

        /// <summary>Share of writing calls that change state and then lose their answer (the caller times out).</summary>
        public double LostAnswerRate { get; set; }

        /// <summary>How long a token from <c>taobao.top.auth.token.create</c> stays valid.</summary>
        public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromDays(1);

        public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

        public IList<EmulatorApp> Apps { get; set; } = EmulatorDefaults.CreateDemoApps();

        /// <summary>Affiliate orders per day; null takes <see cref="Affiliate.AffiliateModule.DefaultOrdersPerDay"/>.</summary>
        public double? OrdersPerDay { get; set; }

        /// <summary>
        /// Extra affiliate orders created in the hour that starts at <see cref="OrderBurstHour"/>, a sale-night rush:
        /// 3,000 fill 150 pages of 20 in one order window. 0 to <see cref="MaxOrderBurst"/>.
        /// </summary>
        public int OrderBurst { get; set; }

        /// <summary>The start of the rush hour (its date and hour in TOP time count).</summary>
        public DateTimeOffset? OrderBurstHour { get; set; }

        /// <summary>Trade ids leave room for 9,999 orders an hour, the rush included.</summary>
        public const int MaxOrderBurst = 9000;

        /// <summary>A JSON file the state is loaded from at start and saved to after writes; null keeps state in memory only.</summary>
        public string? StatePath { get; set; }
    }
}
