namespace TaobaoTop
{
    /// <summary>A long link and its short form (长链转短链).</summary>
    public sealed class TbkShortLink
    {
        public TbkShortLink(string url, string shortUrl)
        {
            Url = url;
            ShortUrl = shortUrl;
        }

        public string Url { get; }

        public string ShortUrl { get; }

        public override string ToString() => ShortUrl;
    }

    /// <summary>A shop's promotion link.</summary>
    public sealed class TbkShopLink
    {
        public TbkShopLink(long sellerId, string url)
        {
            SellerId = sellerId;
            Url = url;
        }

        public long SellerId { get; }

        public string Url { get; }

        public override string ToString() => Url;
    }

    /// <summary>An old numeric item id and the string id that replaces it.</summary>
    public sealed class TbkItemIdMap
    {
        public TbkItemIdMap(string originalItemId, string itemId)
        {
            OriginalItemId = originalItemId;
            ItemId = itemId;
        }

        public string OriginalItemId { get; }

        public string ItemId { get; }

        public override string ToString() => ItemId;
    }
}
