using System;
using System.Collections.Generic;

namespace TaobaoTop
{
    /// <summary>A 淘礼金 link of another party made into the caller's (淘礼金三方链接转换), so the caller shares in it.</summary>
    public sealed class TbkGiftMoneyLink
    {
        /// <summary>The 淘礼金 link that was converted (origin_url).</summary>
        public string OriginUrl { get; set; } = string.Empty;

        /// <summary>The caller's link to the same 淘礼金 (send_url); New-TbkPassword takes it by name.</summary>
        public string Url { get; set; } = string.Empty;

        public long AdzoneId { get; set; }

        /// <summary>The 淘礼金 id the link carries, when the link shows it.</summary>
        public string? RightsId { get; set; }

        public override string ToString() => Url;
    }

    /// <summary>Whether a CPA detail row is an estimate or settled (calc_type 1 / 2).</summary>
    public enum TbkCpaDetailKind
    {
        Estimated = 1,
        Settled = 2,
    }

    /// <summary>One row of a CPA activity's execution details (CPA活动执行明细): its id, kind and its fields.</summary>
    public sealed class TbkCpaActivityDetail
    {
        public string EventId { get; set; } = string.Empty;

        /// <summary>The row's id (明细记录主键id).</summary>
        public long? Id { get; set; }

        public TbkCpaDetailKind Kind { get; set; }

        /// <summary>The channel (relation id) the row is about, when its fields name one; Get-TbkRelationReport takes it by name.</summary>
        public long? RelationId { get; set; }

        public long? SpecialId { get; set; }

        /// <summary>The reward of the row in yuan, when its fields give one.</summary>
        public decimal? Reward { get; set; }

        /// <summary>Every field of the row's field_detail, as TOP names them.</summary>
        public IReadOnlyDictionary<string, string> Fields { get; set; } = new Dictionary<string, string>();

        /// <summary>The data batch the row belongs to (runtime); pass it back with -Runtime to page through one batch.</summary>
        public DateTimeOffset? Runtime { get; set; }

        public override string ToString() => EventId + "/" + Id;
    }

    /// <summary>A member group of a tool service provider (member组): its id and the Taobao numeric ids in it.</summary>
    public sealed class TbkMemberGroup
    {
        public long MemberGroupId { get; set; }

        /// <summary>The members' Taobao numeric ids (tb_num_ids).</summary>
        public IReadOnlyList<string> MemberIds { get; set; } = Array.Empty<string>();

        public int MemberCount => MemberIds.Count;

        public DateTimeOffset? CreateTime { get; set; }

        public DateTimeOffset? UpdateTime { get; set; }

        public override string ToString() => MemberGroupId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The kind of a promotion (权益类型).</summary>
    public enum TbkPromotionKind
    {
        Unknown = 0,

        /// <summary>有价券: bought by the consumer.</summary>
        PaidCoupon = 1,

        /// <summary>公开券: claimed directly.</summary>
        PublicCoupon = 2,

        /// <summary>妈妈券: claimed through promoters.</summary>
        AffiliateCoupon = 3,

        /// <summary>品类券: across shops, on top of the others.</summary>
        CategoryCoupon = 4,
    }

    /// <summary>A recommended promotion (权益物料精选): a coupon with its threshold, stock, shop and the items it suits.</summary>
    public sealed class TbkPromotion
    {
        /// <summary>The promotion material id it was recommended under (promotion_id).</summary>
        public long PromotionId { get; set; }

        public TbkPromotionKind Kind { get; set; }

        /// <summary>Yuan off (entry_discount, sent in fen).</summary>
        public decimal? Discount { get; set; }

        /// <summary>Yuan the order must reach (entry_condition, sent in fen); 0 when none.</summary>
        public decimal? Threshold { get; set; }

        public long? TotalCount { get; set; }

        public long? RemainCount { get; set; }

        public DateTimeOffset? UseStartTime { get; set; }

        public DateTimeOffset? UseEndTime { get; set; }

        public DateTimeOffset? DisplayStartTime { get; set; }

        public DateTimeOffset? DisplayEndTime { get; set; }

        public long? SellerId { get; set; }

        public string? ShopTitle { get; set; }

        /// <summary>The promotion's link (promotion_url).</summary>
        public string? Url { get; set; }

        /// <summary>The items recommended with it; Get-TbkItem takes them by name (ItemId).</summary>
        public IReadOnlyList<string> ItemId { get; set; } = Array.Empty<string>();

        public override string ToString() => (ShopTitle ?? SellerId?.ToString(System.Globalization.CultureInfo.InvariantCulture)) + ": " + Discount;
    }
}
