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
    /// Every refund (维权) of the account, not only channel and member orders: taobao.tbk.order.refund.get (or the sc
    /// version) over any range, in the order API's windows (3 hours, 20 minutes on big-sale days), every page by
    /// position_index. The query lives in the JSON option <c>publisher_refund_order_query_option</c>.
    /// </summary>
    public sealed class TbkFullRefundPager
    {
        private const string OptionName = "publisher_refund_order_query_option";

        private readonly TopClient _client;

        public TbkFullRefundPager(TopClient client)
        {
            _client = client;
        }

        /// <param name="queryType">1 维权发起, 2 结算, 3 维权完成, 4 订单创建, 5 更新: the time the range selects on.</param>
        public async Task RunAsync(bool asServiceProvider, DateTimeOffset start, DateTimeOffset end, int queryType, int pageSize, BigSaleCalendar? bigSales,
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
                    var request = new TopRequest(method).With(OptionName, JsonSerializer.Serialize(option));
                    var response = await _client.InvokeAsync(request, observer, cancellationToken).ConfigureAwait(false);
                    var data = response.Body.Child("data");
                    foreach (var record in data.Child("result").Items()) onRefund(FromJson(record));
                    if (data.Bool("has_next") != true) break;
                    position = data.Text("position_index");
                }
            }
        }

        /// <summary>One <c>publisher_refund_order_d_t_o</c>.</summary>
        public static TbkRefundOrder FromJson(JsonElement record) => new TbkRefundOrder
        {
            TradeId = record.Text("tb_trade_id") ?? string.Empty,
            TradeParentId = record.Text("tb_trade_parent_id"),
            ItemTitle = record.Text("item_title"),
            Status = (TbkRefundStatus)(record.Int("refund_status") ?? 0),
            RefundType = record.Text("tk_order_role") switch { "二方" => 1, "三方" => 2, _ => (int?)null },
            RefundAmount = record.Money("refund_fee"),
            SettledAmount = record.Money("tb_trade_finish_price"),
            ReturnedCommission = record.Money("show_return_fee"),
            RelationId = record.Long("relation_id"),
            SpecialId = record.Long("special_id"),
            CreateTime = record.Time("tb_trade_create_time"),
            SettledTime = record.Time("earning_time"),
            RefundTime = record.Time("tk_refund_time"),
            RefundFinishedTime = record.Time("tk_refund_suit_time"),
            ModifiedTime = record.Time("modified_time"),
        };
    }
}
