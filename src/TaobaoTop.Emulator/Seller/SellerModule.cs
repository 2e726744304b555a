using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Seller
{
    /// <summary>Seller items, pictures and categories: the state behind <c>taobao.item.*</c>, <c>taobao.items.*</c>, <c>taobao.picture.upload</c>, <c>taobao.itemcats.get</c>.</summary>
    internal sealed class SellerModule : IApiModule
    {
        /// <summary>Above 2^53, so a client that passes ids through a double gets caught.</summary>
        public const long FirstNumIid = 700000000000000001;
        public const long FirstPictureId = 900000000000000001;
        public const long MaxPictureBytes = 3 * 1024 * 1024;
        public const long MaxItemImageBytes = 524288;
        public const int MaxCustomOuterIds = 40;
        public const int MaxListNumIids = 20;
        public const int MaxItemImages = 5;

        private readonly object _lock = new object();
        private readonly MessageService _messages;

        /// <summary>Words the platform's audit takes an item down for (广告法 absolutes), as 小二 would.</summary>
        private static readonly string[] ForbiddenWords = { "最好", "第一", "国家级", "最佳", "顶级", "最便宜" };

        public SellerModule(MessageService messages)
        {
            _messages = messages;
        }

        private void Publish(Item item, string topic, DateTimeOffset now, Action<JsonObject>? more = null)
        {
            var content = new JsonObject { ["num_iid"] = item.NumIid, ["nick"] = item.Nick, ["title"] = item.Title };
            if (item.OuterId != null) content["outer_id"] = item.OuterId;
            more?.Invoke(content);
            _messages.Publish(item.Nick, topic, content, now);
        }
        private readonly SortedDictionary<long, Item> _items = new SortedDictionary<long, Item>();
        private readonly Dictionary<long, Picture> _pictures = new Dictionary<long, Picture>();
        private long _nextNumIid;
        private long _nextPictureId;
        private long _nextSkuId;
        public const long FirstSkuId = 5000000000001;

        public void Register(ApiRegistry registry)
        {
            registry.Add("taobao.item.add", needsSession: true, writes: true, Locked(AddItem));
            registry.Add("taobao.item.update", needsSession: true, writes: true, Locked(UpdateItem));
            registry.Add("taobao.item.price.update", needsSession: true, writes: true, Locked(UpdateItem));
            registry.Add("taobao.item.quantity.update", needsSession: true, writes: true, Locked(UpdateQuantity));
            registry.Add("taobao.item.update.listing", needsSession: true, writes: true, Locked(List));
            registry.Add("taobao.item.update.delisting", needsSession: true, writes: true, Locked(Delist));
            registry.Add("taobao.item.delete", needsSession: true, writes: true, Locked(DeleteItem));
            registry.Add("taobao.item.seller.get", needsSession: true, writes: false, Locked(GetItem));
            registry.Add("taobao.items.onsale.get", needsSession: true, writes: false, Locked(call => ListItems(call, onSale: true)));
            registry.Add("taobao.items.inventory.get", needsSession: true, writes: false, Locked(call => ListItems(call, onSale: false)));
            registry.Add("taobao.items.custom.get", needsSession: true, writes: false, Locked(GetByOuterId));
            registry.Add("taobao.items.list.get", needsSession: true, writes: false, Locked(GetByNumIids));
            registry.Add("taobao.picture.upload", needsSession: true, writes: true, Locked(UploadPicture));
            registry.Add("taobao.picture.get", needsSession: true, writes: false, Locked(GetPictures));
            registry.Add("taobao.item.img.upload", needsSession: true, writes: true, Locked(UploadItemImage));
            registry.Add("taobao.item.propimg.upload", needsSession: true, writes: true, Locked(UploadPropertyImage));
            registry.Add("taobao.itemcats.get", needsSession: false, writes: false, GetCategories);
            registry.Add("taobao.itemprops.get", needsSession: false, writes: false, GetProperties);
            registry.Add("taobao.item.sku.price.update", needsSession: true, writes: true, Locked(UpdateSkuPrice));
            registry.Add("taobao.item.sku.add", needsSession: true, writes: true, Locked(AddSku));
            registry.Add("taobao.delivery.templates.get", needsSession: true, writes: false, GetFreightTemplates);
        }

        public void Reset(int seed, DateTimeOffset now)
        {
            lock (_lock)
            {
                _items.Clear();
                _pictures.Clear();
                _nextNumIid = FirstNumIid;
                _nextPictureId = FirstPictureId;
                _nextSkuId = FirstSkuId;
                var dice = new Random(seed);
                SeedItems(dice, now, EmulatorDefaults.DemoSellerNick, 12);
                SeedItems(dice, now, EmulatorDefaults.SecondSellerNick, 3);
            }
        }

        public JsonNode? SaveState()
        {
            lock (_lock)
            {
                var items = new JsonArray();
                foreach (var item in _items.Values) items.Add(item.ToState());
                var pictures = new JsonArray();
                foreach (var picture in _pictures.Values) pictures.Add(picture.ToState());
                return new JsonObject
                {
                    ["next_num_iid"] = _nextNumIid,
                    ["next_picture_id"] = _nextPictureId,
                    ["next_sku_id"] = _nextSkuId,
                    ["items"] = items,
                    ["pictures"] = pictures,
                };
            }
        }

        public void LoadState(JsonNode state)
        {
            lock (_lock)
            {
                _items.Clear();
                _pictures.Clear();
                _nextNumIid = (long)state["next_num_iid"]!;
                _nextPictureId = (long)state["next_picture_id"]!;
                _nextSkuId = (long?)state["next_sku_id"] ?? FirstSkuId;
                foreach (var node in state["items"]!.AsArray()) { var item = Item.FromState(node!); _items[item.NumIid] = item; }
                foreach (var node in state["pictures"]!.AsArray()) { var picture = Picture.FromState(node!); _pictures[picture.PictureId] = picture; }
            }
        }

        private ApiHandler Locked(ApiHandler handler) => call => { lock (_lock) return handler(call); };

        private static readonly string[] SeedTitles =
        {
            "纯棉短袖T恤 男 夏季宽松圆领", "修身牛仔裤 男 弹力小脚", "女士雪纺衬衫 长袖通勤", "高腰A字半身裙 中长款",
            "女款纯色T恤 百搭打底", "直筒休闲裤 男 九分", "复古牛仔裤 女 阔腿", "商务衬衫 女 免烫",
            "5G智能手机 8GB+256GB", "速干运动T恤 男", "百褶半身裙 学院风", "加绒休闲裤 男 冬季",
        };

        private void SeedItems(Random dice, DateTimeOffset now, string nick, int count)
        {
            // The seed items stay under the first, real-id leaves, as before the synthetic tree grew.
            var leaves = ItemCategories.Leaves.Where(c => !ItemCategories.IsSynthetic(c.Cid)).ToArray();
            var start = _items.Count;
            for (var i = 0; i < count; i++)
            {
                var created = WholeSeconds(now.AddDays(-dice.Next(5, 200)).AddMinutes(-dice.Next(0, 1440)));
                var onSale = i < count * 3 / 4;
                var item = new Item
                {
                    NumIid = _nextNumIid++,
                    Nick = nick,
                    Title = SeedTitles[(start + i) % SeedTitles.Length],
                    Desc = "<p>演示商品描述，由淘宝开放平台模拟器生成。</p>",
                    Cid = leaves[dice.Next(leaves.Length)].Cid,
                    Price = dice.Next(9, 300) + 0.9m,
                    Num = i == count - 1 ? 0 : dice.Next(1, 500),
                    State = "浙江",
                    City = "杭州",
                    ApproveStatus = onSale ? "onsale" : "instock",
                    OuterId = "DEMO-" + (start + i + 1).ToString("0000", CultureInfo.InvariantCulture),
                    PicUrl = "https://img.alicdn.com/imgextra/i1/" + SessionStore.UserIdOf(nick) + "/O1CN01demo" + (start + i + 1).ToString("000000", CultureInfo.InvariantCulture) + "_!!" + SessionStore.UserIdOf(nick) + ".jpg",
                    Created = created,
                    Modified = created.AddDays(dice.Next(0, 5)),
                    // The first stocked item was never listed; the others were listed once.
                    ListTime = onSale || i != count * 3 / 4 ? created.AddHours(1) : (DateTimeOffset?)null,
                };
                item.DelistTime = onSale ? WholeSeconds(now.AddDays(7 - dice.Next(0, 7))) : item.ListTime?.AddDays(3);
                _items[item.NumIid] = item;
            }
        }

        private static DateTimeOffset WholeSeconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));

        private Item OwnItem(ApiCall call)
        {
            var numIid = ItemRules.Long("num_iid", call.Required("num_iid"), 1, long.MaxValue);
            if (_items.TryGetValue(numIid, out var item) && item.Nick == call.SessionUser) return item;
            throw TopApiException.Business("isv.item-not-exist", "商品不存在或不属于当前用户: num_iid " + numIid);
        }

        private JsonObject AddItem(ApiCall call)
        {
            var category = ItemRules.LeafCategory(call.Required("cid"));
            var item = new Item
            {
                Nick = call.SessionUser!,
                Num = ItemRules.Long("num", call.Required("num"), 0, ItemRules.MaxNum),
                Price = ItemRules.Price("price", call.Required("price")),
                Type = ItemRules.OneOf("type", call.Required("type"), "fixed", "auction"),
                StuffStatus = ItemRules.OneOf("stuff_status", call.Required("stuff_status"), "new", "second", "unused"),
                Title = ItemRules.Title(call.Required("title")),
                Desc = ItemRules.Desc(call.Required("desc")),
                State = ItemRules.Province(call.Required("location.state")),
                City = ItemRules.City(call.Required("location.state"), call.Required("location.city")),
                Cid = category.Cid,
                Created = call.Now,
                Modified = call.Now,
            };
            ApplyOptionalFields(call, item);
            item.InputPids = call.Optional("input_pids");
            item.InputStr = call.Optional("input_str");
            ItemPropsRules.Properties(category, item.Props, item.InputPids, item.InputStr);
            item.PropertyAlias = call.Optional("property_alias");
            ItemPropsRules.Aliases(category, item.Props, item.PropertyAlias);
            item.Skus = ItemPropsRules.Skus(call, category, item.Num, item.Price, () => _nextSkuId++);
            if (call.Optional("postage_id") is string postage) item.PostageId = FreightTemplate(call.SessionUser!, postage).Id;
            // Nothing to sell goes to the warehouse, as on Taobao.
            if (item.Num == 0) item.ApproveStatus = "instock";
            if (item.IsOnSale && item.ListTime == null) List(item, call.Now, item.Num);
            item.NumIid = _nextNumIid++;
            _items[item.NumIid] = item;
            Publish(item, "taobao_item_ItemAdd", call.Now, c => { c["price"] = Item.Money(item.Price); c["num"] = item.Num; });
            // The platform's audit: a title with a forbidden word is taken down (小二下架) right after it is listed.
            if (ForbiddenWords.FirstOrDefault(w => item.Title.Contains(w)) is string word && item.IsOnSale)
            {
                item.ApproveStatus = "instock";
                item.DelistTime = call.Now;
                Publish(item, "taobao_item_ItemPunishDownshelf", call.Now, c => c["reason"] = "标题含违禁词“" + word + "”");
            }
            return new JsonObject { ["item"] = item.ToJson(new[] { "num_iid", "created" }) };
        }

        /// <summary>The optional fields item.add, item.update and item.price.update share.</summary>
        private void ApplyOptionalFields(ApiCall call, Item item)
        {
            if (call.Optional("outer_id") is string outerId) item.OuterId = ItemRules.MaxBytes("outer_id", outerId, ItemRules.MaxOuterIdBytes);
            if (call.Optional("props") is string props) item.Props = ItemRules.Props(props);
            if (call.Optional("seller_cids") is string sellerCids) item.SellerCids = ItemRules.SellerCids(sellerCids);
            if (call.Optional("freight_payer") is string payer) item.FreightPayer = ItemRules.OneOf("freight_payer", payer, "seller", "buyer");
            if (call.Optional("valid_thru") is string validThru) item.ValidThru = (int)ItemRules.Long("valid_thru", ItemRules.OneOf("valid_thru", validThru, "7", "14"), 7, 14);
            if (call.Optional("has_showcase") is string showcase) item.HasShowcase = ItemRules.OneOf("has_showcase", showcase, "true", "false") == "true";
            if (call.Optional("has_discount") is string discount) item.HasDiscount = ItemRules.OneOf("has_discount", discount, "true", "false") == "true";
            if (call.Optional("approve_status") is string status) item.ApproveStatus = ItemRules.OneOf("approve_status", status, "onsale", "instock");
            if (call.Optional("list_time") is string listTime)
            {
                // A future list time schedules the listing: the item waits in the warehouse until then.
                var time = ItemRules.Time("list_time", listTime);
                item.ListTime = time;
                if (time > call.Now) item.ApproveStatus = "instock";
            }
            if (call.Files.TryGetValue("image", out var image))
            {
                var info = ImageInfo.Read(image, "image", MaxItemImageBytes, "jpg", "gif", "png");
                item.PicUrl = PicturePath(call.SessionUser!, _nextPictureId++, info.Extension);
            }
            if (call.Optional("pic_path") is string picPath)
                item.PicUrl = picPath.StartsWith("https://", StringComparison.Ordinal) ? picPath : "https://img.alicdn.com/imgextra/" + picPath.TrimStart('/');
        }

        private JsonObject UpdateItem(ApiCall call)
        {
            var item = OwnItem(call);
            var updated = new Item();
            CopyInto(item, updated);
            if (call.Optional("title") is string title) updated.Title = ItemRules.Title(title);
            if (call.Optional("desc") is string desc) updated.Desc = ItemRules.Desc(desc);
            if (call.Optional("price") is string price) updated.Price = ItemRules.Price("price", price);
            if (call.Optional("num") is string num) updated.Num = ItemRules.Long("num", num, 0, ItemRules.MaxNum);
            if (call.Optional("stuff_status") is string stuff) updated.StuffStatus = ItemRules.OneOf("stuff_status", stuff, "new", "second", "unused");
            if (call.Optional("cid") is string cid) updated.Cid = ItemRules.LeafCategory(cid).Cid;
            // A price change of an item with SKUs must keep the price within theirs.
            ItemPropsRules.CheckPriceWithin(updated.Price, item.Skus);
            if (call.Optional("location.state") is string state) updated.State = ItemRules.Province(state);
            if (call.Optional("location.city") is string city) updated.City = city;
            // The place the item ends with must be a city of its province, whichever of the two changed.
            if (call.Optional("location.state") != null || call.Optional("location.city") != null) ItemRules.City(updated.State, updated.City);
            ApplyOptionalFields(call, updated);
            if (!item.IsOnSale && updated.IsOnSale) List(updated, call.Now, updated.Num);
            if (item.IsOnSale && !updated.IsOnSale) updated.DelistTime = call.Now;
            // Validate everything first, then write: a rejected update leaves the item untouched, as on TOP.
            updated.Modified = call.Now;
            var priceChanged = updated.Price != item.Price;
            CopyInto(updated, item);
            if (priceChanged) Publish(item, "taobao_item_ItemUpdate", call.Now, c => { c["changed_fields"] = "price"; c["price"] = Item.Money(item.Price); });
            return new JsonObject { ["item"] = item.ToJson(new[] { "num_iid", "modified" }) };
        }

        private static void CopyInto(Item from, Item to)
        {
            to.NumIid = from.NumIid; to.Nick = from.Nick; to.Title = from.Title; to.Desc = from.Desc; to.Type = from.Type;
            to.StuffStatus = from.StuffStatus; to.Cid = from.Cid; to.Price = from.Price; to.Num = from.Num; to.State = from.State;
            to.City = from.City; to.ApproveStatus = from.ApproveStatus; to.OuterId = from.OuterId; to.PicUrl = from.PicUrl;
            to.Props = from.Props; to.SellerCids = from.SellerCids; to.FreightPayer = from.FreightPayer; to.ValidThru = from.ValidThru;
            to.HasShowcase = from.HasShowcase; to.HasDiscount = from.HasDiscount; to.Created = from.Created; to.Modified = from.Modified;
            to.ListTime = from.ListTime; to.DelistTime = from.DelistTime; to.Images = from.Images; to.Skus = from.Skus;
            to.PropImages = from.PropImages; to.InputPids = from.InputPids; to.InputStr = from.InputStr; to.PostageId = from.PostageId;
            to.PropertyAlias = from.PropertyAlias;
        }

        /// <summary>
        /// type 1 sets the stock, type 2 adds to it (may be negative). With sku_id, or outer_id (a SKU's 商家编码), only
        /// that SKU's stock changes and the item's is their total. Stock that reaches 0 moves the item to the warehouse.
        /// </summary>
        private JsonObject UpdateQuantity(ApiCall call)
        {
            var item = OwnItem(call);
            var type = call.Optional("type") is string t ? ItemRules.OneOf("type", t, "1", "2") : "1";
            var text = call.Required("quantity");
            Sku? sku = null;
            if (ItemRules.OptionalLong(call, "sku_id", 1, long.MaxValue) is long skuId)
                sku = item.Skus.FirstOrDefault(s => s.SkuId == skuId) ?? throw TopApiException.Business("isv.sku-not-exist", "SKU不存在: sku_id " + skuId);
            else if (call.Optional("outer_id") is string outerId)
                sku = item.Skus.FirstOrDefault(s => s.OuterId == outerId) ?? throw TopApiException.Business("isv.sku-not-exist", "SKU不存在: outer_id " + outerId);
            var before = sku?.Quantity ?? item.Num;
            long num;
            if (type == "1")
            {
                num = ItemRules.Long("quantity", text, 0, ItemRules.MaxNum);
            }
            else
            {
                num = before + ItemRules.Long("quantity", text, -ItemRules.MaxNum, ItemRules.MaxNum);
                if (num < 0 || num > ItemRules.MaxNum)
                    throw TopApiException.InvalidArgument("quantity", "The stock would become " + num + "; it must stay between 0 and " + ItemRules.MaxNum + ".");
            }
            if (sku != null)
            {
                sku.Quantity = num;
                sku.Modified = call.Now;
                item.Num = item.Skus.Sum(s => s.Quantity);
            }
            else
            {
                if (item.Skus.Count > 0)
                    throw TopApiException.InvalidArgument("sku_id", "The item has SKUs: give sku_id or outer_id to change one SKU's stock.");
                item.Num = num;
            }
            item.Modified = call.Now;
            Publish(item, "taobao_item_ItemStockChanged", call.Now, c => { c["num"] = item.Num; if (sku != null) { c["sku_id"] = sku.SkuId; c["sku_num"] = sku.Quantity; } });
            if (item.Num == 0 && item.IsOnSale)
            {
                item.ApproveStatus = "instock";
                item.DelistTime = call.Now;
                Publish(item, "taobao_item_ItemZeroStock", call.Now);
            }
            return new JsonObject { ["item"] = item.ToJson(new[] { "num_iid", "num", "modified" }) };
        }

        /// <summary>One SKU's price (and stock, 商家编码), named by its properties; the item's price must stay within its SKUs' prices unless item_price moves it.</summary>
        private JsonObject UpdateSkuPrice(ApiCall call)
        {
            var item = OwnItem(call);
            var properties = call.Required("properties");
            var wanted = string.Join(";", properties.Split(';').Where(p => p.Length > 0).OrderBy(p => p, StringComparer.Ordinal));
            var sku = item.Skus.FirstOrDefault(s => string.Join(";", s.Properties.Split(';').OrderBy(p => p, StringComparer.Ordinal)) == wanted)
                ?? throw TopApiException.Business("isv.sku-not-exist", "SKU不存在: properties " + properties);
            var price = call.Optional("price") is string p ? ItemRules.Price("price", p) : sku.Price;
            var quantity = ItemRules.OptionalLong(call, "quantity", 0, ItemRules.MaxNum) ?? sku.Quantity;
            var itemPrice = call.Optional("item_price") is string ip ? ItemRules.Price("item_price", ip) : item.Price;
            var old = sku.Price;
            sku.Price = price;
            try
            {
                ItemPropsRules.CheckPriceWithin(itemPrice, item.Skus);
            }
            catch
            {
                sku.Price = old;
                throw;
            }
            sku.Quantity = quantity;
            if (call.Optional("outer_id") is string outerId) sku.OuterId = ItemRules.MaxBytes("outer_id", outerId, ItemPropsRules.MaxSkuOuterIdBytes);
            sku.Modified = call.Now;
            item.Price = itemPrice;
            item.Num = item.Skus.Sum(s => s.Quantity);
            item.Modified = call.Now;
            Publish(item, "taobao_item_ItemUpdate", call.Now, c => { c["changed_fields"] = "sku_price"; c["sku_id"] = sku.SkuId; c["price"] = Item.Money(sku.Price); });
            return new JsonObject { ["sku"] = new JsonObject { ["sku_id"] = sku.SkuId, ["num_iid"] = item.NumIid, ["modified"] = TopTime.ToText(call.Now) } };
        }

        /// <summary>One more SKU of an item; its stock adds to the item's, and item_price moves the item's price as in sku.price.update.</summary>
        private JsonObject AddSku(ApiCall call)
        {
            var item = OwnItem(call);
            var sku = ItemPropsRules.NewSku(call, ItemCategories.Find(item.Cid)!, item, () => _nextSkuId++);
            var itemPrice = call.Optional("item_price") is string ip ? ItemRules.Price("item_price", ip) : item.Price;
            ItemPropsRules.CheckPriceWithin(itemPrice, item.Skus.Append(sku).ToList());
            item.Skus.Add(sku);
            item.Price = itemPrice;
            item.Num = item.Skus.Sum(s => s.Quantity);
            item.Modified = call.Now;
            Publish(item, "taobao_item_ItemUpdate", call.Now, c => { c["changed_fields"] = "sku"; c["sku_id"] = sku.SkuId; c["num"] = item.Num; });
            return new JsonObject { ["sku"] = new JsonObject { ["sku_id"] = sku.SkuId, ["num_iid"] = item.NumIid, ["created"] = TopTime.ToText(call.Now), ["modified"] = TopTime.ToText(call.Now) } };
        }

        private JsonObject List(ApiCall call)
        {
            var item = OwnItem(call);
            var num = ItemRules.Long("num", call.Required("num"), 1, ItemRules.MaxNum);
            List(item, call.Now, num);
            item.Modified = call.Now;
            Publish(item, "taobao_item_ItemUpshelf", call.Now);
            return new JsonObject { ["item"] = item.ToJson(new[] { "num_iid", "modified" }) };
        }

        private static void List(Item item, DateTimeOffset now, long num)
        {
            item.ApproveStatus = "onsale";
            item.Num = num;
            item.ListTime = now;
            item.DelistTime = now.AddDays(item.ValidThru);
        }

        private JsonObject Delist(ApiCall call)
        {
            var item = OwnItem(call);
            item.ApproveStatus = "instock";
            item.DelistTime = call.Now;
            item.Modified = call.Now;
            Publish(item, "taobao_item_ItemDownshelf", call.Now);
            return new JsonObject { ["item"] = item.ToJson(new[] { "num_iid", "modified" }) };
        }

        private JsonObject DeleteItem(ApiCall call)
        {
            var item = OwnItem(call);
            _items.Remove(item.NumIid);
            return new JsonObject { ["item"] = item.ToJson(new[] { "num_iid", "created" }) };
        }

        private JsonObject GetItem(ApiCall call)
        {
            var fields = Fields(call);
            return new JsonObject { ["item"] = OwnItem(call).ToJson(fields, call.Simplify) };
        }

        private static string[] Fields(ApiCall call) => call.Required("fields").Split(',');

        private static readonly string[] Banners = { "never_on_shelf", "off_shelf", "regular_shelved", "for_shelved", "sold_out" };

        private JsonObject ListItems(ApiCall call, bool onSale)
        {
            var fields = Fields(call);
            var pageNo = ItemRules.OptionalLong(call, "page_no", 1, onSale ? long.MaxValue : 101) ?? 1;
            var pageSize = ItemRules.OptionalLong(call, "page_size", 1, 200) ?? 40;
            var query = call.Optional("q");
            var cid = ItemRules.OptionalLong(call, "cid", 1, long.MaxValue);
            var banner = onSale || call.Optional("banner") is not string b ? null : ItemRules.OneOf("banner", b, Banners);
            var order = Order(call.Optional("order_by"));

            var matches = _items.Values
                .Where(i => i.Nick == call.SessionUser && i.IsOnSale == onSale)
                .Where(i => query == null || i.Title.IndexOf(query, StringComparison.OrdinalIgnoreCase) >= 0)
                .Where(i => cid == null || i.Cid == cid)
                .Where(i => banner == null || InBanner(i, banner, call.Now));
            var sorted = order(matches).ThenByDescending(i => i.NumIid).ToList();
            var page = sorted.Skip((int)Math.Min(int.MaxValue, (pageNo - 1) * pageSize)).Take((int)pageSize).Select(i => (JsonNode)i.ToJson(fields, call.Simplify)).ToList();

            var answer = new JsonObject();
            // TOP leaves out an empty list altogether.
            if (page.Count > 0) answer["items"] = call.List("item", page);
            answer["total_results"] = sorted.Count;
            return answer;
        }

        private static bool InBanner(Item item, string banner, DateTimeOffset now)
        {
            switch (banner)
            {
                case "never_on_shelf": return item.ListTime == null;
                case "for_shelved": return item.ListTime > now;
                case "sold_out": return item.Num == 0;
                default: return item.ListTime != null && item.ListTime <= now;
            }
        }

        private static Func<IEnumerable<Item>, IOrderedEnumerable<Item>> Order(string? orderBy)
        {
            if (orderBy == null) return items => items.OrderByDescending(i => i.ListTime);
            var parts = orderBy.Split(':');
            var descending = parts.Length < 2 || ItemRules.OneOf("order_by", parts[1], "asc", "desc") == "desc";
            Func<Item, object?> key = ItemRules.OneOf("order_by", parts[0], "list_time", "delist_time", "num", "modified") switch
            {
                "list_time" => i => i.ListTime,
                "delist_time" => i => i.DelistTime,
                "num" => i => i.Num,
                _ => i => i.Modified,
            };
            return items => descending ? items.OrderByDescending(key) : items.OrderBy(key);
        }

        private JsonObject GetByOuterId(ApiCall call)
        {
            var outerIds = call.Required("outer_id").Split(',').Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
            if (outerIds.Count > MaxCustomOuterIds)
                throw TopApiException.InvalidArgument("outer_id", "outer_id takes at most 40 ids, got " + outerIds.Count + ".");
            var fields = Fields(call);
            var found = _items.Values
                .Where(i => i.Nick == call.SessionUser && i.OuterId != null && outerIds.Contains(i.OuterId))
                .Select(i => (JsonNode)i.ToJson(fields, call.Simplify))
                .ToList();
            var answer = new JsonObject();
            if (found.Count > 0) answer["items"] = call.List("item", found);
            return answer;
        }

        /// <summary>The seller's own items among up to 20 ids, in the order asked; unknown ids are left out.</summary>
        private JsonObject GetByNumIids(ApiCall call)
        {
            var fields = Fields(call);
            var ids = call.Required("num_iids").Split(',').Select(id => ItemRules.Long("num_iids", id.Trim(), 1, long.MaxValue)).ToList();
            if (ids.Count > MaxListNumIids)
                throw TopApiException.InvalidArgument("num_iids", "num_iids takes at most 20 ids, got " + ids.Count + ".");
            var found = ids.Distinct()
                .Select(id => _items.TryGetValue(id, out var item) && item.Nick == call.SessionUser ? item : null)
                .Where(item => item != null)
                .Select(item => (JsonNode)item!.ToJson(fields, call.Simplify))
                .ToList();
            var answer = new JsonObject();
            if (found.Count > 0) answer["items"] = call.List("item", found);
            return answer;
        }

        private JsonObject UploadPicture(ApiCall call)
        {
            var categoryId = ItemRules.Long("picture_category_id", call.Required("picture_category_id"), 0, long.MaxValue);
            var inputTitle = call.Required("image_input_title");
            if (!call.Files.TryGetValue("img", out var file)) throw TopApiException.MissingArgument("img");
            var info = ImageInfo.Read(file, "img", MaxPictureBytes, "png", "jpg", "gif");
            var title = call.Optional("title") ?? System.IO.Path.GetFileNameWithoutExtension(inputTitle);
            if (title.Length > 50) title = title.Substring(0, 50);
            var picture = new Picture
            {
                PictureId = _nextPictureId++,
                PictureCategoryId = categoryId,
                Nick = call.SessionUser!,
                Title = title,
                Sizes = file.Content.Length,
                Width = info.Width,
                Height = info.Height,
                Created = call.Now,
            };
            picture.Path = PicturePath(picture.Nick, picture.PictureId, info.Extension);
            _pictures[picture.PictureId] = picture;
            return new JsonObject { ["picture"] = picture.ToJson() };
        }

        /// <summary>The seller's pictures whose title contains <c>title</c> (all without it), newest first, a page at a time.</summary>
        private JsonObject GetPictures(ApiCall call)
        {
            var title = call.Optional("title");
            var pageNo = ItemRules.OptionalLong(call, "page_no", 1, long.MaxValue) ?? 1;
            var pageSize = ItemRules.OptionalLong(call, "page_size", 1, 100) ?? 40;
            var found = _pictures.Values
                .Where(p => p.Nick == call.SessionUser && (title == null || p.Title.IndexOf(title, StringComparison.Ordinal) >= 0))
                .OrderByDescending(p => p.PictureId).ToList();
            var page = found.Skip((int)Math.Min(int.MaxValue, (pageNo - 1) * pageSize)).Take((int)pageSize).Select(p => (JsonNode)p.ToJson()).ToList();
            var answer = new JsonObject { ["total_results"] = found.Count };
            if (page.Count > 0) answer["pictures"] = call.List("picture", page);
            return answer;
        }

        /// <summary>
        /// Adds a main image (file part <c>image</c>, jpg or png up to 3MB, at most 5 per item), or with <c>id</c> changes an
        /// existing one. <c>is_major=true</c> makes it the item's main picture.
        /// </summary>
        private JsonObject UploadItemImage(ApiCall call)
        {
            var item = OwnItem(call);
            var position = ItemRules.OptionalLong(call, "position", 0, MaxItemImages - 1);
            var isMajor = call.Optional("is_major") is string major && ItemRules.OneOf("is_major", major, "true", "false") == "true";
            var id = ItemRules.OptionalLong(call, "id", 1, long.MaxValue);
            call.Files.TryGetValue("image", out var file);
            var info = file == null ? null : ImageInfo.Read(file, "image", MaxPictureBytes, "jpg", "png");
            ItemImage image;
            if (id != null)
            {
                image = item.Images.FirstOrDefault(i => i.Id == id)
                    ?? throw TopApiException.Business("isv.item-img-not-exist", "商品图片不存在: id " + id);
            }
            else
            {
                if (file == null) throw TopApiException.MissingArgument("image");
                if (item.Images.Count >= MaxItemImages)
                    throw TopApiException.Business("isv.item-img-count-exceeded", "An item has at most 5 main images.");
                image = new ItemImage { Id = _nextPictureId++, Position = item.Images.Count, Created = call.Now };
                item.Images.Add(image);
            }
            if (info != null) image.Url = PicturePath(item.Nick, image.Id, info.Extension);
            if (position != null) image.Position = position.Value;
            if (isMajor) item.PicUrl = image.Url;
            item.Modified = call.Now;
            return new JsonObject { ["item_img"] = image.ToJson() };
        }

        /// <summary>
        /// A picture for one value of a sale property (a colour's picture, shown when a buyer picks the colour): file part
        /// <c>image</c>, jpg/png/gif up to 3MB; one per value, a second upload for the value replaces it.
        /// </summary>
        private JsonObject UploadPropertyImage(ApiCall call)
        {
            var item = OwnItem(call);
            var properties = call.Required("properties");
            var category = ItemCategories.Find(item.Cid)!;
            var pair = properties.Split(':');
            var property = pair.Length == 2 && long.TryParse(pair[0], out var pid) && long.TryParse(pair[1], out var vid)
                ? category.Properties.FirstOrDefault(p => p.Pid == pid && p.IsSale && p.ValueName(vid) != null)
                : null;
            if (property is null) throw TopApiException.InvalidArgument("properties", "properties must be one pid:vid of a sale property of the item's category, got '" + properties + "'.");
            if (!call.Files.TryGetValue("image", out var file)) throw TopApiException.MissingArgument("image");
            var info = ImageInfo.Read(file, "image", MaxPictureBytes, "jpg", "png", "gif");
            var image = item.PropImages.FirstOrDefault(i => i.Properties == properties);
            if (image is null)
            {
                image = new ItemImage { Id = _nextPictureId++, Position = item.PropImages.Count, Created = call.Now, Properties = properties };
                item.PropImages.Add(image);
            }
            image.Url = PicturePath(item.Nick, image.Id, info.Extension);
            item.Modified = call.Now;
            return new JsonObject { ["prop_img"] = image.ToJson() };
        }

        /// <summary>A picture-space URL shaped like Taobao's (<c>img.alicdn.com/imgextra/…/O1CN01…_!!&lt;uid&gt;.png</c>).</summary>
        private static string PicturePath(string nick, long pictureId, string extension)
        {
            var userId = SessionStore.UserIdOf(nick).ToString(CultureInfo.InvariantCulture);
            var token = (pictureId * 2654435761L & 0x7FFFFFFFFFFFL).ToString("x12", CultureInfo.InvariantCulture);
            return "https://img.alicdn.com/imgextra/i" + (pictureId % 4 + 1) + "/" + userId + "/O1CN01" + token + "_!!" + userId + "." + extension;
        }

        private static readonly string[] CategoryFields = { "cid", "parent_cid", "name", "is_parent", "status", "sort_order" };

        private static JsonObject GetCategories(ApiCall call)
        {
            var fields = (call.Optional("fields") ?? "cid,parent_cid,name,is_parent").Split(',').Select(f => f.Trim()).ToArray();
            IEnumerable<ItemCategory> found;
            if (call.Optional("cids") is string cidsText)
            {
                var cids = cidsText.Split(',').Select(c => ItemRules.Long("cids", c.Trim(), 0, long.MaxValue)).ToList();
                found = ItemCategories.All.Where(c => cids.Contains(c.Cid));
            }
            else if (call.Optional("parent_cid") is string parentText)
            {
                var parent = ItemRules.Long("parent_cid", parentText, 0, long.MaxValue);
                found = ItemCategories.All.Where(c => c.ParentCid == parent);
            }
            else
            {
                throw TopApiException.MissingArgument("cids");
            }
            var categories = found.OrderBy(c => c.SortOrder).Select(c => (JsonNode)CategoryJson(c, fields)).ToList();
            var answer = new JsonObject();
            if (categories.Count > 0) answer["item_cats"] = call.List("item_cat", categories);
            return answer;
        }

        /// <summary>A leaf's properties; is_sale_prop / is_key_prop / is_enum_prop / pid narrow them, as on TOP.</summary>
        private static JsonObject GetProperties(ApiCall call)
        {
            var cid = ItemRules.Long("cid", call.Required("cid"), 1, long.MaxValue);
            var category = ItemCategories.Find(cid) ?? throw TopApiException.InvalidArgument("cid", "cid " + cid + " is not a known category (see taobao.itemcats.get).");
            IEnumerable<ItemProperty> found = category.Properties;
            if (ItemRules.OptionalLong(call, "pid", 1, long.MaxValue) is long pid) found = found.Where(p => p.Pid == pid);
            if (call.Optional("is_sale_prop") is string sale) found = found.Where(p => p.IsSale == (ItemRules.OneOf("is_sale_prop", sale, "true", "false") == "true"));
            if (call.Optional("is_key_prop") is string key) found = found.Where(p => p.IsKey == (ItemRules.OneOf("is_key_prop", key, "true", "false") == "true"));
            if (call.Optional("is_enum_prop") is string enumerated) found = found.Where(p => p.IsEnum == (ItemRules.OneOf("is_enum_prop", enumerated, "true", "false") == "true"));
            var properties = found.Select(p => (JsonNode)p.ToJson(call.Simplify)).ToList();
            var answer = new JsonObject { ["last_modified"] = "2026-01-01 00:00:00" };
            if (properties.Count > 0) answer["item_props"] = call.List("item_prop", properties);
            return answer;
        }

        /// <summary>Each seller's freight templates (运费模板); the same three for everyone, with ids from the seller's user id.</summary>
        private static IEnumerable<(long Id, string Name, string Valuation)> FreightTemplates(string nick)
        {
            var user = SessionStore.UserIdOf(nick);
            yield return (user * 10 + 1, "全国包邮", "0");
            yield return (user * 10 + 2, "按件计费-江浙沪包邮", "0");
            yield return (user * 10 + 3, "按重量计费", "1");
        }

        private static (long Id, string Name, string Valuation) FreightTemplate(string nick, string text)
        {
            var id = ItemRules.Long("postage_id", text, 1, long.MaxValue);
            foreach (var template in FreightTemplates(nick)) if (template.Id == id) return template;
            throw TopApiException.Business("isv.postage-not-exist", "运费模板不存在: postage_id " + id);
        }

        private static JsonObject GetFreightTemplates(ApiCall call)
        {
            var templates = FreightTemplates(call.SessionUser!)
                .Select(t => (JsonNode)new JsonObject { ["template_id"] = t.Id, ["name"] = t.Name, ["valuation"] = t.Valuation, ["assumer"] = t.Name.Contains("包邮") ? "1" : "0", ["consign_area_id"] = 330100 })
                .ToList();
            return new JsonObject { ["delivery_templates"] = call.List("delivery_template", templates), ["total_results"] = templates.Count };
        }

        private static JsonObject CategoryJson(ItemCategory category, string[] fields)
        {
            var json = new JsonObject();
            foreach (var field in fields.Where(f => CategoryFields.Contains(f)).Distinct())
            {
                json[field] = field switch
                {
                    "cid" => category.Cid,
                    "parent_cid" => category.ParentCid,
                    "name" => category.Name,
                    "is_parent" => category.IsParent,
                    "status" => "normal",
                    _ => (JsonNode)category.SortOrder,
                };
            }
            return json;
        }
    }
}
