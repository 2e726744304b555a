using System;
using System.Collections.Generic;
using System.Text.Json;
using TaobaoTop.Core.Json;

namespace TaobaoTop
{
    /// <summary>What happened to an item, as a listing job cares about it.</summary>
    public enum TaobaoMessageKind
    {
        Other,

        /// <summary>taobao_item_ItemAdd.</summary>
        ItemAdded,

        /// <summary>taobao_item_ItemUpshelf.</summary>
        ItemListed,

        /// <summary>taobao_item_ItemDownshelf: taken off sale by the seller.</summary>
        ItemDelisted,

        /// <summary>taobao_item_ItemPunishDownshelf: taken down by the platform (小二下架), with the reason.</summary>
        ItemDelistedByPlatform,

        /// <summary>taobao_item_ItemZeroStock: sold out, moved to the warehouse.</summary>
        ItemSoldOut,

        /// <summary>taobao_item_ItemStockChanged.</summary>
        StockChanged,

        /// <summary>taobao_item_ItemUpdate; ChangedFields says what.</summary>
        ItemUpdated,

        /// <summary>taobao_item_ItemUpdate of the price or a SKU's price.</summary>
        PriceChanged,

        /// <summary>taobao_item_ItemDelete.</summary>
        ItemDeleted,
    }

    /// <summary>A message of TOP's message service (TMC), typed for the item topics.</summary>
    public sealed class TaobaoMessage
    {
        private static readonly Dictionary<string, TaobaoMessageKind> Kinds = new Dictionary<string, TaobaoMessageKind>(StringComparer.Ordinal)
        {
            ["taobao_item_ItemAdd"] = TaobaoMessageKind.ItemAdded,
            ["taobao_item_ItemUpshelf"] = TaobaoMessageKind.ItemListed,
            ["taobao_item_ItemDownshelf"] = TaobaoMessageKind.ItemDelisted,
            ["taobao_item_ItemPunishDownshelf"] = TaobaoMessageKind.ItemDelistedByPlatform,
            ["taobao_item_ItemZeroStock"] = TaobaoMessageKind.ItemSoldOut,
            ["taobao_item_ItemStockChanged"] = TaobaoMessageKind.StockChanged,
            ["taobao_item_ItemUpdate"] = TaobaoMessageKind.ItemUpdated,
            ["taobao_item_ItemDelete"] = TaobaoMessageKind.ItemDeleted,
        };

        /// <summary>The full topic names of the kinds, for -Topic: ItemAdded → taobao_item_ItemAdd.</summary>
        public static string? TopicOf(TaobaoMessageKind kind)
        {
            if (kind == TaobaoMessageKind.PriceChanged) kind = TaobaoMessageKind.ItemUpdated;
            foreach (var pair in Kinds) if (pair.Value == kind) return pair.Key;
            return null;
        }

        public long Id { get; set; }

        public string Topic { get; set; } = "";

        public TaobaoMessageKind Kind { get; set; }

        public long? NumIid { get; set; }

        public string? OuterId { get; set; }

        public string? Title { get; set; }

        /// <summary>Stock after the change, for stock messages.</summary>
        public long? Quantity { get; set; }

        /// <summary>The new price, for PriceChanged.</summary>
        public decimal? Price { get; set; }

        /// <summary>Why the platform took the item down, for ItemDelistedByPlatform.</summary>
        public string? Reason { get; set; }

        /// <summary>What changed, for ItemUpdated (price, sku_price …).</summary>
        public string? ChangedFields { get; set; }

        public string? Nick { get; set; }

        public DateTimeOffset? PublishedAt { get; set; }

        /// <summary>The message's content as TOP sent it (a JSON object).</summary>
        public string? Content { get; set; }

        public static TaobaoMessage FromJson(JsonElement message)
        {
            var topic = JsonFields.Text(message, "topic") ?? string.Empty;
            var result = new TaobaoMessage
            {
                Id = JsonFields.Long(message, "id") ?? 0,
                Topic = topic,
                Kind = Kinds.TryGetValue(topic, out var kind) ? kind : TaobaoMessageKind.Other,
                Nick = JsonFields.Text(message, "user_nick"),
                PublishedAt = JsonFields.Time(message, "pub_time"),
                Content = JsonFields.Text(message, "content"),
            };
            if (result.Content != null)
            {
                try
                {
                    using (var content = JsonDocument.Parse(result.Content))
                    {
                        var body = content.RootElement;
                        if (body.ValueKind == JsonValueKind.Object)
                        {
                            result.NumIid = JsonFields.Long(body, "num_iid");
                            result.OuterId = JsonFields.Text(body, "outer_id");
                            result.Title = JsonFields.Text(body, "title");
                            result.Quantity = JsonFields.Long(body, "num");
                            result.Reason = JsonFields.Text(body, "reason");
                            result.ChangedFields = JsonFields.Text(body, "changed_fields");
                            result.Price = JsonFields.Money(body, "price");
                            if (result.Kind == TaobaoMessageKind.ItemUpdated && result.ChangedFields?.IndexOf("price", StringComparison.Ordinal) >= 0) result.Kind = TaobaoMessageKind.PriceChanged;
                        }
                    }
                }
                catch (JsonException)
                {
                    // Content that is not JSON stays as text in Content.
                }
            }
            return result;
        }

        public override string ToString() => Kind + " " + NumIid;
    }
}
