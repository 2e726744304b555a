using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Affiliate
{
    public sealed partial class AffiliateModule
    {
        private void RegisterPasswords(ApiRegistry registry)
        {
            registry.Add("taobao.tbk.tpwd.create", false, true, call => Locked(call, CreatePassword));
            registry.Add("taobao.tbk.private.tpwd.create", false, true, call => Locked(call, CreatePassword));
            registry.Add("taobao.tbk.sc.private.tpwd.create", true, true, call => Locked(call, CreatePassword));
            registry.Add("taobao.tbk.tpwd.parse", false, false, call => Locked(call, ParsePassword));
            registry.Add("taobao.tbk.tpwd.convert", false, true, call => Locked(call, ConvertPassword));
            registry.Add("taobao.tbk.sc.tpwd.convert", true, true, call => Locked(call, ConvertPassword));
        }

        private void RegisterLinks(ApiRegistry registry)
        {
            registry.Add("taobao.tbk.dg.general.link.convert", false, true, call => Locked(call, GeneralConvert));
            registry.Add("taobao.tbk.sc.general.link.convert", true, true, call => Locked(call, GeneralConvert));
            registry.Add("taobao.tbk.dg.general.link.parse", false, true, call => Locked(call, GeneralParse));
            registry.Add("taobao.tbk.sc.general.link.parse", true, true, call => Locked(call, GeneralParse));
            registry.Add("taobao.tbk.item.convert", false, true, call => Locked(call, ItemConvert));
            registry.Add("taobao.tbk.shop.convert", false, true, call => Locked(call, ShopConvert));
            registry.Add("taobao.tbk.sc.shop.convert", true, true, call => Locked(call, ShopConvert));
            registry.Add("taobao.tbk.spread.get", false, true, call => Locked(call, Spread));
            registry.Add("taobao.tbk.itemid.ineffective.transform", false, false, call => Locked(call, TransformItemIds));
        }

        private JsonObject Locked(ApiCall call, Func<ApiCall, JsonObject> handler)
        {
            lock (_lock) return handler(call);
        }

        private JsonObject CreatePassword(ApiCall call)
        {
            var url = call.Required("url");
            // TOP only turns https affiliate links (s.click / 二合一 uland) into 淘口令; text/logo/ext are ignored.
            if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                throw TopApiException.Business("20000", "口令跳转url不支持口令转换");
            if (!Links.IsPromotionUrl(url))
                throw TopApiException.Business("26", "链接不属于联盟官方业务场景");
            var password = Links.Share(_state, url, "复制此条消息，打开手机淘宝查看", call.Now);
            return new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["password_simple"] = password.Short,
                    ["model"] = password.Long,
                },
            };
        }

        private JsonObject ParsePassword(ApiCall call)
        {
            var password = FindPassword(call.Required("password_content"), unknownCode: "6", unknownMessage: "当前淘口令无效，无法解析");
            return new JsonObject { ["data"] = new JsonObject { ["origin_url"] = password.Url } };
        }

        private JsonObject ConvertPassword(ApiCall call)
        {
            var adzone = OwnAdzone(call);
            var password = FindPassword(call.Required("password_content"), unknownCode: "20008", unknownMessage: "淘口令解析结果无效，当前淘口令无效");
            var origin = Links.Expand(_state, password.Url);
            var target = Links.Classify(origin) ?? throw TopApiException.Business("20015", "淘口令转链结果为空");
            var options = LinkOptionsOf(call);
            // origin_pid is "0" when the link was made for another promoter.
            var originPid = Links.PidOf(origin);
            var data = new JsonObject
            {
                ["origin_url"] = password.Url,
                ["origin_pid"] = originPid != null && originPid.StartsWith("mm_" + EmulatorDefaults.DemoMemberId + "_", StringComparison.Ordinal) ? originPid : "0",
                ["biz_scene_id"] = call.Optional("biz_scene_id") ?? "1",
            };
            var title = "官方活动";
            if (target.MaterialType == 1)
            {
                var item = _catalog.Find(target.Id) ?? throw TopApiException.Business("10000", "该item_id对应宝贝已下架或非淘客宝贝");
                target.Id = item.ItemId;
                title = item.Title;
                data["num_iid"] = item.ItemId;
                data["seller_id"] = TopFormat.Number(item.Shop.SellerId);
            }
            else if (target.MaterialType == 2)
            {
                title = ShopName(target.Id);
                data["seller_id"] = target.Id;
            }
            var clickUrl = Links.ClickUrl(adzone, target, options);
            var shared = Links.Share(_state, clickUrl, title, call.Now);
            data["click_url"] = clickUrl;
            data["model"] = shared.Short;
            data["password"] = shared.Long;
            data["url_type"] = TopFormat.Number(target.MaterialType);
            data["short_url"] = Links.Shorten(_state, clickUrl);
            return new JsonObject { ["data"] = data };
        }

        private JsonObject GeneralConvert(ApiCall call)
        {
            var adzone = OwnAdzone(call);
            var options = LinkOptionsOf(call);
            var materials = Arguments.List(call, "material_list", 20, false).Concat(DtoValues(call, "material_dto", "material_url")).ToList();
            var itemIds = Arguments.List(call, "item_id_list", 20, false).Concat(DtoValues(call, "item_dto", "item_id")).ToList();
            var sellerIds = Arguments.List(call, "seller_id_list", 20, false).Concat(DtoValues(call, "shop_dto", "shop_id")).ToList();
            var pageIds = Arguments.List(call, "page_id_list", 20, false).Concat(DtoValues(call, "page_dto", "page_id")).ToList();
            if (materials.Count + itemIds.Count + sellerIds.Count + pageIds.Count == 0)
                throw TopApiException.MissingArgument("material_list");

            var data = new JsonObject();
            if (materials.Count > 0)
                data["material_url_list"] = call.List("material_url_list", materials.Select(m => (JsonNode)ConvertMaterial(m, adzone, options, call.Now)));
            if (itemIds.Count > 0)
                data["item_url_list"] = call.List("item_url_list", itemIds.Select(id => (JsonNode)ConvertItem(id, adzone, options, call.Now)));
            if (sellerIds.Count > 0)
            {
                data["shop_url_list"] = call.List("shop_url_list", sellerIds.Select(id => (JsonNode)new JsonObject
                {
                    ["input_shop_id"] = id,
                    ["link_info_dto"] = TargetLinks(new LinkTarget { MaterialType = 2, Id = id }, ShopName(id), adzone, options, call.Now, "seller_id"),
                }));
            }
            if (pageIds.Count > 0)
            {
                data["event_url_list"] = call.List("event_url_list", pageIds.Select(id => (JsonNode)new JsonObject
                {
                    ["input_page_id"] = id,
                    ["link_info_dto"] = TargetLinks(new LinkTarget { MaterialType = 3, Id = id }, "官方活动", adzone, options, call.Now, "page_id"),
                }));
            }
            return new JsonObject { ["data"] = data };
        }

        /// <summary>万能解析: reads links and 淘口令 (the emulator's own) and answers them converted for the caller's adzone.</summary>
        private JsonObject GeneralParse(ApiCall call)
        {
            var adzone = OwnAdzone(call);
            var options = LinkOptionsOf(call);
            var materials = DtoValues(call, "material_dto", "material_url").ToList();
            if (materials.Count == 0) throw TopApiException.MissingArgument("material_dto");
            if (materials.Count > 20) throw TopApiException.InvalidArgument("material_dto", "material_dto最多20个");
            var entries = materials.Select(m => (JsonNode)ConvertMaterial(m, adzone, options, call.Now));
            return new JsonObject { ["data"] = new JsonObject { ["material_url_list"] = call.List("material_url_list", entries) } };
        }

        /// <summary>A material that cannot be converted fails alone, with code and msg on its entry, as 万能转链 answers.</summary>
        private JsonObject ConvertMaterial(string material, Adzone adzone, LinkOptions options, DateTimeOffset now)
        {
            string? passwordUrl = null;
            var url = material;
            if (!Links.IsTaobaoUrl(material))
            {
                var password = Links.FindPassword(_state, material);
                if (password == null) return FailedEntry("input_material_url", material, 20010, "淘口令解析失败");
                passwordUrl = password.Url;
                url = password.Url;
            }
            var origin = Links.Expand(_state, url);
            var target = Links.Classify(origin);
            if (target == null) return FailedEntry("input_material_url", material, 20015, "淘口令转链结果为空");
            var entry = new JsonObject { ["input_material_url"] = material };
            if (target.MaterialType == 1)
            {
                var item = _catalog.Find(target.Id);
                if (item == null) return FailedEntry("input_material_url", material, 10000, ItemGoneMessage);
                AddItemLinks(entry, item, adzone, options, now, "material_id");
            }
            else
            {
                var title = target.MaterialType == 2 ? ShopName(target.Id) : "官方活动";
                entry["link_info_dto"] = TargetLinks(target, title, adzone, options, now, "material_id");
            }
            var linkInfo = (JsonObject)entry["link_info_dto"]!;
            if (Links.PidOf(origin) is string originPid) linkInfo["origin_pid"] = originPid;
            if (passwordUrl != null)
            {
                linkInfo["tpwd_origin_url"] = passwordUrl;
                linkInfo["tk_biz_type"] = 1;
            }
            return entry;
        }

        private JsonObject ConvertItem(string id, Adzone adzone, LinkOptions options, DateTimeOffset now)
        {
            var item = _catalog.Find(id);
            if (item == null) return FailedEntry("input_item_id", id, 10000, ItemGoneMessage);
            var entry = new JsonObject { ["input_item_id"] = id };
            AddItemLinks(entry, item, adzone, options, now, "item_id");
            return entry;
        }

        private static JsonObject FailedEntry(string inputField, string input, int code, string message)
            => new JsonObject { [inputField] = input, ["code"] = code, ["msg"] = message };

        /// <summary>The <paramref name="field"/> of each object in a JSON-list parameter such as <c>item_dto=[{"item_id":"…"}]</c>.</summary>
        private static IEnumerable<string> DtoValues(ApiCall call, string parameter, string field)
        {
            var text = call.Optional(parameter);
            if (text == null) return Enumerable.Empty<string>();
            JsonArray list;
            try
            {
                list = JsonNode.Parse(text) as JsonArray ?? throw TopApiException.InvalidArgument(parameter, parameter + "必须是JSON数组");
            }
            catch (System.Text.Json.JsonException)
            {
                throw TopApiException.InvalidArgument(parameter, parameter + "不是合法的JSON");
            }
            return list.OfType<JsonObject>().Select(o => o[field]?.ToString()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        }

        /// <summary>One item's entry of 万能转链: CPS links, 二合一 coupon links when it has a coupon, the coupon and the commission rate.</summary>
        private void AddItemLinks(JsonObject entry, CatalogItem item, Adzone adzone, LinkOptions options, DateTimeOffset now, string idField)
        {
            var target = new LinkTarget { MaterialType = 1, Id = item.ItemId };
            var linkInfo = TargetLinks(target, item.Title, adzone, options, now, idField);
            entry["link_info_dto"] = linkInfo;
            if (item.Coupon != null)
            {
                var couponUrl = Links.CouponUrl(adzone, item, options);
                var couponPassword = Links.Share(_state, couponUrl, item.Title, now);
                linkInfo["coupon_long_url"] = couponUrl;
                linkInfo["coupon_short_url"] = Links.Shorten(_state, couponUrl);
                linkInfo["coupon_short_tpwd"] = couponPassword.Short;
                linkInfo["coupon_full_tpwd"] = couponPassword.Long;
                entry["coupon_info_dto"] = new JsonObject
                {
                    ["activity_id"] = item.Coupon.ActivityId,
                    ["coupon_amount"] = TopFormat.Money(item.Coupon.Amount),
                    ["coupon_desc"] = item.Coupon.Description,
                    ["coupon_start_time"] = TopTime.ToText(item.Coupon.Start),
                    ["coupon_end_time"] = TopTime.ToText(item.Coupon.End),
                    ["coupon_remain_count"] = item.Coupon.RemainCount,
                    ["coupon_type"] = 0,
                };
            }
            entry["promotion_info_dto"] = new JsonObject { ["commission_rate"] = TopFormat.Money(item.CommissionRate), ["commission_type"] = "COMMON" };
        }

        private JsonObject TargetLinks(LinkTarget target, string title, Adzone adzone, LinkOptions options, DateTimeOffset now, string idField)
        {
            var longUrl = Links.ClickUrl(adzone, target, options);
            var password = Links.Share(_state, longUrl, title, now);
            return new JsonObject
            {
                ["material_type"] = target.MaterialType,
                [idField] = target.Id,
                ["cps_long_url"] = longUrl,
                ["cps_short_url"] = Links.Shorten(_state, longUrl),
                ["cps_short_tpwd"] = password.Short,
                ["cps_full_tpwd"] = password.Long,
            };
        }

        private JsonObject ItemConvert(ApiCall call)
        {
            var adzone = OwnAdzone(call, legacyErrors: true);
            var options = new LinkOptions { Unid = Unid(call) };
            var ids = Arguments.List(call, "num_iids", 40, true);
            var results = new List<JsonNode>();
            foreach (var id in ids)
            {
                var item = _catalog.Find(id);
                if (item == null) continue;
                results.Add(new JsonObject
                {
                    ["num_iid"] = item.ItemId,
                    ["input_num_iid"] = id,
                    ["click_url"] = Links.ClickUrl(adzone, new LinkTarget { MaterialType = 1, Id = item.ItemId }, options),
                });
            }
            return new JsonObject { ["results"] = call.List("n_tbk_item", results) };
        }

        private JsonObject ShopConvert(ApiCall call)
        {
            var adzone = OwnAdzone(call, legacyErrors: true);
            var options = new LinkOptions { Unid = Unid(call) };
            var results = new List<JsonNode>();
            foreach (var id in Arguments.List(call, "user_ids", 40, true))
            {
                if (!long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var sellerId) || _catalog.FindShop(sellerId) == null) continue;
                results.Add(new JsonObject
                {
                    ["user_id"] = sellerId,
                    ["click_url"] = Links.ClickUrl(adzone, new LinkTarget { MaterialType = 2, Id = id }, options),
                });
            }
            return new JsonObject { ["results"] = call.List("n_tbk_shop", results) };
        }

        private JsonObject Spread(ApiCall call)
        {
            var text = call.Required("requests");
            JsonArray requests;
            try
            {
                requests = JsonNode.Parse(text) as JsonArray ?? throw TopApiException.InvalidArgument("requests", "requests必须是JSON数组");
            }
            catch (System.Text.Json.JsonException)
            {
                throw TopApiException.InvalidArgument("requests", "requests不是合法的JSON");
            }
            if (requests.Count > 20) throw TopApiException.InvalidArgument("requests", "requests最多20个");
            var results = new List<JsonNode>();
            foreach (var request in requests)
            {
                var url = request is JsonObject o ? o["url"]?.ToString() : null;
                results.Add(url != null && Links.IsTaobaoUrl(url)
                    ? new JsonObject { ["content"] = Links.Shorten(_state, url), ["err_msg"] = "OK" }
                    : new JsonObject { ["content"] = "", ["err_msg"] = "url非法或不是淘宝链接" });
            }
            return new JsonObject { ["results"] = call.List("tbk_spread", results), ["total_results"] = results.Count };
        }

        private JsonObject TransformItemIds(ApiCall call)
        {
            var results = new List<JsonNode>();
            foreach (var id in Arguments.List(call, "item_ids", 40, true))
            {
                var item = _catalog.Find(id);
                if (item != null) results.Add(new JsonObject { ["original_item_id"] = id, ["item_id"] = item.ItemId });
            }
            return new JsonObject { ["results"] = call.List("item_id_transform_d_t_o", results) };
        }

        /// <summary>The emulator's 淘口令 in the text: 20010 when the text holds none, the API's own code when it is not one the emulator issued.</summary>
        private StoredPassword FindPassword(string content, string unknownCode, string unknownMessage)
        {
            if (!Links.ContainsPassword(content)) throw TopApiException.Business("20010", "淘口令解析失败");
            return Links.FindPassword(_state, content) ?? throw TopApiException.Business(unknownCode, unknownMessage);
        }

        /// <summary>relation_id / special_id / external_id, checked against the registered publishers as TOP does.</summary>
        private LinkOptions LinkOptionsOf(ApiCall call)
        {
            var relationId = Arguments.OptionalLong(call, "relation_id");
            var specialId = Arguments.OptionalLong(call, "special_id");
            if (relationId != null && _state.FindPublisher(PublisherKind.Relation, relationId.Value) == null)
                throw TopApiException.Business("isv.invalid-parameter", "渠道关系ID不存在或未备案: " + relationId);
            Publisher? member = null;
            if (specialId != null)
                member = _state.FindPublisher(PublisherKind.Special, specialId.Value) ?? throw TopApiException.Business("isv.invalid-parameter", "会员运营ID不存在或未备案: " + specialId);
            var externalId = call.Optional("external_id");
            if (member != null && externalId != null) member.ExternalId = externalId;
            var bizSceneId = Arguments.OptionalLong(call, "biz_scene_id");
            if (bizSceneId != null && (bizSceneId < 1 || bizSceneId > 3)) throw TopApiException.InvalidArgument("biz_scene_id", "biz_scene_id取值为1、2或3");
            var promotionType = Arguments.OptionalLong(call, "promotion_type");
            if (promotionType != null && promotionType != 1 && promotionType != 2) throw TopApiException.InvalidArgument("promotion_type", "promotion_type取值为1或2");
            return new LinkOptions
            {
                BizSceneId = (int?)bizSceneId,
                PromotionType = (int?)promotionType,
                RelationId = relationId?.ToString(CultureInfo.InvariantCulture),
                SpecialId = specialId?.ToString(CultureInfo.InvariantCulture),
                ExternalId = externalId,
            };
        }

        private string ShopName(string sellerId)
            => long.TryParse(sellerId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && _catalog.FindShop(id) is CatalogShop shop ? shop.Title : "店铺";

        /// <summary>unid: letters and digits, at most 12, to tell the promoter's own channels apart.</summary>
        private static string? Unid(ApiCall call)
        {
            var unid = call.Optional("unid");
            if (unid != null && (unid.Length > 12 || !unid.All(Base62.IsAlphanumeric)))
                throw TopApiException.Business("isv.invalid-parameter:unid", "unid不正确");
            return unid;
        }

        private const string ItemGoneMessage = "该item_id对应宝贝已下架或非淘客宝贝";
    }
}
