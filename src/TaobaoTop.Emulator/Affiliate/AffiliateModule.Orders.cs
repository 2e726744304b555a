using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Affiliate
{
    /// <summary>The big promotions during which TOP limits an order query to 20 minutes (tbk-order-details.md: 618 / 双11).</summary>
    internal static class BigSales
    {
        private static readonly (int Month, int FirstDay, int LastDay)[] Periods =
        {
            (6, 1, 18),
            (11, 1, 11),
        };

        public static bool Contains(DateTimeOffset time)
        {
            var local = time.ToOffset(TopTime.Offset);
            return Periods.Any(p => local.Month == p.Month && local.Day >= p.FirstDay && local.Day <= p.LastDay);
        }
    }

    public sealed partial class AffiliateModule
    {
        private static readonly TimeSpan NormalMaxSpan = TimeSpan.FromHours(3);
        private static readonly TimeSpan BigSaleMaxSpan = TimeSpan.FromMinutes(20);
        private static readonly TimeSpan MaxLookBack = TimeSpan.FromDays(90);
        private static readonly TimeSpan MaxPaymentDelay = TimeSpan.FromMinutes(15);
        private static readonly int[] KnownStatuses = { 3, 11, 12, 13, 14 };

        private void RegisterOrders(ApiRegistry registry)
        {
            registry.Add("taobao.tbk.order.details.get", false, false, OrderDetails);
            registry.Add("taobao.tbk.sc.order.details.get", true, false, OrderDetails);
            registry.Add("taobao.tbk.relation.refund", false, false, RelationRefunds);
            registry.Add("taobao.tbk.sc.relation.refund", true, false, RelationRefunds);
            registry.Add("taobao.tbk.order.refund.get", false, false, OrderRefunds);
            registry.Add("taobao.tbk.sc.order.refund.get", true, false, OrderRefunds);
            registry.Add("taobao.tbk.dg.punish.order.get", false, false, PunishOrders);
            registry.Add("taobao.tbk.sc.punish.order.get", true, false, PunishOrders);
        }

        /// <summary>What an order query reads, taken under the lock so the slow part runs without it.</summary>
        private (SyntheticOrders Orders, SyntheticCatalog Catalog, ChannelPools Pools) OrderSources()
        {
            lock (_lock) return (_orders, _catalog, new ChannelPools(_state));
        }

        private JsonObject OrderDetails(ApiCall call)
        {
            var now = call.Now;
            var (start, end) = OrderWindow(call.Required("start_time"), call.Required("end_time"), now);
            var queryType = Arguments.Int(call, "query_type", 1, 1, 4);
            var status = Arguments.OptionalLong(call, "tk_status");
            if (status != null && !KnownStatuses.Contains((int)status.Value)) throw TopApiException.Business("1006", "tkStatus非法");
            var jumpType = JumpType(Arguments.OptionalLong(call, "jump_type"));
            var pageSize = Arguments.Int(call, "page_size", 20, 1, 100);
            var pageNo = Arguments.Int(call, "page_no", 1, 1, 100);
            var scene = Arguments.Int(call, "order_scene", 1, 1, 3);
            var memberType = Arguments.OptionalLong(call, "member_type");
            if (memberType != null && memberType != 2 && memberType != 3) throw TopApiException.InvalidArgument("member_type", "member_type取值为2或3");
            var positionText = call.Optional("position_index");
            var position = Position(positionText, start, end);

            var (orders, catalog, pools) = OrderSources();
            var scanFrom = queryType == 1 ? start : queryType == 2 ? start - MaxPaymentDelay : start - SyntheticOrders.MaxLifetime;
            var matches = Collect(orders, pools, scanFrom, start, end, now,
                life => queryType == 1 ? life.Created
                    : queryType == 2 ? life.Paid
                    : queryType == 3 ? (life.Settled <= now ? life.Settled : null)
                    : life.ModifiedAt(now),
                life => (status == null || life.StatusAt(now) == status) && (memberType == null || life.OrderRole == memberType),
                attribution => scene == 1 || (scene == 2 ? attribution.Relation != null : attribution.Special != null));
            var data = Paged(matches, position, positionText, jumpType, pageNo, pageSize, page => call.List("publisher_order_dto", page.Select(m =>
                (JsonNode)SyntheticOrders.ToDto(m.Life, m.Attribution, catalog[m.Life.ItemIndex], pools, now))), "results");
            return new JsonObject { ["data"] = data };
        }

        /// <summary>全量维权退款订单: the orders' 维权 records, paged like the order details.</summary>
        private JsonObject OrderRefunds(ApiCall call)
        {
            const string OptionName = "publisher_refund_order_query_option";
            var option = Arguments.OptionalObject(call, OptionName) ?? throw TopApiException.MissingArgument(OptionName);
            var now = call.Now;
            var (start, end) = OrderWindow(
                Arguments.Text(option, "start_time") ?? throw TopApiException.MissingArgument(OptionName + ".start_time"),
                Arguments.Text(option, "end_time") ?? throw TopApiException.MissingArgument(OptionName + ".end_time"),
                now);
            var queryType = Arguments.Long(option, "query_type", OptionName) ?? 1;
            if (queryType < 1 || queryType > 5) throw TopApiException.InvalidArgument(OptionName, "query_type取值为1~5");
            // member_type: 1 二方, 2 三方, 4 不限.
            var memberType = Arguments.Long(option, "member_type", OptionName) ?? 4;
            if (memberType != 1 && memberType != 2 && memberType != 4) throw TopApiException.InvalidArgument(OptionName, "member_type取值为1、2或4");
            var jumpType = JumpType(Arguments.Long(option, "jump_type", OptionName));
            var pageSize = (int)(Arguments.Long(option, "page_size", OptionName) ?? 20);
            var pageNo = (int)(Arguments.Long(option, "page_no", OptionName) ?? 1);
            if (pageSize < 1 || pageSize > 100 || pageNo < 1 || pageNo > 100) throw TopApiException.InvalidArgument(OptionName, "page_size取值为1~100, page_no取值为1~100");
            var positionText = Arguments.Text(option, "position_index");
            var position = Position(positionText, start, end);

            var (orders, catalog, pools) = OrderSources();
            var matches = Collect(orders, pools, queryType == 4 ? start : start - SyntheticOrders.MaxLifetime, start, end, now,
                life => life.RefundStarted <= now ? RefundKey(life, queryType, now) : null,
                life => memberType == 4 || life.OrderRole == memberType + 1,
                _ => true);
            var data = Paged(matches, position, positionText, jumpType, pageNo, pageSize, page => call.List("publisher_refund_order_d_t_o", page.Select(m =>
                (JsonNode)FullRefundRecord(m.Life, m.Attribution, catalog[m.Life.ItemIndex], now))), "result");
            data["pre_page"] = Math.Max(1, pageNo - 1);
            data["next_page"] = pageNo + 1;
            return new JsonObject { ["data"] = data, ["result_code"] = 200, ["result_msg"] = "success" };
        }

        /// <summary>The window rules of the order APIs, with their business codes (tbk-order-details.md).</summary>
        private static (DateTimeOffset Start, DateTimeOffset End) OrderWindow(string startText, string endText, DateTimeOffset now)
        {
            if (!TopTime.TryParse(startText, out var start) || !TopTime.TryParse(endText, out var end))
                throw TopApiException.Business("2000", "开始时间或结束时间参数非法");
            if (start >= end) throw TopApiException.Business("2001", "开始时间应该小于结束时间");
            if (start >= now) throw TopApiException.Business("2002", "请求参数非法，开始时间应该小于当前时间");
            if (start < now - MaxLookBack) throw TopApiException.Business("2004", "请求参数非法，开始时间应该大于最近90天");
            // The window is [start, end): one ending at midnight before a sale day does not touch the sale.
            var bigSale = BigSales.Contains(start) || BigSales.Contains(end.AddSeconds(-1));
            if (end - start > (bigSale ? BigSaleMaxSpan : NormalMaxSpan))
                throw TopApiException.Business("2007", "亲，订单查询时间段日常要求不超过3个小时，但如618、双11、年货节等大促期间预估时间段不可超过20分钟，超过会提示错误，调用时请务必注意时间段的选择，以保证亲能正常调用！");
            return (start, end);
        }

        private static long JumpType(long? value)
        {
            var jumpType = value ?? 1;
            if (jumpType != 1 && jumpType != -1) throw TopApiException.Business("1005", "jumpType非法");
            return jumpType;
        }

        private static OrderCursor? Position(string? text, DateTimeOffset start, DateTimeOffset end)
        {
            if (text == null) return null;
            if (!OrderCursor.TryParse(text, out var position) || !position!.IsWithin(start, end))
                throw TopApiException.Business("1008", "positionIndex非法");
            return position;
        }

        /// <summary>1 维权发起, 2 结算, 3 维权完成, 4 创建, 5 更新: the time a refund query sorts and filters by.</summary>
        private static DateTimeOffset? RefundKey(OrderLife life, long type, DateTimeOffset now)
            => type == 1 ? life.RefundStarted
                : type == 2 ? life.Settled
                : type == 3 ? (life.RefundFinished <= now ? life.RefundFinished : null)
                : type == 4 ? life.Created
                : life.ModifiedAt(now);

        /// <summary>Orders whose <paramref name="keyOf"/> time falls in [start, end), sorted by that time and trade id.</summary>
        private static List<OrderMatch> Collect(
            SyntheticOrders orders, ChannelPools pools, DateTimeOffset scanFrom, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now,
            Func<OrderLife, DateTimeOffset?> keyOf, Func<OrderLife, bool> keep, Func<Attribution, bool> keepChannel)
        {
            var matches = new List<OrderMatch>();
            for (var hour = SyntheticOrders.HourOf(scanFrom); hour <= SyntheticOrders.HourOf(end); hour++)
            {
                foreach (var life in orders.In(hour, now))
                {
                    if (life.Paid > now) continue;
                    var key = keyOf(life);
                    if (key == null || key < start || key >= end || !keep(life)) continue;
                    var attribution = SyntheticOrders.Attribute(life, pools);
                    if (keepChannel(attribution)) matches.Add(new OrderMatch(key.Value.ToUnixTimeSeconds(), life, attribution));
                }
            }
            matches.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Life.TradeId.CompareTo(b.Life.TradeId));
            return matches;
        }

        /// <summary>
        /// One page in TOP's OrderPage shape. With a position_index, jump_type 1 continues after its last order and −1
        /// goes back before its first; without one, page_no counts from the start of the window.
        /// </summary>
        private static JsonObject Paged(
            List<OrderMatch> matches, OrderCursor? position, string? positionText, long jumpType, int pageNo, int pageSize,
            Func<List<OrderMatch>, JsonNode> results, string resultsName)
        {
            int from, count = pageSize;
            if (position == null)
            {
                from = (pageNo - 1) * pageSize;
            }
            else if (jumpType == 1)
            {
                from = matches.FindIndex(m => !position.IsAtOrBeforeLast(m.Key, m.Life.TradeId));
                if (from < 0) from = matches.Count;
            }
            else
            {
                var before = matches.FindIndex(m => !position.IsBeforeFirst(m.Key, m.Life.TradeId));
                if (before < 0) before = matches.Count;
                from = Math.Max(0, before - pageSize);
                count = before - from;
            }
            var page = matches.Skip(from).Take(count).ToList();

            var data = new JsonObject();
            if (page.Count > 0) data[resultsName] = results(page);
            data["has_next"] = from + page.Count < matches.Count;
            data["has_pre"] = from > 0 && matches.Count > 0;
            data["page_no"] = pageNo;
            data["page_size"] = pageSize;
            data["position_index"] = page.Count > 0
                ? new OrderCursor(page[0].Key, page[0].Life.TradeId, page[page.Count - 1].Key, page[page.Count - 1].Life.TradeId).ToString()
                : positionText ?? "";
            return data;
        }

        private JsonObject RelationRefunds(ApiCall call)
        {
            var option = Arguments.OptionalObject(call, "search_option") ?? throw TopApiException.MissingArgument("search_option");
            var startText = Arguments.Text(option, "start_time") ?? throw TopApiException.MissingArgument("search_option.start_time");
            if (!TopTime.TryParse(startText, out var start)) throw TopApiException.InvalidArgument("search_option", "start_time格式应为yyyy-MM-dd HH:mm:ss");
            var searchType = Arguments.Long(option, "search_type", "search_option") ?? 1;
            var refundType = Arguments.Long(option, "refund_type", "search_option") ?? 0;
            var bizType = Arguments.Long(option, "biz_type", "search_option") ?? throw TopApiException.MissingArgument("search_option.biz_type");
            var pageNo = (int)(Arguments.Long(option, "page_no", "search_option") ?? 1);
            var pageSize = (int)(Arguments.Long(option, "page_size", "search_option") ?? 20);
            if (searchType < 1 || searchType > 5) throw TopApiException.InvalidArgument("search_option", "search_type取值为1~5");
            if (refundType < 0 || refundType > 2) throw TopApiException.InvalidArgument("search_option", "refund_type取值为0~2");
            if (bizType != 1 && bizType != 2) throw TopApiException.InvalidArgument("search_option", "biz_type取值为1或2");
            if (pageNo < 1 || pageSize < 1 || pageSize > 100) throw TopApiException.InvalidArgument("search_option", "page_no从1开始, page_size取值为1~100");

            // The option has no end time; the emulator answers the day that starts at start_time.
            var end = start.AddDays(1);
            var now = call.Now;
            var (orders, catalog, pools) = OrderSources();
            var matches = Collect(orders, pools, searchType == 4 ? start : start - SyntheticOrders.MaxLifetime, start, end, now,
                life => life.RefundStarted <= now ? RefundKey(life, searchType, now) : null,
                life => refundType == 0 || life.OrderRole == refundType + 1,
                attribution => bizType == 1 ? attribution.Relation != null : attribution.Special != null);
            var page = matches.Skip((pageNo - 1) * pageSize).Take(pageSize).Select(m => (JsonNode)RefundRecord(m.Life, m.Attribution, catalog[m.Life.ItemIndex], now));
            return new JsonObject
            {
                ["result"] = new JsonObject
                {
                    ["data"] = new JsonObject
                    {
                        ["page_no"] = pageNo,
                        ["page_size"] = pageSize,
                        ["total_count"] = matches.Count,
                        ["results"] = call.List("result", page),
                    },
                    ["result_code"] = 200,
                    ["result_msg"] = "ok",
                },
            };
        }

        private static JsonObject RefundRecord(OrderLife life, Attribution attribution, CatalogItem item, DateTimeOffset now)
        {
            var paidTotal = item.FinalPromotionPrice * life.ItemNum;
            var commission = paidTotal * item.CommissionRate / 100 * SyntheticOrders.ShareRate(life) / 100;
            var finished = life.RefundFinished <= now;
            var record = new JsonObject
            {
                ["tb_trade_parent_id"] = life.TradeId,
                ["tb_trade_id"] = life.TradeId,
                ["tk_pub_id"] = EmulatorDefaults.DemoMemberId,
                ["tb_auction_title"] = item.Title,
                ["tb_trade_create_time"] = TopTime.ToText(life.Created),
                ["earning_time"] = TopTime.ToText(life.Settled!.Value),
                ["tk_refund_time"] = TopTime.ToText(life.RefundStarted!.Value),
                // 4 维权创建, 2 维权成功, 3 维权失败.
                ["refund_status"] = !finished ? 4 : life.RefundSucceeded ? 2 : 3,
                ["refund_type"] = life.OrderRole == 3 ? 2 : 1,
                ["refund_fee"] = TopFormat.Money(paidTotal),
                ["tb_trade_finish_price"] = TopFormat.Money(paidTotal),
                ["tk_pub_show_return_fee"] = TopFormat.Money(finished && life.RefundSucceeded ? commission : 0),
                ["tk_commission_fee_refund_pub"] = TopFormat.Money(finished && life.RefundSucceeded ? commission : 0),
                ["tk_subsidy_fee_refund_pub"] = "0.00",
                ["tk3rd_pub_show_return_fee"] = "0.00",
                ["tk_commission_fee_refund3rd_pub"] = "0.00",
                ["tk_subsidy_fee_refund3rd_pub"] = "0.00",
                ["modified_time"] = TopTime.ToText(life.ModifiedAt(now)),
            };
            if (finished) record["tk_refund_suit_time"] = TopTime.ToText(life.RefundFinished!.Value);
            if (attribution.Relation != null) record["relation_id"] = attribution.Relation.Id;
            if (attribution.Special != null) record["special_id"] = attribution.Special.Id;
            return record;
        }

        private static JsonObject FullRefundRecord(OrderLife life, Attribution attribution, CatalogItem item, DateTimeOffset now)
        {
            var paidTotal = item.FinalPromotionPrice * life.ItemNum;
            var commission = paidTotal * item.CommissionRate / 100 * SyntheticOrders.ShareRate(life) / 100;
            var finished = life.RefundFinished <= now;
            var returned = finished && life.RefundSucceeded ? commission : 0;
            var record = new JsonObject
            {
                // The 维权 has a number of its own; trade ids step by 10, so this never equals one.
                ["refund_suit_id"] = TopFormat.Number(life.TradeId + 1),
                ["tb_trade_parent_id"] = TopFormat.Number(life.TradeId),
                ["tb_trade_id"] = TopFormat.Number(life.TradeId),
                ["tb_trade_create_time"] = TopTime.ToText(life.Created),
                ["earning_time"] = TopTime.ToText(life.Settled!.Value),
                ["tk_refund_time"] = TopTime.ToText(life.RefundStarted!.Value),
                ["modified_time"] = TopTime.ToText(life.ModifiedAt(now)),
                ["item_title"] = item.Title,
                ["tk_order_role"] = life.OrderRole == 2 ? "二方" : "三方",
                ["tb_trade_finish_price"] = TopFormat.Money(paidTotal),
                ["refund_fee"] = TopFormat.Money(paidTotal),
                ["pub_share_fee"] = TopFormat.Money(commission),
                ["tk_commission_fee_refund"] = TopFormat.Money(returned),
                ["tk_subsidy_fee_refund"] = "0.00",
                ["show_return_fee"] = TopFormat.Money(returned),
                // 4 维权创建, 2 维权成功, 3 维权失败.
                ["refund_status"] = !finished ? 4 : life.RefundSucceeded ? 2 : 3,
            };
            if (finished) record["tk_refund_suit_time"] = TopTime.ToText(life.RefundFinished!.Value);
            if (attribution.Relation != null) record["relation_id"] = attribution.Relation.Id;
            if (attribution.Special != null) record["special_id"] = attribution.Special.Id;
            return record;
        }

        /// <summary>yyyyMM of the settlement, e.g. 202603.</summary>
        private static long SettleMonth(DateTimeOffset settled)
        {
            var local = settled.ToOffset(TopTime.Offset);
            return local.Year * 100 + local.Month;
        }

        private JsonObject PunishOrders(ApiCall call)
        {
            var option = Arguments.OptionalObject(call, "af_order_option") ?? new JsonObject();
            var now = call.Now;
            var span = Arguments.Long(option, "span", "af_order_option") ?? 30;
            if (span < 1 || span > 30) throw TopApiException.InvalidArgument("af_order_option", "span查询时间跨度不超过30天");
            var start = now.AddDays(-span);
            if (Arguments.Text(option, "start_time") is string startText && !TopTime.TryParse(startText, out start))
                throw TopApiException.InvalidArgument("af_order_option", "start_time格式应为yyyy-MM-dd HH:mm:ss");
            var end = start.AddDays(span);
            var pageNo = (int)(Arguments.Long(option, "page_no", "af_order_option") ?? 1);
            var pageSize = (int)(Arguments.Long(option, "page_size", "af_order_option") ?? 20);
            if (pageNo < 1 || pageSize < 1 || pageSize > 100) throw TopApiException.InvalidArgument("af_order_option", "page_no从1开始, page_size取值为1~100");
            var tradeId = Arguments.Long(option, "tb_trade_id", "af_order_option");
            var relationId = Arguments.Long(option, "relation_id", "af_order_option");
            var adzoneId = Arguments.Long(option, "adzone_id", "af_order_option");
            var siteId = Arguments.Long(option, "site_id", "af_order_option");

            var (orders, _, pools) = OrderSources();
            IEnumerable<OrderLife> candidates;
            if (tradeId != null)
                candidates = orders.TryFind(tradeId.Value, now, out var found) ? new[] { found } : Array.Empty<OrderLife>();
            else
                candidates = Enumerable.Range(0, (int)(SyntheticOrders.HourOf(end) - SyntheticOrders.HourOf(start) + 1))
                    .SelectMany(offset => orders.In(SyntheticOrders.HourOf(start) + offset, now));

            var matches = new List<(OrderLife Life, Attribution Attribution)>();
            foreach (var life in candidates)
            {
                if (!life.Punished || !(life.Settled <= now) || life.Created < start || life.Created >= end) continue;
                var attribution = SyntheticOrders.Attribute(life, pools);
                if (relationId != null && attribution.Relation?.Id != relationId) continue;
                if (adzoneId != null && attribution.Adzone.AdzoneId != adzoneId) continue;
                if (siteId != null && attribution.Adzone.SiteId != siteId) continue;
                matches.Add((life, attribution));
            }
            matches.Sort((a, b) => a.Life.Created != b.Life.Created ? a.Life.Created.CompareTo(b.Life.Created) : a.Life.TradeId.CompareTo(b.Life.TradeId));
            var page = matches.Skip((pageNo - 1) * pageSize).Take(pageSize).Select(m =>
            {
                var record = new JsonObject
                {
                    ["tb_trade_id"] = m.Life.TradeId,
                    ["tb_trade_parent_id"] = m.Life.TradeId,
                    ["tk_trade_create_time"] = TopTime.ToText(m.Life.Created),
                    ["settle_month"] = SettleMonth(m.Life.Settled!.Value),
                    ["tk_pub_id"] = TopFormat.Number(EmulatorDefaults.DemoMemberId),
                    ["tk_site_id"] = m.Attribution.Adzone.SiteId,
                    ["tk_adzone_id"] = m.Attribution.Adzone.AdzoneId,
                    ["violation_type"] = m.Life.TradeId / 10 % 5 == 0 ? "订单虚假交易" : "店铺淘宝客",
                    // 0 冻结 while the case is open (a month after settlement), then 1 解冻.
                    ["punish_status"] = m.Life.Settled!.Value.AddDays(30) > now ? "0" : "1",
                };
                if (m.Attribution.Relation != null) record["relation_id"] = m.Attribution.Relation.Id;
                if (m.Attribution.Special != null) record["special_id"] = m.Attribution.Special.Id;
                return (JsonNode)record;
            });
            return new JsonObject
            {
                ["result"] = new JsonObject
                {
                    ["data"] = new JsonObject
                    {
                        ["page_no"] = pageNo,
                        ["page_size"] = pageSize,
                        ["total_count"] = matches.Count,
                        ["results"] = call.List("result", page),
                    },
                    ["result_code"] = 200,
                    ["result_msg"] = "ok",
                },
            };
        }
    }

    internal sealed class OrderMatch
    {
        public OrderMatch(long key, OrderLife life, Attribution attribution)
        {
            Key = key;
            Life = life;
            Attribution = attribution;
        }

        /// <summary>The sort time (Unix seconds) the query asked for.</summary>
        public long Key { get; }
        public OrderLife Life { get; }
        public Attribution Attribution { get; }
    }

    /// <summary>
    /// position_index: the first and last order of the page returned, in TOP's shape
    /// (<c>1555904214_lGltNdNvSX2|1555917305_lJfPMeFmdt2</c>: sort time, then the trade id in base62).
    /// </summary>
    internal sealed class OrderCursor
    {
        public OrderCursor(long firstKey, long firstTradeId, long lastKey, long lastTradeId)
        {
            FirstKey = firstKey;
            FirstTradeId = firstTradeId;
            LastKey = lastKey;
            LastTradeId = lastTradeId;
        }

        public long FirstKey { get; }
        public long FirstTradeId { get; }
        public long LastKey { get; }
        public long LastTradeId { get; }

        public static bool TryParse(string text, out OrderCursor? cursor)
        {
            cursor = null;
            var halves = text.Split('|');
            if (halves.Length != 2 || !TryParseHalf(halves[0], out var firstKey, out var firstId) || !TryParseHalf(halves[1], out var lastKey, out var lastId))
                return false;
            if (firstKey > lastKey || (firstKey == lastKey && firstId > lastId)) return false;
            cursor = new OrderCursor(firstKey, firstId, lastKey, lastId);
            return true;
        }

        /// <summary>A cursor from another window cannot continue this one.</summary>
        public bool IsWithin(DateTimeOffset start, DateTimeOffset end)
            => FirstKey >= start.ToUnixTimeSeconds() && LastKey < end.ToUnixTimeSeconds();

        public bool IsAtOrBeforeLast(long key, long tradeId) => key < LastKey || (key == LastKey && tradeId <= LastTradeId);

        public bool IsBeforeFirst(long key, long tradeId) => key < FirstKey || (key == FirstKey && tradeId < FirstTradeId);

        public override string ToString() => FirstKey + "_" + Base62.Encode(FirstTradeId) + "|" + LastKey + "_" + Base62.Encode(LastTradeId);

        private static bool TryParseHalf(string half, out long key, out long tradeId)
        {
            key = 0;
            tradeId = 0;
            var parts = half.Split('_');
            return parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out key)
                && Base62.TryDecode(parts[1], out tradeId);
        }
    }
}
