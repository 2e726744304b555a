using System;

namespace TaobaoTop
{
    /// <summary>An Alimama promotion coupon (阿里妈妈推广券).</summary>
    public sealed class TbkCoupon
    {
        public string ActivityId { get; set; } = string.Empty;

        public string? ItemId { get; set; }

        public decimal? Amount { get; set; }

        /// <summary>The spend the coupon needs (满…可用); 0 for no threshold.</summary>
        public decimal? StartFee { get; set; }

        public long? RemainCount { get; set; }

        public long? TotalCount { get; set; }

        public DateTimeOffset? StartTime { get; set; }

        public DateTimeOffset? EndTime { get; set; }

        public override string ToString() => ActivityId;
    }
}
