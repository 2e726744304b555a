using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Seller
{
    internal sealed class Item
    {
        public long NumIid { get; set; }
        public string Nick { get; set; } = "";
        public string Title { get; set; } = "";
        public string Desc { get; set; } = "";
        public string Type { get; set; } = "fixed";
        public string StuffStatus { get; set; } = "new";
        public long Cid { get; set; }
        public decimal Price { get; set; }
        public long Num { get; set; }
        public string State { get; set; } = "";
        public string City { get; set; } = "";
        public string ApproveStatus { get; set; } = "onsale";
        public string? OuterId { get; set; }
        public string? PicUrl { get; set; }
        public string? Props { get; set; }
        public string? SellerCids { get; set; }
        public string FreightPayer { get; set; } = "seller";
        public int ValidThru { get; set; } = 14;
        public bool HasShowcase { get; set; }
        public bool HasDiscount { get; set; }
        public DateTimeOffset Created { get; set; }
        public DateTimeOffset Modified { get; set; }
        public DateTimeOffset? ListTime { get; set; }
        public DateTimeOffset? DelistTime { get; set; }
        public List<ItemImage> Images { get; set; } = new List<ItemImage>();
        public List<Sku> Skus { get; set; } = new List<Sku>();
        public List<ItemImage> PropImages { get; set; } = new List<ItemImage>();
        public string? InputPids { get; set; }
        public string? InputStr { get; set; }

        /// <summary>pid:vid:name;… the sale values the seller named (雾霾蓝 on a colour value).</summary>
        public string? PropertyAlias { get; set; }
        public long? PostageId { get; set; }

        public bool IsOnSale => ApproveStatus == "onsale";

        /// <summary>Answer fields by name, as TOP's Item structure spells them (item_img is answered by <see cref="ToJson"/>).</summary>
        private static readonly Dictionary<string, Func<Item, JsonNode?>> Fields = new Dictionary<string, Func<Item, JsonNode?>>(StringComparer.Ordinal)
        {
            ["num_iid"] = i => i.NumIid,
            ["title"] = i => i.Title,
            ["nick"] = i => i.Nick,
            ["type"] = i => i.Type,
            ["stuff_status"] = i => i.StuffStatus,
            ["cid"] = i => i.Cid,
            ["seller_cids"] = i => i.SellerCids,
            ["props"] = i => i.Props,
            ["desc"] = i => i.Desc,
            ["pic_url"] = i => i.PicUrl,
            ["num"] = i => i.Num,
            ["price"] = i => Money(i.Price),
            ["location"] = i => new JsonObject { ["city"] = i.City, ["state"] = i.State },
            ["approve_status"] = i => i.ApproveStatus,
            ["list_time"] = i => i.ListTime is DateTimeOffset t ? TopTime.ToText(t) : null,
            ["delist_time"] = i => i.DelistTime is DateTimeOffset t ? TopTime.ToText(t) : null,
            ["created"] = i => TopTime.ToText(i.Created),
            ["modified"] = i => TopTime.ToText(i.Modified),
            ["outer_id"] = i => i.OuterId,
            ["freight_payer"] = i => i.FreightPayer,
            ["valid_thru"] = i => i.ValidThru,
            ["has_showcase"] = i => i.HasShowcase,
            ["has_discount"] = i => i.HasDiscount,
            ["input_pids"] = i => i.InputPids,
            ["input_str"] = i => i.InputStr,
            ["property_alias"] = i => i.PropertyAlias,
            ["postage_id"] = i => i.PostageId,
            ["detail_url"] = i => "https://item.taobao.com/item.htm?id=" + i.NumIid.ToString(CultureInfo.InvariantCulture),
        };

        /// <summary>TOP answers money as a string with two decimals.</summary>
        public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

        /// <summary>The requested fields that exist and have a value; TOP leaves out unknown fields and empty values.</summary>
        public JsonObject ToJson(IEnumerable<string> fields, bool simplify = false)
        {
            var json = new JsonObject();
            foreach (var raw in fields)
            {
                var field = raw.Trim();
                if (field == "item_img" || field == "item_imgs")
                {
                    if (json.ContainsKey("item_imgs") || Images.Count == 0) continue;
                    var images = new JsonArray(Images.OrderBy(i => i.Position).Select(i => (JsonNode)i.ToJson()).ToArray());
                    json["item_imgs"] = simplify ? (JsonNode)images : new JsonObject { ["item_img"] = images };
                    continue;
                }
                if (field == "prop_img" || field == "prop_imgs")
                {
                    if (json.ContainsKey("prop_imgs") || PropImages.Count == 0) continue;
                    var images = new JsonArray(PropImages.Select(i => (JsonNode)i.ToJson()).ToArray());
                    json["prop_imgs"] = simplify ? (JsonNode)images : new JsonObject { ["prop_img"] = images };
                    continue;
                }
                if (field == "sku" || field == "skus")
                {
                    if (json.ContainsKey("skus") || Skus.Count == 0) continue;
                    var skus = new JsonArray(Skus.Select(s => (JsonNode)s.ToJson(NumIid)).ToArray());
                    json["skus"] = simplify ? (JsonNode)skus : new JsonObject { ["sku"] = skus };
                    continue;
                }
                if (json.ContainsKey(field) || !Fields.TryGetValue(field, out var read)) continue;
                var value = read(this);
                if (value != null) json[field] = value;
            }
            return json;
        }

        public JsonObject ToState() => ToJson(Fields.Keys.Append("item_img").Append("sku").Append("prop_img"));

        public static Item FromState(JsonNode node)
        {
            var location = node["location"]!;
            return new Item
            {
                NumIid = (long)node["num_iid"]!,
                Nick = (string)node["nick"]!,
                Title = (string)node["title"]!,
                Desc = (string)node["desc"]!,
                Type = (string)node["type"]!,
                StuffStatus = (string)node["stuff_status"]!,
                Cid = (long)node["cid"]!,
                Price = decimal.Parse((string)node["price"]!, CultureInfo.InvariantCulture),
                Num = (long)node["num"]!,
                State = (string)location["state"]!,
                City = (string)location["city"]!,
                ApproveStatus = (string)node["approve_status"]!,
                OuterId = (string?)node["outer_id"],
                PicUrl = (string?)node["pic_url"],
                Props = (string?)node["props"],
                SellerCids = (string?)node["seller_cids"],
                FreightPayer = (string)node["freight_payer"]!,
                ValidThru = (int)node["valid_thru"]!,
                HasShowcase = (bool)node["has_showcase"]!,
                HasDiscount = (bool)node["has_discount"]!,
                Created = StateTime(node["created"])!.Value,
                Modified = StateTime(node["modified"])!.Value,
                ListTime = StateTime(node["list_time"]),
                DelistTime = StateTime(node["delist_time"]),
                Images = node["item_imgs"]?["item_img"]?.AsArray().Select(i => ItemImage.FromState(i!)).ToList() ?? new List<ItemImage>(),
                PropImages = node["prop_imgs"]?["prop_img"]?.AsArray().Select(i => ItemImage.FromState(i!)).ToList() ?? new List<ItemImage>(),
                Skus = node["skus"]?["sku"]?.AsArray().Select(s => Sku.FromState(s!)).ToList() ?? new List<Sku>(),
                InputPids = (string?)node["input_pids"],
                InputStr = (string?)node["input_str"],
                PropertyAlias = (string?)node["property_alias"],
                PostageId = (long?)node["postage_id"],
            };
        }

        internal static DateTimeOffset? StateTime(JsonNode? node)
            => node is null ? (DateTimeOffset?)null : TopTime.TryParse((string)node!, out var time) ? time : throw new FormatException("Bad time in the state file: " + node);
    }
}
