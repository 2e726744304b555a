using System;
using System.Globalization;
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

        public bool IsOnSale => ApproveStatus == "onsale";

        /// <summary>Reads an <c>item</c> object of a TOP answer.</summary>
        public static TaobaoItem FromJson(JsonElement item)
        {
            var location = item.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object ? l : (JsonElement?)null;
            return new TaobaoItem
            {
                NumIid = TopJson.Long(item, "num_iid") ?? 0,
                Title = TopJson.Text(item, "title"),
                Price = TopJson.Money(item, "price"),
                Quantity = TopJson.Long(item, "num"),
                CategoryId = TopJson.Long(item, "cid"),
                OuterId = TopJson.Text(item, "outer_id"),
                ApproveStatus = TopJson.Text(item, "approve_status"),
                StuffStatus = TopJson.Text(item, "stuff_status"),
                State = location is JsonElement s ? TopJson.Text(s, "state") : null,
                City = location is JsonElement c ? TopJson.Text(c, "city") : null,
                PictureUrl = TopJson.Text(item, "pic_url"),
                Nick = TopJson.Text(item, "nick"),
                DetailUrl = TopJson.Text(item, "detail_url"),
                ListTime = TopJson.Time(item, "list_time"),
                DelistTime = TopJson.Time(item, "delist_time"),
                Created = TopJson.Time(item, "created"),
                Modified = TopJson.Time(item, "modified"),
            };
        }

        public override string ToString() => NumIid.ToString(CultureInfo.InvariantCulture) + (Title is null ? string.Empty : " " + Title);
    }
}
