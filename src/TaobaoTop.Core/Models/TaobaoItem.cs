using TaobaoTop.Core.Json;
using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop
{
    /// <summary>A seller's item as TOP's Item structure describes it; fields not asked for are null.</summary>
    public sealed class TaobaoItem
    {
        public long NumIid { get; set; }

        public string? Title { get; set; }

        /// <summary>Yuan, two decimals.</summary>
        public decimal? Price { get; set; }

        /// <summary>Stock (TOP's <c>num</c>).</summary>
        public long? Quantity { get; set; }

        public long? CategoryId { get; set; }

        /// <summary>The seller's own code (商家编码, <c>outer_id</c>).</summary>
        public string? OuterId { get; set; }

        /// <summary><c>onsale</c> or <c>instock</c>.</summary>
        public string? ApproveStatus { get; set; }

        public string? StuffStatus { get; set; }

        public string? State { get; set; }

        public string? City { get; set; }

        public string? PictureUrl { get; set; }

        public string? Nick { get; set; }

        public string? DetailUrl { get; set; }

        public DateTimeOffset? ListTime { get; set; }

        public DateTimeOffset? DelistTime { get; set; }

        public DateTimeOffset? Created { get; set; }

        public DateTimeOffset? Modified { get; set; }

        /// <summary>The item's SKUs, when <c>sku</c> was asked for; empty for an item without variants.</summary>
        public System.Collections.Generic.IReadOnlyList<TaobaoItemSku> Skus { get; set; } = Array.Empty<TaobaoItemSku>();

        /// <summary>The main pictures after the first (主图2 …), in position order, when <c>item_img</c> was asked for.</summary>
        public System.Collections.Generic.IReadOnlyList<string> MorePictureUrls { get; set; } = Array.Empty<string>();

        /// <summary>Pictures of sale-property values (a colour's picture): pid:vid → URL, when <c>prop_img</c> was asked for.</summary>
        public System.Collections.Generic.IReadOnlyDictionary<string, string> PropertyPictureUrls { get; set; } = new System.Collections.Generic.Dictionary<string, string>();

        public bool IsOnSale => ApproveStatus == "onsale";

        /// <summary>Reads an <c>item</c> object of a TOP answer.</summary>
        public static TaobaoItem FromJson(JsonElement item)
        {
            var location = item.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object ? l : (JsonElement?)null;
            return new TaobaoItem
            {
                NumIid = JsonFields.Long(item, "num_iid") ?? 0,
                Title = JsonFields.Text(item, "title"),
                Price = JsonFields.Money(item, "price"),
                Quantity = JsonFields.Long(item, "num"),
                CategoryId = JsonFields.Long(item, "cid"),
                OuterId = JsonFields.Text(item, "outer_id"),
                ApproveStatus = JsonFields.Text(item, "approve_status"),
                StuffStatus = JsonFields.Text(item, "stuff_status"),
                State = location is JsonElement s ? JsonFields.Text(s, "state") : null,
                City = location is JsonElement c ? JsonFields.Text(c, "city") : null,
                PictureUrl = JsonFields.Text(item, "pic_url"),
                Nick = JsonFields.Text(item, "nick"),
                DetailUrl = JsonFields.Text(item, "detail_url"),
                ListTime = JsonFields.Time(item, "list_time"),
                DelistTime = JsonFields.Time(item, "delist_time"),
                Created = JsonFields.Time(item, "created"),
                Modified = JsonFields.Time(item, "modified"),
                Skus = TaobaoItemSku.ListFromJson(item),
                MorePictureUrls = item.List("item_imgs").Where(i => (i.Long("position") ?? 1) > 0).OrderBy(i => i.Long("position") ?? 0).Select(i => i.Text("url")).Where(u => u != null).Select(u => u!).ToList(),
                PropertyPictureUrls = item.List("prop_imgs").Where(i => i.Text("properties") != null && i.Text("url") != null)
                    .GroupBy(i => i.Text("properties")!).ToDictionary(g => g.Key, g => g.First().Text("url")!),
            };
        }

        public override string ToString() => NumIid.ToString(CultureInfo.InvariantCulture) + (Title is null ? string.Empty : " " + Title);
    }
}
