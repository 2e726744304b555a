using System;
using System.Text.Json;
using TaobaoTop.Core.Json;

namespace TaobaoTop
{
    /// <summary>Which time of a refund the range selects on (search_type).</summary>
    public enum TbkRefundSearchType
    {
        RefundStarted = 1,
        Settled = 2,
        RefundFinished = 3,
        OrderCreated = 4,
        Modified = 5,
    }

    /// <summary>refund_status of a 维权 (rights-protection refund) order.</summary>
    public enum TbkRefundStatus
    {
        Unknown = 0,

        /// <summary>2 维权成功.</summary>
        Succeeded = 2,

        /// <summary>3 维权失败.</summary>
        Failed = 3,

        /// <summary>4 维权创建.</summary>
        Created = 4,
    }

    /// <summary>A refund (维权) of a settled affiliate order, from taobao.tbk.relation.refund.</summary>
    public sealed class TbkRefundOrder
    {
        public string TradeId { get; set; } = string.Empty;

        public string? TradeParentId { get; set; }

        public string? ItemTitle { get; set; }

        public TbkRefundStatus Status { get; set; }

        public string StatusText
        {
            get
            {
                switch (Status)
                {
                    case TbkRefundStatus.Succeeded: return "维权成功";
                    case TbkRefundStatus.Failed: return "维权失败";
                    case TbkRefundStatus.Created: return "维权创建";
                    default: return "未知";
                }
            }
        }

        /// <summary>1 二方, 2 三方.</summary>
        public int? RefundType { get; set; }

        public decimal? RefundAmount { get; set; }

        public decimal? SettledAmount { get; set; }

        /// <summary>Commission the promoter gives back (tk_pub_show_return_fee).</summary>
        public decimal? ReturnedCommission { get; set; }

        public long? PublisherId { get; set; }

        public long? RelationId { get; set; }

        public long? SpecialId { get; set; }

        public DateTimeOffset? CreateTime { get; set; }

        public DateTimeOffset? SettledTime { get; set; }

        public DateTimeOffset? RefundTime { get; set; }

        public DateTimeOffset? RefundFinishedTime { get; set; }

        public DateTimeOffset? ModifiedTime { get; set; }

        /// <summary>The time a refund search of this type selects on.</summary>
        public DateTimeOffset? TimeOf(TbkRefundSearchType searchType)
        {
            switch (searchType)
            {
                case TbkRefundSearchType.Settled: return SettledTime;
                case TbkRefundSearchType.RefundFinished: return RefundFinishedTime;
                case TbkRefundSearchType.OrderCreated: return CreateTime;
                case TbkRefundSearchType.Modified: return ModifiedTime;
                default: return RefundTime;
            }
        }

        /// <summary>
        /// A refund of taobao.tbk.relation.refund, or a <c>publisher_refund_order_d_t_o</c> of taobao.tbk.order.refund.get,
        /// which names a few fields otherwise (item_title, show_return_fee, tk_order_role).
        /// </summary>
        public static TbkRefundOrder FromJson(JsonElement record) => new TbkRefundOrder
        {
            TradeId = record.Text("tb_trade_id") ?? string.Empty,
            TradeParentId = record.Text("tb_trade_parent_id"),
            ItemTitle = record.Text("tb_auction_title") ?? record.Text("item_title"),
            Status = (TbkRefundStatus)(record.Int("refund_status") ?? 0),
            RefundType = record.Int("refund_type") ?? record.Text("tk_order_role") switch { "二方" => 1, "三方" => 2, _ => (int?)null },
            RefundAmount = record.Money("refund_fee"),
            SettledAmount = record.Money("tb_trade_finish_price"),
            ReturnedCommission = record.Money("tk_pub_show_return_fee") ?? record.Money("show_return_fee"),
            PublisherId = record.Long("tk_pub_id"),
            RelationId = record.Long("relation_id"),
            SpecialId = record.Long("special_id"),
            CreateTime = record.Time("tb_trade_create_time"),
            SettledTime = record.Time("earning_time"),
            RefundTime = record.Time("tk_refund_time"),
            RefundFinishedTime = record.Time("tk_refund_suit_time"),
            ModifiedTime = record.Time("modified_time"),
        };

        public override string ToString() => TradeId + " " + StatusText;
    }
}
