using System.Text.Json;
using TaobaoTop.Core.Json;

namespace TaobaoTop
{
    /// <summary>A shop found by 店铺搜索 (taobao.tbk.shop.get).</summary>
    public sealed class TbkShop
    {
        /// <summary>The seller's user id: what ConvertTo-TbkShopLink takes.</summary>
        public long SellerId { get; set; }

        public string? ShopTitle { get; set; }

        public string? SellerNick { get; set; }

        /// <summary>B: a Tmall shop; C: a Taobao shop.</summary>
        public string? ShopType { get; set; }

        public bool IsTmall => ShopType == "B";

        public string? PictureUrl { get; set; }

        public string? ShopUrl { get; set; }

        /// <summary>Reads an n_tbk_shop entry.</summary>
        public static TbkShop FromJson(JsonElement shop) => new TbkShop
        {
            SellerId = shop.Long("user_id") ?? 0,
            ShopTitle = shop.Text("shop_title"),
            SellerNick = shop.Text("seller_nick"),
            ShopType = shop.Text("shop_type"),
            PictureUrl = shop.Url("pict_url"),
            ShopUrl = shop.Url("shop_url"),
        };

        public override string ToString() => ShopTitle ?? SellerId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
