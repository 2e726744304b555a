using System;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Affiliate
{
    /// <summary>
    /// The affiliate (淘宝客) APIs: 淘口令, link conversion, material search over a synthetic catalog, private-domain
    /// registration, and orders / refunds / punish records generated lazily from the seed.
    /// </summary>
    public sealed partial class AffiliateModule : IApiModule
    {
        /// <summary>
        /// Orders per day a new module generates. The gateway creates its modules itself, so this is the knob
        /// to set before creating a <see cref="TopEmulator"/> (e.g. a benchmark raising it to 2000).
        /// </summary>
        public static double DefaultOrdersPerDay { get; set; } = 200;

        /// <summary>Trade ids leave room for 9,999 orders an hour; this keeps the busiest evening hour below that.</summary>
        public const double MaxOrdersPerDay = 100_000;

        private readonly object _lock = new object();
        private double _ordersPerDay;
        private int _seed;
        private SyntheticCatalog _catalog;
        private AffiliateState _state;
        private SyntheticOrders _orders;

        public AffiliateModule()
            : this(DefaultOrdersPerDay)
        {
        }

        public AffiliateModule(double ordersPerDay)
        {
            CheckDensity(ordersPerDay);
            _ordersPerDay = ordersPerDay;
            // Placeholder state until the gateway calls Reset with its seed and clock.
            var now = DateTimeOffset.UtcNow;
            _catalog = new SyntheticCatalog(0, now);
            _state = AffiliateState.Seeded(0, now);
            _orders = new SyntheticOrders(0, ordersPerDay);
        }

        /// <summary>A rush of extra orders in one hour (<see cref="EmulatorOptions.OrderBurst"/>); takes effect at the next reset.</summary>
        internal OrderBurst? Burst { get; set; }

        /// <summary>Average synthetic orders per day (more in the evening, fewer at night); changing it regenerates the order history.</summary>
        public double OrdersPerDay
        {
            get => _ordersPerDay;
            set
            {
                CheckDensity(value);
                lock (_lock)
                {
                    _ordersPerDay = value;
                    _orders = new SyntheticOrders(_seed, value, Burst);
                }
            }
        }

        public void Register(ApiRegistry registry)
        {
            RegisterPasswords(registry);
            RegisterLinks(registry);
            RegisterMaterial(registry);
            RegisterPublishers(registry);
            RegisterOrders(registry);
            RegisterPromotions(registry);
            RegisterRisk(registry);
            RegisterHelpers(registry);
            RegisterNewUsers(registry);
            RegisterRidReport(registry);
            RegisterPasswordReport(registry);
            RegisterTools(registry);
        }

        public void Reset(int seed, DateTimeOffset now)
        {
            lock (_lock)
            {
                _seed = seed;
                _catalog = new SyntheticCatalog(seed, now);
                _state = AffiliateState.Seeded(seed, now);
                _orders = new SyntheticOrders(seed, _ordersPerDay, Burst);
            }
        }

        public JsonNode? SaveState()
        {
            lock (_lock) return _state.Save();
        }

        public void LoadState(JsonNode state)
        {
            lock (_lock) _state.Load(state);
        }

        /// <summary>
        /// The caller's adzone, or TOP's business errors: 4 when it does not exist, 2 when it is not on <c>site_id</c>;
        /// the older link APIs (item/shop convert) answer both as <c>isv.invalid-parameter:adzone_id</c>.
        /// </summary>
        private Adzone OwnAdzone(ApiCall call, bool legacyErrors = false)
        {
            var adzoneId = Arguments.RequiredLong(call, "adzone_id");
            // sc (service-provider) APIs name the media explicitly.
            var siteId = call.Method.StartsWith("taobao.tbk.sc.", StringComparison.Ordinal)
                ? Arguments.RequiredLong(call, "site_id")
                : Arguments.OptionalLong(call, "site_id");
            var adzone = _state.FindAdzone(adzoneId);
            if (adzone != null && (siteId == null || siteId == adzone.SiteId)) return adzone;
            if (legacyErrors) throw TopApiException.Business("isv.invalid-parameter:adzone_id", "adzone_id不正确");
            if (adzone == null) throw TopApiException.Business("4", "查询不到对应的adzoneId，请检查adzoneId是否正确");
            throw TopApiException.Business("2", "pid不正确，请检查是否输入了正确的adzoneId和siteId");
        }

        private static void CheckDensity(double ordersPerDay)
        {
            if (ordersPerDay < 0 || ordersPerDay > MaxOrdersPerDay)
                throw new ArgumentOutOfRangeException(nameof(ordersPerDay), ordersPerDay, "Orders per day must be between 0 and " + MaxOrdersPerDay + ".");
        }

        private static TopApiException NoResult() => TopApiException.Business("50001", "无结果");
    }
}
