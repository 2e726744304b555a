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
        /// <summary>物料精选 material ids the emulator knows, each a slice of the catalog.</summary>
        private static readonly Dictionary<long, (string Name, Func<CatalogItem, bool> Filter)> RecommendMaterials = new Dictionary<long, (string, Func<CatalogItem, bool>)>
        {
            [13366] = ("高佣榜", item => item.CommissionRate >= 15),
            [3756] = ("好券直播", item => item.Coupon != null),
            [28026] = ("实时热销榜", item => item.Volume >= 5000),
            [4092] = ("天猫精选", item => item.Shop.IsTmall),
        };

        private void RegisterMaterial(ApiRegistry registry)
        {
            registry.Add("taobao.tbk.dg.material.optional.upgrade", false, false, call => Locked(call, SearchMaterial));
            registry.Add("taobao.tbk.shop.get", false, false, call => Locked(call, SearchShops));
            registry.Add("taobao.tbk.sc.material.optional.upgrade", true, false, call => Locked(call, SearchMaterial));
            registry.Add("taobao.tbk.dg.material.recommend", false, false, call => Locked(call, RecommendMaterial));
            registry.Add("taobao.tbk.sc.material.recommend", true, false, call => Locked(call, RecommendMaterial));
            registry.Add("taobao.tbk.item.info.upgrade.get", false, false, call => Locked(call, call2 => ItemDetails(call2, false)));
            registry.Add("taobao.tbk.item.details.upgrade.get", false, false, call => Locked(call, call2 => ItemDetails(call2, true)));
            registry.Add("taobao.tbk.coupon.get", false, false, call => Locked(call, CouponDetails));
            registry.Add("taobao.tbk.itemid.coupon.get", false, false, call => Locked(call, ItemCoupons));
        }

        /// <summary>店铺搜索: shops whose title, nick or items match every term, Tmall first when asked.</summary>
        private JsonObject SearchShops(ApiCall call)
        {
            call.Required("fields");
            var terms = call.Required("q").Split(new[] { ' ', '\u3000' }, StringSplitOptions.RemoveEmptyEntries);
            var pageNo = Arguments.Int(call, "page_no", 1, 1, 100);
            var pageSize = Arguments.Int(call, "page_size", 20, 1, 100);
            var isTmall = Arguments.OptionalBool(call, "is_tmall");
            var shops = _catalog.Items
                .Where(item => terms.All(term => item.Title.Contains(term) || item.Shop.Title.Contains(term) || item.Shop.Nick.Contains(term)))
                .Select(item => item.Shop)
                .Distinct()
                .Where(shop => isTmall != true || shop.IsTmall)
                .OrderBy(shop => shop.SellerId)
                .ToList();
            var page = shops.Skip((pageNo - 1) * pageSize).Take(pageSize).ToList();
            if (page.Count == 0) throw NoResult();
            return new JsonObject
            {
                ["results"] = call.List("n_tbk_shop", page.Select(shop => (JsonNode)new JsonObject
                {
                    ["user_id"] = shop.SellerId,
                    ["shop_title"] = shop.Title,
                    ["shop_type"] = shop.IsTmall ? "B" : "C",
                    ["seller_nick"] = shop.Nick,
                    ["pict_url"] = "https://img.alicdn.com/imgextra/shop/" + shop.SellerId.ToString(CultureInfo.InvariantCulture) + ".png",
                    ["shop_url"] = (shop.IsTmall ? "https://" + shop.SellerId.ToString(CultureInfo.InvariantCulture) + ".tmall.com" : "https://shop" + shop.SellerId.ToString(CultureInfo.InvariantCulture) + ".taobao.com"),
                })),
                ["total_results"] = shops.Count,
            };
        }

        private JsonObject SearchMaterial(ApiCall call)
        {
            var adzone = OwnAdzone(call);
            var options = LinkOptionsOf(call);
            var pageNo = Arguments.Int(call, "page_no", 1, 1, 100);
            var pageSize = Arguments.Int(call, "page_size", 20, 1, 100);
            var terms = (call.Optional("q") ?? "").Split(new[] { ' ', '\u3000' }, StringSplitOptions.RemoveEmptyEntries);
            var categories = new HashSet<long>(Arguments.List(call, "cat", 10, false).Select(c => long.TryParse(c, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : -1));
            if (terms.Length == 0 && categories.Count == 0) throw TopApiException.Business("30002", "参数q与cat不能都为空");
            var isTmall = Arguments.OptionalBool(call, "is_tmall");
            var hasCoupon = Arguments.OptionalBool(call, "has_coupon");
            // Prices filter the 预估到手价 (after coupons), in yuan; start_tk_rate / end_tk_rate are in 万分之 (1234 = 12.34%).
            var startPrice = Arguments.OptionalLong(call, "start_price");
            var endPrice = Arguments.OptionalLong(call, "end_price");
            var startRate = Arguments.OptionalLong(call, "start_tk_rate");
            var endRate = Arguments.OptionalLong(call, "end_tk_rate");

            IEnumerable<CatalogItem> matches = _catalog.Items.Where(item =>
                terms.All(term => item.Title.Contains(term) || item.CategoryName.Contains(term) || item.Shop.Title.Contains(term) || item.LevelOneCategoryName.Contains(term))
                && (categories.Count == 0 || categories.Contains(item.CategoryId) || categories.Contains(item.LevelOneCategoryId))
                && (isTmall != true || item.Shop.IsTmall)
                && (hasCoupon != true || item.Coupon != null)
                && (startPrice == null || item.FinalPromotionPrice >= startPrice)
                && (endPrice == null || item.FinalPromotionPrice <= endPrice)
                && (startRate == null || item.CommissionRate * 100 >= startRate)
                && (endRate == null || item.CommissionRate * 100 <= endRate));
            matches = Sort(matches, call.Optional("sort"));
            var all = matches.ToList();
            var page = all.Skip((pageNo - 1) * pageSize).Take(pageSize).ToList();
            if (page.Count == 0) throw NoResult();
            return new JsonObject
            {
                ["total_results"] = all.Count,
                ["result_list"] = call.List("map_data", page.Select(item => (JsonNode)MaterialEntry(call, item, adzone, options))),
            };
        }

        private JsonObject RecommendMaterial(ApiCall call)
        {
            var adzone = OwnAdzone(call);
            var options = LinkOptionsOf(call);
            var materialId = Arguments.RequiredLong(call, "material_id");
            var pageNo = Arguments.Int(call, "page_no", 1, 1, 100);
            var pageSize = Arguments.Int(call, "page_size", 20, 1, 100);
            if (!RecommendMaterials.TryGetValue(materialId, out var material))
                throw TopApiException.Business("isv.invalid-parameter", "物料ID不存在: " + materialId);
            var all = _catalog.Items.Where(material.Filter).OrderByDescending(item => item.Volume).ToList();
            var page = all.Skip((pageNo - 1) * pageSize).Take(pageSize).ToList();
            if (page.Count == 0) throw NoResult();
            return new JsonObject
            {
                ["result_list"] = call.List("map_data", page.Select(item => (JsonNode)MaterialEntry(call, item, adzone, options))),
                ["is_default"] = "false",
                ["total_count"] = all.Count,
            };
        }

        private JsonObject ItemDetails(ApiCall call, bool detailed)
        {
            var ids = Arguments.List(call, "item_id", 20, true);
            var results = new List<JsonNode>();
            foreach (var id in ids)
            {
                var item = _catalog.Find(id);
                if (item == null) continue;
                var basic = BasicInfo(call, item, detailed);
                basic["item_url"] = item.DetailUrl;
                var entry = new JsonObject
                {
                    ["item_id"] = item.ItemId,
                    ["input_item_iid"] = id,
                    ["item_basic_info"] = basic,
                    ["price_promotion_info"] = PriceInfo(call, item, epochMillis: false),
                    ["publish_info"] = new JsonObject { ["income_rate"] = TopFormat.Money(item.CommissionRate) },
                };
                results.Add(entry);
            }
            if (results.Count == 0) throw NoResult();
            return new JsonObject { ["results"] = call.List("tbk_item_detail", results) };
        }

        private JsonObject CouponDetails(ApiCall call)
        {
            var itemId = call.Optional("item_id");
            // The emulator's coupon links carry the activity id as it is; real "me" strings are encrypted.
            var activityId = call.Optional("activity_id") ?? call.Optional("me");
            if (activityId == null && itemId == null) throw TopApiException.Business("1002", "入参为空");
            IEnumerable<CatalogItem?> candidates = _catalog.Items;
            if (itemId != null)
            {
                var owner = _catalog.Find(itemId) ?? throw TopApiException.Business("10000", "该itemId对应的宝贝已下架或非淘客宝贝");
                candidates = new[] { owner };
            }
            var item = candidates.FirstOrDefault(i => i?.Coupon != null && (activityId == null || i.Coupon.ActivityId == activityId))
                ?? throw TopApiException.Business("10", "优惠券不存在");
            var coupon = item.Coupon!;
            return new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["coupon_start_fee"] = TopFormat.Money(coupon.StartFee),
                    ["coupon_remain_count"] = coupon.RemainCount,
                    ["coupon_total_count"] = coupon.TotalCount,
                    ["coupon_start_time"] = DateText(coupon.Start),
                    ["coupon_end_time"] = DateText(coupon.End),
                    ["coupon_amount"] = TopFormat.Money(coupon.Amount),
                    ["coupon_src_scene"] = 1,
                    ["coupon_type"] = 0,
                    ["coupon_activity_id"] = coupon.ActivityId,
                },
            };
        }

        /// <summary>根据宝贝id批量查询优惠券: the coupon items among num_iids, with 二合一 links for the pid.</summary>
        private JsonObject ItemCoupons(ApiCall call)
        {
            var pid = call.Required("pid");
            var parts = pid.Split('_');
            if (parts.Length != 4 || parts[0] != "mm" || parts[1] != TopFormat.Number(EmulatorDefaults.DemoMemberId)
                || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var adzoneId)
                || !(_state.FindAdzone(adzoneId) is Adzone adzone) || TopFormat.Number(adzone.SiteId) != parts[2])
                throw TopApiException.Business("2", "pid不正确");
            var results = new List<JsonNode>();
            foreach (var id in Arguments.List(call, "num_iids", 40, false))
            {
                var item = _catalog.Find(id);
                if (item?.Coupon == null) continue;
                results.Add(new JsonObject
                {
                    ["num_iid"] = item.ItemId,
                    ["input_num_iid"] = id,
                    ["title"] = item.Title,
                    ["pict_url"] = item.PictUrl,
                    ["small_images"] = call.List("string", new JsonNode[] { item.PictUrl }),
                    ["item_url"] = item.DetailUrl,
                    ["user_type"] = item.Shop.IsTmall ? 1 : 0,
                    ["shop_title"] = item.Shop.Title,
                    ["nick"] = item.Shop.Nick,
                    ["seller_id"] = item.Shop.SellerId,
                    ["category"] = item.LevelOneCategoryId,
                    ["volume"] = item.Volume,
                    ["zk_final_price"] = TopFormat.Money(item.ZkFinalPrice),
                    ["commission_rate"] = TopFormat.Money(item.CommissionRate),
                    ["coupon_info"] = item.Coupon.Description,
                    ["coupon_total_count"] = item.Coupon.TotalCount,
                    ["coupon_remain_count"] = item.Coupon.RemainCount,
                    ["coupon_start_time"] = DateText(item.Coupon.Start),
                    ["coupon_end_time"] = DateText(item.Coupon.End),
                    ["coupon_click_url"] = Links.CouponUrl(adzone, item, new LinkOptions()),
                });
            }
            if (results.Count == 0) throw TopApiException.Business("4", "查询不到宝贝");
            return new JsonObject { ["results"] = call.List("tbk_coupon", results) };
        }

        private static string DateText(DateTimeOffset time) => time.ToOffset(TopTime.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static IEnumerable<CatalogItem> Sort(IEnumerable<CatalogItem> items, string? sort)
        {
            // The sort keys the doc lists; the catalog has no separate 营销计划 rate or promotion totals, so those use the nearest figure.
            switch (sort)
            {
                case "total_sales_des":
                case "tk_total_sales_des": return items.OrderByDescending(i => i.Volume);
                case "total_sales_asc":
                case "tk_total_sales_asc": return items.OrderBy(i => i.Volume);
                case "tk_rate_des":
                case "tk_mkt_rate_des": return items.OrderByDescending(i => i.CommissionRate);
                case "tk_rate_asc":
                case "tk_mkt_rate_asc": return items.OrderBy(i => i.CommissionRate);
                case "tk_total_commi_des": return items.OrderByDescending(i => i.Volume * i.FinalPromotionPrice * i.CommissionRate);
                case "tk_total_commi_asc": return items.OrderBy(i => i.Volume * i.FinalPromotionPrice * i.CommissionRate);
                case "final_promotion_price_des": return items.OrderByDescending(i => i.FinalPromotionPrice);
                case "final_promotion_price_asc": return items.OrderBy(i => i.FinalPromotionPrice);
                default: return items;
            }
        }

        /// <summary>One <c>map_data</c> of the upgrade material APIs: opaque item_id plus the basic / price / publish blocks.</summary>
        private JsonObject MaterialEntry(ApiCall call, CatalogItem item, Adzone adzone, LinkOptions options)
        {
            var publish = new JsonObject
            {
                ["income_rate"] = TopFormat.Money(item.CommissionRate),
                ["commission_type"] = "COMMON",
                // Search answers protocol-relative links, as TOP does.
                ["click_url"] = Links.ClickUrl(adzone, new LinkTarget { MaterialType = 1, Id = item.ItemId }, options).Substring("https:".Length),
            };
            if (item.Coupon != null) publish["coupon_share_url"] = Links.CouponUrl(adzone, item, options).Substring("https:".Length);
            return new JsonObject
            {
                ["item_id"] = item.ItemId,
                ["item_basic_info"] = BasicInfo(call, item, false),
                ["price_promotion_info"] = PriceInfo(call, item, epochMillis: true),
                ["publish_info"] = publish,
            };
        }

        private static JsonObject BasicInfo(ApiCall call, CatalogItem item, bool detailed)
        {
            var basic = new JsonObject
            {
                ["title"] = item.Title,
                ["short_title"] = item.ShortTitle,
                ["pict_url"] = item.PictUrl,
                ["white_image"] = item.PictUrl.Replace("item_pic", "item_white_pic"),
                ["level_one_category_id"] = item.LevelOneCategoryId,
                ["level_one_category_name"] = item.LevelOneCategoryName,
                ["category_id"] = item.CategoryId,
                ["category_name"] = item.CategoryName,
                ["seller_id"] = item.Shop.SellerId,
                ["user_type"] = item.Shop.IsTmall ? 1 : 0,
                ["shop_title"] = item.Shop.Title,
                ["volume"] = item.Volume,
                ["brand_name"] = item.BrandName,
            };
            if (detailed)
            {
                basic["small_images"] = call.List("string", Enumerable.Range(2, 3).Select(n => (JsonNode)item.PictUrl.Replace("0-item_pic", n + "-item_pic")));
                basic["sub_title"] = item.BrandName + "品质保障";
            }
            return basic;
        }

        /// <summary>The search and recommend APIs give promotion times as epoch milliseconds, the detail APIs as TOP time text.</summary>
        private static JsonObject PriceInfo(ApiCall call, CatalogItem item, bool epochMillis)
        {
            string Time(DateTimeOffset time) => epochMillis ? TopFormat.Number(time.ToUnixTimeMilliseconds()) : TopTime.ToText(time);
            var price = new JsonObject
            {
                ["reserve_price"] = TopFormat.Money(item.ReservePrice),
                ["zk_final_price"] = TopFormat.Money(item.ZkFinalPrice),
                ["final_promotion_price"] = TopFormat.Money(item.FinalPromotionPrice),
            };
            if (item.Coupon != null && item.FinalPromotionPrice < item.ZkFinalPrice)
            {
                price["final_promotion_path_list"] = call.List("final_promotion_path_map_data", new JsonNode[]
                {
                    new JsonObject
                    {
                        ["promotion_title"] = "商品券",
                        ["promotion_desc"] = item.Coupon.Description,
                        ["promotion_fee"] = TopFormat.Money(item.Coupon.Amount),
                        ["promotion_start_time"] = Time(item.Coupon.Start),
                        ["promotion_end_time"] = Time(item.Coupon.End),
                        ["promotion_id"] = item.Coupon.ActivityId,
                    },
                });
            }
            return price;
        }
    }
}
