namespace TaobaoTop
{
    /// <summary>material_type of 万能转链.</summary>
    public enum TbkMaterialType
    {
        Unknown = 0,
        Item = 1,
        Shop = 2,
        Page = 3,
    }

    /// <summary>One input of 万能转链 turned into the caller's promotion links.</summary>
    public sealed class TbkLink
    {
        /// <summary>What was converted: the item id, URL or share text as given.</summary>
        public string Input { get; set; } = string.Empty;

        public TbkMaterialType MaterialType { get; set; }

        /// <summary>The item id for an item; null for shops and pages.</summary>
        public string? ItemId { get; set; }

        /// <summary>Seller id of a shop link.</summary>
        public string? SellerId { get; set; }

        /// <summary>Activity page id of a page link.</summary>
        public string? PageId { get; set; }

        /// <summary>The link to share: the 二合一 coupon link when the item has a coupon, the CPS link otherwise.</summary>
        public string Url => CouponLongUrl ?? LongUrl ?? ShortUrl ?? string.Empty;

        public string? LongUrl { get; set; }

        public string? ShortUrl { get; set; }

        /// <summary>The 淘口令 of the CPS link (<c>￥…￥</c>).</summary>
        public string? Password { get; set; }

        public string? ShareText { get; set; }

        public string? CouponLongUrl { get; set; }

        public string? CouponShortUrl { get; set; }

        public string? CouponPassword { get; set; }

        public decimal? CouponAmount { get; set; }

        public string? CouponActivityId { get; set; }

        /// <summary>Commission rate in percent.</summary>
        public decimal? CommissionRate { get; set; }

        /// <summary>The PID the input link was made for, when it was someone's promotion link.</summary>
        public string? OriginPid { get; set; }

        /// <summary>Where the input 淘口令 pointed, when the input was a share text (万能解析).</summary>
        public string? OriginUrl { get; set; }

        public override string ToString() => Url;
    }

    /// <summary>One failed input of a batch answer, with the gateway's code and message for that input alone.</summary>
    public sealed class TbkBatchFailure
    {
        public TbkBatchFailure(string input, string? code, string message)
        {
            Input = input;
            Code = code;
            Message = message;
        }

        public string Input { get; }

        public string? Code { get; }

        public string Message { get; }

        public override string ToString() => Input + ": " + Message;
    }
}
