using System;
using System.Text.Json;
using TaobaoTop.Core.Json;

namespace TaobaoTop
{
    /// <summary>tk_status of an affiliate order.</summary>
    public enum TbkOrderStatus
    {
        Unknown = 0,

        /// <summary>3 结算成功.</summary>
        Settled = 3,

        /// <summary>11 拍下未付款.</summary>
        Unpaid = 11,

        /// <summary>12 付款.</summary>
        Paid = 12,

        /// <summary>13 关闭 / 失效.</summary>
        Closed = 13,

        /// <summary>14 确认收货.</summary>
        Received = 14,
    }

    /// <summary>One affiliate order line (publisher_order_dto): a 子订单 with its money, times and channel.</summary>
    public sealed class TbkOrder
    {
        /// <summary>子订单号.</summary>
        public string TradeId { get; set; } = string.Empty;

        /// <summary>订单编号 (the parent order).</summary>
        public string? TradeParentId { get; set; }

        public TbkOrderStatus Status { get; set; }

        /// <summary>The Chinese meaning of <see cref="Status"/>, as Alimama's reports show it.</summary>
        public string StatusText => StatusTextOf(Status);

        public string? ItemId { get; set; }

        public string? ItemTitle { get; set; }

        public int ItemNum { get; set; }

        public decimal? ItemPrice { get; set; }

        public string? ItemCategoryName { get; set; }

        public string? SellerNick { get; set; }

        public string? ShopTitle { get; set; }

        /// <summary>天猫 / 淘宝 …</summary>
        public string? OrderType { get; set; }

        /// <summary>付款金额.</summary>
        public decimal? PaidAmount { get; set; }

        /// <summary>结算金额.</summary>
        public decimal? SettledAmount { get; set; }

        /// <summary>付款预估收入: the promoter's estimated income at payment.</summary>
        public decimal? EstimatedIncome { get; set; }

        /// <summary>结算预估收入: the promoter's income at settlement.</summary>
        public decimal? SettledIncome { get; set; }

        /// <summary>Commission rate in percent (tk_total_rate).</summary>
        public decimal? CommissionRate { get; set; }

        public decimal? CommissionFee { get; set; }

        public long? AdzoneId { get; set; }

        public string? AdzoneName { get; set; }

        public long? SiteId { get; set; }

        public string? SiteName { get; set; }

        public long? PublisherId { get; set; }

        /// <summary>渠道关系 id, for orders through a registered channel.</summary>
        public long? RelationId { get; set; }

        /// <summary>会员运营 id, for orders by a registered member.</summary>
        public long? SpecialId { get; set; }

        /// <summary>2 二方, 3 三方.</summary>
        public int? OrderRole { get; set; }

        public string? TerminalType { get; set; }

        public bool Refunding { get; set; }

        public DateTimeOffset? ClickTime { get; set; }

        /// <summary>tk_create_time: when the affiliate order was created.</summary>
        public DateTimeOffset? CreateTime { get; set; }

        public DateTimeOffset? PaidTime { get; set; }

        /// <summary>tk_earning_time: when it was settled.</summary>
        public DateTimeOffset? SettledTime { get; set; }

        public DateTimeOffset? ModifiedTime { get; set; }

        public static string StatusTextOf(TbkOrderStatus status)
        {
            switch (status)
            {
                case TbkOrderStatus.Settled: return "结算成功";
                case TbkOrderStatus.Unpaid: return "拍下未付款";
                case TbkOrderStatus.Paid: return "已付款";
                case TbkOrderStatus.Closed: return "已失效";
                case TbkOrderStatus.Received: return "确认收货";
                default: return "未知";
            }
        }

        /// <summary>Reads a publisher_order_dto.</summary>
        public static TbkOrder FromJson(JsonElement dto)
        {
            return new TbkOrder
            {
                TradeId = dto.Text("trade_id") ?? string.Empty,
                TradeParentId = dto.Text("trade_parent_id"),
                Status = (TbkOrderStatus)(dto.Int("tk_status") ?? 0),
                ItemId = dto.Text("item_id"),
                ItemTitle = dto.Text("item_title"),
                ItemNum = dto.Int("item_num") ?? 0,
                ItemPrice = dto.Money("item_price"),
                ItemCategoryName = dto.Text("item_category_name"),
                SellerNick = dto.Text("seller_nick"),
                ShopTitle = dto.Text("seller_shop_title"),
                OrderType = dto.Text("order_type"),
                PaidAmount = dto.Money("alipay_total_price"),
                SettledAmount = dto.Money("pay_price"),
                EstimatedIncome = dto.Money("pub_share_pre_fee"),
                SettledIncome = dto.Money("pub_share_fee"),
                CommissionRate = dto.Decimal("tk_total_rate"),
                CommissionFee = dto.Money("total_commission_fee"),
                AdzoneId = dto.Long("adzone_id"),
                AdzoneName = dto.Text("adzone_name"),
                SiteId = dto.Long("site_id"),
                SiteName = dto.Text("site_name"),
                PublisherId = dto.Long("pub_id"),
                RelationId = dto.Long("relation_id"),
                SpecialId = dto.Long("special_id"),
                OrderRole = dto.Int("tk_order_role"),
                TerminalType = dto.Text("terminal_type"),
                Refunding = dto.Int("refund_tag") == 1,
                ClickTime = dto.Time("click_time"),
                CreateTime = dto.Time("tk_create_time"),
                PaidTime = dto.Time("tk_paid_time"),
                SettledTime = dto.Time("tk_earning_time"),
                ModifiedTime = dto.Time("modified_time"),
            };
        }

        public override string ToString() => TradeId + " " + ItemTitle;
    }
}
