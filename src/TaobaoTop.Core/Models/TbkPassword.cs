namespace TaobaoTop
{
    /// <summary>A 淘口令 made from a promotion link.</summary>
    public sealed class TbkPassword
    {
        /// <summary>The 淘口令 as users paste it, e.g. <c>￥Z9YdVgTDJ2C￥</c>.</summary>
        public string Password { get; set; } = string.Empty;

        /// <summary>The text to post: the title, the 淘口令 and how to open it.</summary>
        public string ShareText { get; set; } = string.Empty;

        /// <summary>The promotion link the 淘口令 opens.</summary>
        public string Url { get; set; } = string.Empty;

        /// <summary>The item id in <see cref="Url"/>, when the link names one.</summary>
        public string? ItemId { get; set; }

        public string? Text { get; set; }

        /// <summary>An encrypted (private) 淘口令 that only the promoter's own links resolve.</summary>
        public bool IsPrivate { get; set; }

        public override string ToString() => Password;
    }

    /// <summary>A 淘口令 read back: the link behind it, and with -Convert the caller's own promotion link.</summary>
    public sealed class TbkResolvedPassword
    {
        /// <summary>The text that was resolved, as given.</summary>
        public string Input { get; set; } = string.Empty;

        /// <summary>The 淘口令 found in <see cref="Input"/>.</summary>
        public string Password { get; set; } = string.Empty;

        /// <summary>The link the 淘口令 opens (origin_url).</summary>
        public string? Url { get; set; }

        public string? ItemId { get; set; }

        public string? SellerId { get; set; }

        /// <summary>The caller's promotion link, from -Convert.</summary>
        public string? ClickUrl { get; set; }

        /// <summary>The PID the original link was made for, from -Convert.</summary>
        public string? OriginPid { get; set; }

        /// <summary>A 淘口令 of the caller's own link, from -Convert.</summary>
        public string? NewPassword { get; set; }

        /// <summary>The short form of the caller's own link, from -Convert.</summary>
        public string? ShortUrl { get; set; }

        public override string ToString() => Url ?? Password;
    }
}
