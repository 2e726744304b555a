using System;
using System.Globalization;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Seller
{
    /// <summary>One SKU of an item: a combination of sale-property values with its own price, stock and 商家编码.</summary>
    internal sealed class Sku
    {
        public long SkuId { get; set; }

        /// <summary>pid:vid;pid:vid, as item.add's sku_properties gives it.</summary>
        public string Properties { get; set; } = "";

        /// <summary>pid:vid:属性名:值名;…, as TOP answers it.</summary>
        public string PropertiesName { get; set; } = "";

        public long Quantity { get; set; }

        public decimal Price { get; set; }

        public string? OuterId { get; set; }

        public DateTimeOffset Created { get; set; }

        public DateTimeOffset Modified { get; set; }

        public JsonObject ToJson(long numIid)
        {
            var json = new JsonObject
            {
                ["sku_id"] = SkuId,
                ["num_iid"] = numIid,
                ["properties"] = Properties,
                ["properties_name"] = PropertiesName,
                ["quantity"] = Quantity,
                ["price"] = Item.Money(Price),
                ["created"] = TopTime.ToText(Created),
                ["modified"] = TopTime.ToText(Modified),
                ["status"] = "normal",
            };
            if (OuterId != null) json["outer_id"] = OuterId;
            return json;
        }

        public static Sku FromState(JsonNode node) => new Sku
        {
            SkuId = (long)node["sku_id"]!,
            Properties = (string)node["properties"]!,
            PropertiesName = (string)node["properties_name"]!,
            Quantity = (long)node["quantity"]!,
            Price = decimal.Parse((string)node["price"]!, CultureInfo.InvariantCulture),
            OuterId = (string?)node["outer_id"],
            Created = Item.StateTime(node["created"])!.Value,
            Modified = Item.StateTime(node["modified"])!.Value,
        };
    }
}
