using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Affiliate.Orders
{
    /// <summary>
    /// Windows and pages the option-object order APIs (refunds, punished orders), whose query and paging live inside a
    /// JSON option parameter: channel and member refunds and punished orders answer
    /// <c>result.data{page_no, page_size, total_count, results}</c>, every refund of the account pages by position_index.
    /// </summary>
    public sealed class TbkRecordPager
    {
        private const string FullRefundOption = "publisher_refund_order_query_option";

        private readonly TopClient _client;

        public TbkRecordPager(TopClient client)
        {
            _client = client;
        }

        /// <summary>
        /// Refunds of channel and member orders (taobao.tbk.relation.refund, or the sc variant) over any range: one
        /// query per day and kind, every page. A refund whose time of <paramref name="searchType"/> is at or past the end
        /// (the last day's query reaches past it) is left out.
        /// </summary>
        public async Task RelationRefundsAsync(bool asServiceProvider, DateTimeOffset start, DateTimeOffset end, TbkRefundSearchType searchType, IEnumerable<TbkPublisherType> kinds,
            int pageSize, Action<TbkRefundOrder> onRefund, Action<TopCallEvent>? observer, CancellationToken cancellationToken)
        {
            var method = asServiceProvider ? "taobao.tbk.sc.relation.refund" : "taobao.tbk.relation.refund";
            foreach (var (day, _) in OrderWindows.Fixed(start, end, TimeSpan.FromDays(1)))
            {
                foreach (var kind in kinds)
                {
                    var option = new Dictionary<string, object?>
                    {
                        ["start_time"] = day,
                        ["search_type"] = (int)searchType,
                        ["refund_type"] = 0,
                        ["biz_type"] = (int)kind,
                    };
                    await RunAsync(method, "search_option", option, pageSize, record =>
                    {
                        var refund = TbkRefundOrder.FromJson(record);
                        if (!(refund.TimeOf(searchType) >= end)) onRefund(refund);
                    }, observer, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// Punished (违规) orders (taobao.tbk.dg.punish.order.get, or the sc variant) over any range, at most 30 days per
        /// query, every page; an order created at or past the end of its window is left out.
        /// </summary>
        public async Task PunishOrdersAsync(bool asServiceProvider, DateTimeOffset start, DateTimeOffset end, TbkPunishFilter filter, int pageSize,
            Action<TbkPunishOrder> onOrder, Action<TopCallEvent>? observer, CancellationToken cancellationToken)
        {
            var method = asServiceProvider ? "taobao.tbk.sc.punish.order.get" : "taobao.tbk.dg.punish.order.get";
            foreach (var (from, until) in OrderWindows.Fixed(start, end, PunishSpan))
            {
                var option = new Dictionary<string, object?>
                {
                    ["start_time"] = from,
                    ["span"] = (int)Math.Ceiling((until - from).TotalDays),
                    ["tb_trade_id"] = filter.TradeId,
                    ["relation_id"] = filter.RelationId,
                    ["adzone_id"] = filter.AdzoneId,
                    ["site_id"] = filter.SiteId,
                };
                await RunAsync(method, "af_order_option", option, pageSize, record =>
                {
                    var order = TbkPunishOrder.FromJson(record);
                    if (!(order.CreateTime >= until)) onOrder(order);
                }, observer, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Every refund (维权) of the account, not only channel and member orders: taobao.tbk.order.refund.get (or the sc
        /// version) over any range, in the order API's windows (3 hours, 20 minutes on big-sale days), every page by
        /// position_index. The query lives in the JSON option <c>publisher_refund_order_query_option</c>.
        /// </summary>
        /// <param name="queryType">1 维权发起, 2 结算, 3 维权完成, 4 订单创建, 5 更新: the time the range selects on.</param>
        public async Task AllRefundsAsync(bool asServiceProvider, DateTimeOffset start, DateTimeOffset end, int queryType, int pageSize, BigSaleCalendar? bigSales,
            Action<TbkRefundOrder> onRefund, Action<TopCallEvent>? observer, CancellationToken cancellationToken)
        {
            var method = asServiceProvider ? "taobao.tbk.sc.order.refund.get" : "taobao.tbk.order.refund.get";
            // TOP times have whole seconds: a fraction would leave a last window that starts where it ends.
            start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond));
            end = end.AddTicks(-(end.Ticks % TimeSpan.TicksPerSecond));
            foreach (var window in OrderWindows.Split(start, end, bigSales))
            {
                string? position = null;
                for (var pageNo = 1; ; pageNo++)
                {
                    var option = new Dictionary<string, object?>
                    {
                        ["start_time"] = TopTime.ToTopString(window.Start),
                        ["end_time"] = TopTime.ToTopString(window.End),
                        ["query_type"] = queryType,
                        ["member_type"] = 4,
                        ["page_size"] = pageSize,
                        ["page_no"] = pageNo,
                    };
                    if (position != null)
                    {
                        option["jump_type"] = 1;
                        option["position_index"] = position;
                    }
                    var request = new TopRequest(method).With(FullRefundOption, JsonSerializer.Serialize(option));
                    var response = await _client.InvokeAsync(request, observer, cancellationToken).ConfigureAwait(false);
                    var data = response.Body.Child("data");
                    foreach (var record in data.Child("result").Items()) onRefund(TbkRefundOrder.FromJson(record));
                    if (data.Bool("has_next") != true) break;
                    position = data.Text("position_index");
                }
            }
        }

        /// <summary>The longest range one punish-order query takes.</summary>
        public static readonly TimeSpan PunishSpan = TimeSpan.FromDays(30);

        /// <param name="option">The option object of one query without page_no/page_size; each page adds them.</param>
        private async Task RunAsync(string method, string optionName, IDictionary<string, object?> option, int pageSize, Action<JsonElement> onRecord, Action<TopCallEvent>? observer, CancellationToken cancellationToken)
        {
            for (var pageNo = 1; ; pageNo++)
            {
                var page = new Dictionary<string, object?>(option) { ["page_no"] = pageNo, ["page_size"] = pageSize };
                var request = new TopRequest(method).With(optionName, JsonSerializer.Serialize(Formatted(page)));
                var response = await _client.InvokeAsync(request, observer, cancellationToken).ConfigureAwait(false);
                var data = response.Body.Child("result").Child("data");
                var count = 0;
                foreach (var record in data.Child("results").Items())
                {
                    count++;
                    onRecord(record);
                }
                var total = data.Long("total_count");
                if (count < pageSize || (total.HasValue && (long)pageNo * pageSize >= total.Value)) return;
            }
        }

        private static Dictionary<string, object?> Formatted(Dictionary<string, object?> option)
        {
            var result = new Dictionary<string, object?>();
            foreach (var pair in option)
            {
                if (pair.Value is null) continue;
                result[pair.Key] = pair.Value is DateTimeOffset instant ? TopTime.ToTopString(instant) : pair.Value;
            }
            return result;
        }
    }

    /// <summary>Which punished orders to ask for; all of the account's when every field is null.</summary>
    public sealed class TbkPunishFilter
    {
        public long? TradeId { get; set; }

        public long? RelationId { get; set; }

        public long? AdzoneId { get; set; }

        public long? SiteId { get; set; }
    }
}
