using System;

namespace TaobaoTop
{
    /// <summary>An official activity page (会场) as the caller's promotion link (官方活动转链).</summary>
    public sealed class TbkActivityLink
    {
        /// <summary>The activity material id (活动物料ID) from the Alimama console.</summary>
        public string ActivityMaterialId { get; set; } = string.Empty;

        /// <summary>The page name (会场名称); New-TbkPassword shows it with the 淘口令.</summary>
        public string? Title { get; set; }

        /// <summary>The CPS long link (click_url).</summary>
        public string Url { get; set; } = string.Empty;

        public string? ShortUrl { get; set; }

        public DateTimeOffset? StartTime { get; set; }

        public DateTimeOffset? EndTime { get; set; }

        /// <summary>1 PC, 2 mobile (投放平台).</summary>
        public string? TerminalType { get; set; }

        /// <summary>Where the page's pictures can be downloaded (物料素材).</summary>
        public string? MaterialUrl { get; set; }

        public long? RelationId { get; set; }

        public string? WeChatQrCodeUrl { get; set; }

        public string? WeChatMiniProgramPath { get; set; }

        public override string ToString() => Url;
    }

    /// <summary>A 淘礼金 (gift money) just created: its id, the link consumers claim it with, and what it costs.</summary>
    public sealed class TbkGiftMoney
    {
        public string RightsId { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string ItemId { get; set; } = string.Empty;

        /// <summary>The adzone it was created for; report and stop need the same one.</summary>
        public long AdzoneId { get; set; }

        /// <summary>Yuan per 淘礼金 (per_face).</summary>
        public decimal Amount { get; set; }

        public long Count { get; set; }

        /// <summary>Amount × Count: what the account sets aside.</summary>
        public decimal Budget => Amount * Count;

        public long PerUserLimit { get; set; }

        public DateTimeOffset SendStartTime { get; set; }

        public DateTimeOffset? SendEndTime { get; set; }

        /// <summary>The claim link (send_url).</summary>
        public string? Url { get; set; }

        public string? VegasCode { get; set; }

        /// <summary>What the 淘礼金 account has left after this one, in yuan.</summary>
        public decimal? AvailableBudget { get; set; }

        public override string ToString() => RightsId;
    }

    /// <summary>How a 淘礼金 did (淘礼金效果数据): claims, uses, refunds, what it brought.</summary>
    public sealed class TbkGiftMoneyReport
    {
        public string RightsId { get; set; } = string.Empty;

        public long AdzoneId { get; set; }

        public long? ClaimedCount { get; set; }

        public decimal? ClaimedAmount { get; set; }

        public long? UsedCount { get; set; }

        public decimal? UsedAmount { get; set; }

        public long? RefundedCount { get; set; }

        public decimal? RefundedAmount { get; set; }

        /// <summary>Not claimed when the send period ended or the 淘礼金 was stopped.</summary>
        public long? RemainingCount { get; set; }

        public decimal? RemainingAmount { get; set; }

        /// <summary>Paid orders it led to (alipay_num) and their amount.</summary>
        public long? PaidCount { get; set; }

        public decimal? PaidAmount { get; set; }

        /// <summary>Commission of the paid orders (pre_pub_share_fee_for_disp).</summary>
        public decimal? PaidCommission { get; set; }

        public decimal? SettledCommission { get; set; }

        /// <summary>Claimed / created, in percent.</summary>
        public decimal? ClaimRate { get; set; }

        /// <summary>Used / claimed, in percent.</summary>
        public decimal? UseRate { get; set; }

        public override string ToString() => RightsId;
    }

    /// <summary>Whether a consumer (by device or channel) has a 红包 waiting to be used (红包领取状态).</summary>
    public sealed class TbkRedPacketStatus
    {
        public long? RelationId { get; set; }

        public long? SpecialId { get; set; }

        /// <summary>IMEI, IDFA, OAID, MOBILE or ALIPAY_ID, when asked by device.</summary>
        public string? DeviceType { get; set; }

        /// <summary>True when the consumer has a red packet not used yet (is_new_user 0).</summary>
        public bool HasPendingRedPacket { get; set; }

        public override string ToString() => HasPendingRedPacket ? "pending" : "none";
    }

    /// <summary>红包 issued and used on one day, for one 渠道 or one PID (红包发放个数).</summary>
    public sealed class TbkRedPacketReportRow
    {
        public DateTimeOffset Date { get; set; }

        public string? Pid { get; set; }

        public long? RelationId { get; set; }

        public long IssuedCount { get; set; }

        public long UsedCount { get; set; }

        public override string ToString() => (RelationId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Pid) + ": " + IssuedCount;
    }

    /// <summary>What happened to the 淘口令 of a PID or channel (淘口令预警及拦截).</summary>
    public enum TbkPasswordRiskStatus
    {
        /// <summary>0 预警: its 淘口令 are being warned about.</summary>
        Warning = 0,

        /// <summary>1 拦截: its 淘口令 are blocked.</summary>
        Blocked = 1,
    }

