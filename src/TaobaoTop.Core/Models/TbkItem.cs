using System;
using System.Collections.Generic;

namespace TaobaoTop
{
    /// <summary>The order of a material search (Find-TbkItem -Sort).</summary>
    public enum TbkSort
    {
        Default,
        SalesDescending,
        SalesAscending,
        CommissionRateDescending,
        CommissionRateAscending,
        /// <summary>By 到手价, the price after coupons.</summary>
        FinalPriceDescending,
        FinalPriceAscending,
        TotalCommissionDescending,
    }

    /// <summary>A promotable item from material search or item details (the upgrade APIs' basic / price / publish blocks).</summary>
    public sealed class TbkItem
    {
        /// <summary>The opaque string id of the upgrade APIs (not the old numeric num_iid).</summary>
        public string ItemId { get; set; } = string.Empty;

        public string Title { get; set; } = string.Empty;

        public string? ShortTitle { get; set; }

        public string? SubTitle { get; set; }

        public string? BrandName { get; set; }

        public long? CategoryId { get; set; }

        public string? CategoryName { get; set; }

        public long? LevelOneCategoryId { get; set; }

        public string? LevelOneCategoryName { get; set; }

        public long? SellerId { get; set; }

        public string? ShopTitle { get; set; }

        /// <summary>user_type 1: a Tmall shop.</summary>
        public bool IsTmall { get; set; }

        /// <summary>30-day sales.</summary>
        public long? Volume { get; set; }

        /// <summary>一口价.</summary>
        public decimal? ReservePrice { get; set; }

        /// <summary>折扣价 (zk_final_price).</summary>
        public decimal? Price { get; set; }

        /// <summary>到手价 after the coupon and promotions (final_promotion_price).</summary>
        public decimal? FinalPrice { get; set; }

        /// <summary>Commission rate in percent (income_rate, e.g. 6.50).</summary>
        public decimal? CommissionRate { get; set; }

        /// <summary>The commission at <see cref="FinalPrice"/>.</summary>
        public decimal? Commission => FinalPrice is decimal price && CommissionRate is decimal rate ? Math.Round(price * rate / 100m, 2, MidpointRounding.AwayFromZero) + 0.00m : (decimal?)null;

        public decimal? CouponAmount { get; set; }

        /// <summary>The coupon's activity id, for Get-TbkCoupon.</summary>
        public string? CouponActivityId { get; set; }

        public string? CouponDescription { get; set; }

        public DateTimeOffset? CouponStartTime { get; set; }

        public DateTimeOffset? CouponEndTime { get; set; }

        public bool HasCoupon => CouponActivityId != null || CouponAmount > 0;

        /// <summary>Promotion link for the adzone of the search; null from item details.</summary>
        public string? ClickUrl { get; set; }

        /// <summary>二合一 coupon promotion link, when the item has a coupon.</summary>
        public string? CouponShareUrl { get; set; }

        /// <summary>The item's page on Taobao or Tmall (from item details).</summary>
        public string? ItemUrl { get; set; }

        public string? PictureUrl { get; set; }

        public string? WhiteImageUrl { get; set; }

        public IReadOnlyList<string> SmallImages { get; set; } = Array.Empty<string>();

        public override string ToString() => ItemId + " " + Title;
    }
}
