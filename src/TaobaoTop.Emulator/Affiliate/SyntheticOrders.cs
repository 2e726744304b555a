using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Affiliate
{
    /// <summary>
    /// One synthetic affiliate order's whole life (paid, confirmed, settled, closed, 维权), a pure function of
    /// seed + hour + index. Which of those events already happened depends on the clock at query time.
    /// </summary>
    internal struct OrderLife
    {
        public long TradeId;
        public long Hour;
        public int Index;
        public DateTimeOffset Created;
        public DateTimeOffset Paid;
        public DateTimeOffset? Confirmed;
        public DateTimeOffset? Settled;
        public DateTimeOffset? Closed;
        public DateTimeOffset? RefundStarted;
        public DateTimeOffset? RefundFinished;
        public bool RefundSucceeded;
        public bool Punished;
        public int ItemIndex;
        public int ItemNum;
        public int OrderRole;
        public bool Wireless;
        public ulong ChannelRoll;

        /// <summary>12 付款, 13 失效, 14 确认收货, 3 结算, as of <paramref name="now"/>.</summary>
        public int StatusAt(DateTimeOffset now)
        {
            if (Closed <= now) return 13;
            if (Settled <= now) return 3;
            if (Confirmed <= now) return 14;
            return 12;
        }

        public DateTimeOffset ModifiedAt(DateTimeOffset now)
        {
            var modified = Paid;
            Later(ref modified, Confirmed, now);
            Later(ref modified, Settled, now);
            Later(ref modified, Closed, now);
            Later(ref modified, RefundStarted, now);
            Later(ref modified, RefundFinished, now);
            return modified;
        }

        public bool RefundTagAt(DateTimeOffset now) => RefundStarted <= now;

        private static void Later(ref DateTimeOffset modified, DateTimeOffset? change, DateTimeOffset now)
        {
            if (change <= now && change > modified) modified = change.Value;
        }
    }

    /// <summary>The adzones / 渠道 / 会员 an order can be attributed to, each from the moment it existed.</summary>
    internal sealed class ChannelPools
    {
        public ChannelPools(AffiliateState state)
        {
            Adzones = state.Adzones.OrderBy(a => a.Created ?? DateTimeOffset.MinValue).ToArray();
            Relations = state.Publishers.Where(p => p.Kind == PublisherKind.Relation).OrderBy(p => p.RegisteredAt ?? DateTimeOffset.MinValue).ToArray();
            Specials = state.Publishers.Where(p => p.Kind == PublisherKind.Special).OrderBy(p => p.RegisteredAt ?? DateTimeOffset.MinValue).ToArray();
            Sites = new Dictionary<long, string>(state.Sites);
        }

        public Adzone[] Adzones { get; }
        public Publisher[] Relations { get; }
        public Publisher[] Specials { get; }
        public Dictionary<long, string> Sites { get; }

        public static T? Pick<T>(T[] pool, Func<T, DateTimeOffset?> since, DateTimeOffset at, ulong roll) where T : class
        {
            var available = pool.Length;
            while (available > 0 && (since(pool[available - 1]) ?? DateTimeOffset.MinValue) > at) available--;
            return available == 0 ? null : pool[(int)(roll % (ulong)available)];
        }
    }

    /// <summary>Where an order came from: always an adzone, and a 渠道 or a 会员 for private-domain orders.</summary>
    internal sealed class Attribution
    {
        public Attribution(Adzone adzone, Publisher? relation, Publisher? special)
        {
            Adzone = adzone;
            Relation = relation;
            Special = special;
        }

        public Adzone Adzone { get; }
        public Publisher? Relation { get; }
        public Publisher? Special { get; }
    }

    internal sealed class SyntheticOrders
    {
        /// <summary>The longest an order keeps changing after it was created (settlement, 维权); bounds scans by update time.</summary>
        public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(60);

        private const long TradeIdBase = 1_800_000_000_000_000_000L;

        // Shoppers buy more in the evening; the weights average to 1 so the day total stays OrdersPerDay.
        private static readonly double[] HourWeights = Normalise(new[]
        {
            0.5, 0.3, 0.2, 0.15, 0.15, 0.2, 0.4, 0.7, 0.9, 1.0, 1.1, 1.1, 1.2, 1.1, 1.0, 1.0, 1.1, 1.1, 1.2, 1.4, 1.7, 1.9, 1.8, 1.2,
        });

        private const int CachedHours = 2400;

        private readonly ConcurrentDictionary<long, OrderLife[]> _cache = new ConcurrentDictionary<long, OrderLife[]>();
        private readonly int _seed;
        private readonly double _ordersPerDay;
        private readonly long _seedPart;

        private readonly OrderBurst? _burst;

        public SyntheticOrders(int seed, double ordersPerDay, OrderBurst? burst = null)
        {
            _seed = seed;
            _ordersPerDay = ordersPerDay;
            _burst = burst;
            _seedPart = (long)(SeededRandom.Mix((ulong)seed) % 1000) * 1_000_000_000_000L;
        }

        /// <summary>Hours since the Unix epoch on TOP's clock (+08:00).</summary>
        public static long HourOf(DateTimeOffset time) => (long)Math.Floor((time.ToUnixTimeSeconds() + (long)TopTime.Offset.TotalSeconds) / 3600.0);

        public static DateTimeOffset HourStart(long hour) => DateTimeOffset.FromUnixTimeSeconds(hour * 3600 - (long)TopTime.Offset.TotalSeconds).ToOffset(TopTime.Offset);

        public int CountIn(long hour)
        {
            var random = new SeededRandom(_seed, 10, hour);
            var hourOfDay = (int)(((hour % 24) + 24) % 24);
            var expected = _ordersPerDay / 24 * HourWeights[hourOfDay] * (0.85 + 0.3 * random.NextDouble());
            var count = (int)Math.Floor(expected + random.NextDouble());
            return _burst != null && _burst.Hour == hour ? count + _burst.Orders : count;
        }

        /// <summary>Every order created in <paramref name="hour"/>, created no later than <paramref name="now"/>.</summary>
        public IEnumerable<OrderLife> In(long hour, DateTimeOffset now)
        {
            foreach (var life in LivesIn(hour))
            {
                if (life.Created <= now) yield return life;
            }
        }

        /// <summary>
        /// An hour's orders, generated on first use. Queries by update time rescan two months of hours, so recent hours
        /// are kept; the cache is dropped when it grows past <see cref="CachedHours"/> hours, which bounds memory.
        /// </summary>
        private OrderLife[] LivesIn(long hour)
        {
            if (_cache.TryGetValue(hour, out var lives)) return lives;
            lives = new OrderLife[CountIn(hour)];
            for (var index = 0; index < lives.Length; index++) lives[index] = Life(hour, index);
            if (_cache.Count >= CachedHours) _cache.Clear();
            _cache[hour] = lives;
            return lives;
        }

        public bool TryFind(long tradeId, DateTimeOffset now, out OrderLife life)
        {
            life = default;
            var rest = tradeId - TradeIdBase - _seedPart;
            if (rest < 0 || rest % 10 != 0) return false;
            var hour = rest / 100_000;
            var index = (int)(rest % 100_000 / 10);
            var lives = LivesIn(hour);
            if (index >= lives.Length) return false;
            life = lives[index];
            return life.Created <= now;
        }

        private OrderLife Life(long hour, int index)
        {
            var random = new SeededRandom(_seed, 11, hour, index);
            var created = HourStart(hour).AddSeconds(random.Next(3600));
            var life = new OrderLife
            {
                TradeId = TradeIdBase + _seedPart + hour * 100_000 + index * 10L,
                Hour = hour,
                Index = index,
                Created = created,
                Paid = created.AddSeconds(random.Next(5, 900)),
                ItemIndex = random.Next(SyntheticCatalog.ItemCount),
                ItemNum = random.Chance(0.8) ? 1 : random.Next(2, 4),
                OrderRole = random.Chance(0.9) ? 2 : 3,
                Wireless = random.Chance(0.85),
                ChannelRoll = random.NextULong(),
            };
            if (random.Chance(0.08))
            {
                life.Closed = life.Paid.AddSeconds(random.Next(600, 5 * 86400));
                return life;
            }
            life.Confirmed = life.Paid.AddSeconds(random.Next(2 * 86400, 12 * 86400));
            life.Settled = life.Confirmed.Value.AddSeconds(random.Next(3600, 10 * 86400));
            if (random.Chance(0.06))
            {
                life.RefundStarted = life.Settled.Value.AddSeconds(random.Next(86400, 20 * 86400));
                life.RefundFinished = life.RefundStarted.Value.AddSeconds(random.Next(86400, 10 * 86400));
                life.RefundSucceeded = random.Chance(0.7);
            }
            life.Punished = random.Chance(0.02);
            return life;
        }

        public static Attribution Attribute(OrderLife life, ChannelPools pools)
        {
            var random = new SeededRandom((long)life.ChannelRoll);
            var adzone = ChannelPools.Pick(pools.Adzones, a => a.Created, life.Created, random.NextULong()) ?? pools.Adzones[0];
            var roll = random.NextDouble();
            var relation = roll < 0.35 ? ChannelPools.Pick(pools.Relations, p => p.RegisteredAt, life.Created, random.NextULong()) : null;
            var special = roll >= 0.35 && roll < 0.55 ? ChannelPools.Pick(pools.Specials, p => p.RegisteredAt, life.Created, random.NextULong()) : null;
            return new Attribution(adzone, relation, special);
        }

        /// <summary>The <c>publisher_order_dto</c> as <c>taobao.tbk.order.details.get</c> shows it at <paramref name="now"/>.</summary>
        public static JsonObject ToDto(OrderLife life, Attribution attribution, CatalogItem item, ChannelPools pools, DateTimeOffset now)
        {
            var status = life.StatusAt(now);
            var closed = status == 13;
            // 结算金额 exists once the buyer confirmed receipt (14 成功, 3 结算).
            var confirmed = status == 14 || status == 3;
            var paidTotal = item.FinalPromotionPrice * life.ItemNum;
            var payPrice = confirmed ? paidTotal : 0;
            var rate = item.CommissionRate;
            var shareRate = ShareRate(life);
            const decimal techServiceRate = 10m;
            var totalRate = rate * shareRate / 100;
            var commissionBase = confirmed ? payPrice : closed ? 0 : paidTotal;
            var dto = new JsonObject
            {
                ["trade_id"] = TopFormat.Number(life.TradeId),
                ["trade_parent_id"] = TopFormat.Number(life.TradeId),
                ["tk_status"] = status,
                ["tk_order_role"] = life.OrderRole,
                ["pub_id"] = EmulatorDefaults.DemoMemberId,
                ["site_id"] = attribution.Adzone.SiteId,
                ["site_name"] = pools.Sites.TryGetValue(attribution.Adzone.SiteId, out var siteName) ? siteName : "",
                ["adzone_id"] = attribution.Adzone.AdzoneId,
                ["adzone_name"] = attribution.Adzone.Name,
                ["item_id"] = item.ItemId,
                ["item_title"] = item.Title,
                ["item_num"] = life.ItemNum,
                ["item_price"] = TopFormat.Money(item.ZkFinalPrice),
                ["item_img"] = item.PictUrl,
                ["item_link"] = item.DetailUrl,
                ["item_category_name"] = item.LevelOneCategoryName,
                ["item_category_level2_name"] = item.CategoryName,
                ["seller_nick"] = item.Shop.Nick,
                ["seller_shop_title"] = item.Shop.Title,
                ["order_type"] = item.Shop.IsTmall ? "天猫" : "淘宝",
                ["flow_source"] = "--",
                ["terminal_type"] = life.Wireless ? "无线" : "PC",
                ["click_time"] = TopTime.ToText(life.Created.AddSeconds(-(long)(life.ChannelRoll % 3600))),
                ["tk_create_time"] = TopTime.ToText(life.Created),
                ["tk_paid_time"] = TopTime.ToText(life.Paid),
                ["tb_paid_time"] = TopTime.ToText(life.Paid),
                ["modified_time"] = TopTime.ToText(life.ModifiedAt(now)),
                ["alipay_total_price"] = TopFormat.Money(paidTotal),
                ["tb_gmv_total_price"] = TopFormat.Money(item.ZkFinalPrice * life.ItemNum),
                ["pay_price"] = TopFormat.Money(payPrice),
                ["total_commission_rate"] = TopFormat.Money(rate),
                ["income_rate"] = TopFormat.Money(rate),
                ["pub_share_rate"] = TopFormat.Money(shareRate),
                ["tk_total_rate"] = TopFormat.Money(totalRate),
                ["alimama_rate"] = TopFormat.Money(techServiceRate),
                ["pub_share_pre_fee"] = TopFormat.Money(closed ? 0 : paidTotal * totalRate / 100),
                ["pub_share_fee"] = TopFormat.Money(payPrice * totalRate / 100),
                ["total_commission_fee"] = TopFormat.Money(commissionBase * rate / 100),
                ["alimama_share_fee"] = TopFormat.Money(commissionBase * rate / 100 * techServiceRate / 100),
                ["subsidy_rate"] = "0.00",
                ["subsidy_fee"] = "0.00",
                ["subsidy_type"] = "--",
                ["deposit_price"] = "0.00",
                ["refund_tag"] = life.RefundTagAt(now) ? 1 : 0,
            };
            if (status == 3) dto["tk_earning_time"] = TopTime.ToText(life.Settled!.Value);
            if (attribution.Relation != null) dto["relation_id"] = attribution.Relation.Id;
            if (attribution.Special != null) dto["special_id"] = attribution.Special.Id;
            return dto;
        }

        /// <summary>佣金分成比率 (%): 二方 keep the whole commission, 三方 a part of it; TOP's service fees are inside it.</summary>
        public static decimal ShareRate(OrderLife life) => life.OrderRole == 2 ? 100m : 80m;

        private static double[] Normalise(double[] weights)
        {
            var mean = weights.Average();
            return weights.Select(w => w / mean).ToArray();
        }
    }

    /// <summary>Extra orders created in one hour, so one order window can hold more pages than the API serves.</summary>
    internal sealed class OrderBurst
    {
        private OrderBurst(int orders, long hour)
        {
            Orders = orders;
            Hour = hour;
        }

        public int Orders { get; }

        /// <summary>The hour in <see cref="SyntheticOrders.HourOf"/> numbering.</summary>
        public long Hour { get; }

        public static OrderBurst? From(EmulatorOptions options)
        {
            if (options.OrderBurst < 0 || options.OrderBurst > EmulatorOptions.MaxOrderBurst)
                throw new ArgumentOutOfRangeException(nameof(options.OrderBurst), options.OrderBurst, "OrderBurst must be between 0 and " + EmulatorOptions.MaxOrderBurst + ".");
            if (options.OrderBurst == 0) return null;
            if (options.OrderBurstHour == null) throw new ArgumentException("OrderBurst needs OrderBurstHour, the hour the orders are created in.", nameof(options));
            return new OrderBurst(options.OrderBurst, SyntheticOrders.HourOf(options.OrderBurstHour.Value));
        }
    }
}