    /// <summary>A PID (or one of a PID's channels) on the 淘口令 warning or interception list.</summary>
    public sealed class TbkPasswordRisk
    {
        public string? Pid { get; set; }

        /// <summary>The channel under <see cref="Pid"/>, when the list was asked for one PID.</summary>
        public long? RelationId { get; set; }

        public TbkPasswordRiskStatus Status { get; set; }

        public string StatusText => Status == TbkPasswordRiskStatus.Blocked ? "拦截" : "预警";

        public override string ToString() => (RelationId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Pid) + ": " + StatusText;
    }

    /// <summary>A new user the promoter's links brought to a 拉新 activity (新用户订单明细).</summary>
    public sealed class TbkNewUserOrder
    {
        public string ActivityId { get; set; } = string.Empty;

        /// <summary>taobao, tmall or alipay.</summary>
        public string? ActivityType { get; set; }

        /// <summary>The activity's status code; <see cref="StatusText"/> says what it means for this kind of activity.</summary>
        public int? Status { get; set; }

        public string StatusText
        {
            get
            {
                switch (ActivityType)
                {
                    case "taobao": return Status switch { 1 => "新注册", 2 => "激活", 3 => "首购", 4 => "确认收货", _ => "未知" };
                    case "tmall": return Status switch { 2 => "已领取", 3 => "已首购", 4 => "已收货", _ => "未知" };
                    case "alipay": return Status switch { 1 => "已绑定", 2 => "拉新成功", 3 => "无效用户", _ => "未知" };
                    default: return "未知";
                }
            }
        }

        /// <summary>The user's phone number as the API gives it, masked (138****1234).</summary>
        public string? Mobile { get; set; }

        public DateTimeOffset? RegisterTime { get; set; }

        /// <summary>Activated (taobao) or bound (alipay).</summary>
        public DateTimeOffset? BindTime { get; set; }

        /// <summary>First purchase (taobao, tmall).</summary>
        public DateTimeOffset? BuyTime { get; set; }

        public DateTimeOffset? AcceptTime { get; set; }

        public long? SiteId { get; set; }

        public long? AdzoneId { get; set; }

        public string? AdzoneName { get; set; }

        public long? RelationId { get; set; }

        public string? UnionId { get; set; }

        /// <summary>The first order (tb_trade_parent_id).</summary>
        public string? TradeParentId { get; set; }

        /// <summary>The first order was an affiliate order (order_tk_type 1).</summary>
        public bool? IsAffiliateOrder { get; set; }

        public DateTimeOffset? Date { get; set; }

        public override string ToString() => ActivityId + " " + Mobile + " " + StatusText;
    }

    /// <summary>What one channel (relation id) sold on one day (渠道管理rid推广效果): all, its own purchases (自购), and the rest.</summary>
    public sealed class TbkRelationReport
    {
        public DateTimeOffset Date { get; set; }

        public long RelationId { get; set; }

        public long? SiteId { get; set; }

        /// <summary>Paid orders (purchase_alipay_num).</summary>
        public long OrderCount { get; set; }

        public decimal PaidAmount { get; set; }

        /// <summary>Distinct buyers of the day.</summary>
        public long BuyerCount { get; set; }

        /// <summary>The channel owner's own purchases (自购, individual_*).</summary>
        public long OwnOrderCount { get; set; }

        public decimal OwnPaidAmount { get; set; }

        public long OwnBuyerCount { get; set; }

        /// <summary>Purchases by the people the channel shared with (非自购, promo_*).</summary>
        public long SharedOrderCount { get; set; }

        public decimal SharedPaidAmount { get; set; }

        public long SharedBuyerCount { get; set; }

        public override string ToString() => RelationId.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A day of a 拉新 activity (拉新活动数据): how many new users got how far, and the reward.</summary>
    public sealed class TbkNewUserSummary
    {
        public string ActivityId { get; set; } = string.Empty;

        public DateTimeOffset Date { get; set; }

        public long? RelationId { get; set; }

        /// <summary>New registrations (reg_user_cnt).</summary>
        public long RegisteredCount { get; set; }

        /// <summary>New activations (login_user_cnt).</summary>
        public long ActivatedCount { get; set; }

        /// <summary>First purchases (alipay_user_cnt).</summary>
        public long FirstPurchaseCount { get; set; }

        /// <summary>Confirmed receipts (rcv_user_cnt).</summary>
        public long ReceivedCount { get; set; }

        /// <summary>Users that count for the reward at settlement (rcv_valid_user_cnt).</summary>
        public long ValidCount { get; set; }

        /// <summary>The CPA reward in yuan (alipay_user_cpa_pre_amt).</summary>
        public decimal? Reward { get; set; }

        public override string ToString() => ActivityId + " " + Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How often a 淘口令 was opened (淘口令回流数据): in all and in the last hour.</summary>
    public sealed class TbkPasswordReport
    {
        /// <summary>The 淘口令 as given (a share text is reduced to its code).</summary>
        public string Password { get; set; } = string.Empty;

        public long Pv { get; set; }

        public long Uv { get; set; }

        public long HourPv { get; set; }

        public long HourUv { get; set; }

        public override string ToString() => Password + ": " + Pv.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
