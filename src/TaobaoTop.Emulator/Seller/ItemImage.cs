using System;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Seller
{
    /// <summary>One of an item's main images (taobao.item.img.upload).</summary>
    internal sealed class ItemImage
    {
        public long Id { get; set; }
        public string Url { get; set; } = "";
        public long Position { get; set; }
        public DateTimeOffset Created { get; set; }

        /// <summary>For a property picture (taobao.item.propimg.upload): the pid:vid it shows, e.g. a colour.</summary>
        public string? Properties { get; set; }

        public JsonObject ToJson()
        {
            var json = new JsonObject
            {
                ["id"] = Id,
                ["url"] = Url,
                ["position"] = Position,
                ["created"] = TopTime.ToText(Created),
            };
            if (Properties != null) json["properties"] = Properties;
            return json;
        }

        public static ItemImage FromState(JsonNode node) => new ItemImage
        {
            Id = (long)node["id"]!,
            Url = (string)node["url"]!,
            Position = (long)node["position"]!,
            Created = Item.StateTime(node["created"])!.Value,
            Properties = (string?)node["properties"],
        };
    }
}
