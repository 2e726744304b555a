using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using static TaobaoTop.Core.Affiliate.TbkFields;

namespace TaobaoTop.Core.Affiliate
{
    /// <summary>One page of material search: the items and the total the API reports (null when it reports none).</summary>
    public sealed class TbkItemPage
    {
        public TbkItemPage(IReadOnlyList<TbkItem> items, long? totalResults)
        {
            Items = items;
            TotalResults = totalResults;
        }

        public IReadOnlyList<TbkItem> Items { get; }

        public long? TotalResults { get; }
    }

    /// <summary>One page of publisher lookup.</summary>
    public sealed class TbkPublisherPage
    {
        public TbkPublisherPage(IReadOnlyList<TbkPublisher> publishers, long totalCount)
        {
            Publishers = publishers;
            TotalCount = totalCount;
        }

        public IReadOnlyList<TbkPublisher> Publishers { get; }

        public long TotalCount { get; }
    }

    /// <summary>A batch answer split into what succeeded and which inputs failed (each failure is reported on its own).</summary>
    public sealed class TbkBatch<T>
    {
        public TbkBatch(IReadOnlyList<T> results, IReadOnlyList<TbkBatchFailure> failures)
        {
            Results = results;
            Failures = failures;
        }

        public IReadOnlyList<T> Results { get; }

        public IReadOnlyList<TbkBatchFailure> Failures { get; }
    }

    /// <summary>Reads the affiliate APIs' answers (the body inside <c>&lt;api&gt;_response</c>) into models.</summary>
    public static class TbkAnswers
    {
        /// <summary>taobao.tbk.dg.material.optional.upgrade / dg.material.recommend.</summary>
        public static TbkItemPage MaterialPage(JsonElement body)
            => new TbkItemPage(List(body, "result_list").Select(Item).ToList(), Long(body, "total_results"));

        /// <summary>taobao.tbk.item.info.upgrade.get / item.details.upgrade.get.</summary>
        public static IReadOnlyList<TbkItem> ItemDetails(JsonElement body) => List(body, "results").Select(Item).ToList();

        /// <summary>An upgrade API's item entry: <c>item_id</c> plus <c>item_basic_info</c>, <c>price_promotion_info</c>, <c>publish_info</c>.</summary>
        public static TbkItem Item(JsonElement entry)
        {
            var basic = Child(entry, "item_basic_info");
            var price = Child(entry, "price_promotion_info");
            var publish = Child(entry, "publish_info");
            var item = new TbkItem
            {
                ItemId = Text(entry, "item_id") ?? string.Empty,
                Title = Text(basic, "title") ?? string.Empty,
                ShortTitle = Text(basic, "short_title"),
                SubTitle = Text(basic, "sub_title"),
                BrandName = Text(basic, "brand_name"),
                CategoryId = Long(basic, "category_id"),
                CategoryName = Text(basic, "category_name"),
                LevelOneCategoryId = Long(basic, "level_one_category_id"),
                LevelOneCategoryName = Text(basic, "level_one_category_name"),
                SellerId = Long(basic, "seller_id"),
                ShopTitle = Text(basic, "shop_title"),
                IsTmall = Long(basic, "user_type") == 1,
                Volume = Long(basic, "volume"),
                ReservePrice = Money(price, "reserve_price"),
                Price = Money(price, "zk_final_price"),
                FinalPrice = Money(price, "final_promotion_price") ?? Money(price, "zk_final_price"),
                CommissionRate = Money(publish, "income_rate"),
                ClickUrl = Url(publish, "click_url"),
                CouponShareUrl = Url(publish, "coupon_share_url"),
                ItemUrl = Url(basic, "item_url"),
                PictureUrl = Url(basic, "pict_url"),
                WhiteImageUrl = Url(basic, "white_image"),
                SmallImages = List(basic, "small_images").Select(image => image.ValueKind == JsonValueKind.String ? image.GetString() : null)
                    .Where(image => !string.IsNullOrEmpty(image)).Select(image => image!.StartsWith("//", StringComparison.Ordinal) ? "https:" + image : image).ToList(),
            };
            // The coupon shows up as a step of the final-price path (店铺券 / 商品券 …).
            var coupon = List(price, "final_promotion_path_list").FirstOrDefault(step => (Text(step, "promotion_title") ?? string.Empty).Contains("券"));
            if (coupon.ValueKind == JsonValueKind.Object)
            {
                item.CouponAmount = Money(coupon, "promotion_fee");
                item.CouponActivityId = Text(coupon, "promotion_id");
                item.CouponDescription = Text(coupon, "promotion_desc");
                item.CouponStartTime = Time(coupon, "promotion_start_time");
                item.CouponEndTime = Time(coupon, "promotion_end_time", endOfDay: true);
            }
            return item;
        }

        /// <summary>
        /// taobao.tbk.dg.general.link.convert: item, shop, page and material lists; an entry with its own <c>code</c>
        /// failed alone and names its input.
        /// </summary>
        public static TbkBatch<TbkLink> GeneralLinks(JsonElement body)
        {
            var data = Child(body, "data");
            var links = new List<TbkLink>();
            var failures = new List<TbkBatchFailure>();
            void Read(string list, string inputField)
            {
                foreach (var entry in List(data, list))
                {
                    var input = Text(entry, inputField) ?? string.Empty;
                    var code = Text(entry, "code");
                    var linkInfo = Child(entry, "link_info_dto");
                    if ((code != null && code != "0") || linkInfo.ValueKind != JsonValueKind.Object)
                    {
                        failures.Add(new TbkBatchFailure(input, code, Text(entry, "msg") ?? "not converted"));
                        continue;
                    }
                    links.Add(Link(input, entry, linkInfo));
                }
            }
            Read("item_url_list", "input_item_id");
            Read("material_url_list", "input_material_url");
            Read("shop_url_list", "input_shop_id");
            Read("event_url_list", "input_page_id");
            return new TbkBatch<TbkLink>(links, failures);
        }

        private static TbkLink Link(string input, JsonElement entry, JsonElement linkInfo)
        {
            var type = (TbkMaterialType)(Long(linkInfo, "material_type") ?? 0);
            var id = Text(linkInfo, "item_id") ?? Text(linkInfo, "seller_id") ?? Text(linkInfo, "page_id") ?? Text(linkInfo, "material_id");
            var coupon = Child(entry, "coupon_info_dto");
            var link = new TbkLink
            {
                Input = input,
                MaterialType = type,
                LongUrl = Url(linkInfo, "cps_long_url"),
                ShortUrl = Url(linkInfo, "cps_short_url"),
                Password = Text(linkInfo, "cps_short_tpwd"),
                ShareText = Text(linkInfo, "cps_full_tpwd"),
                CouponLongUrl = Url(linkInfo, "coupon_long_url"),
                CouponShortUrl = Url(linkInfo, "coupon_short_url"),
                CouponPassword = Text(linkInfo, "coupon_short_tpwd"),
                CouponAmount = Money(coupon, "coupon_amount"),
                CouponActivityId = Text(coupon, "activity_id"),
                CommissionRate = Money(Child(entry, "promotion_info_dto"), "commission_rate"),
                OriginPid = Text(linkInfo, "origin_pid"),
            };
            switch (type)
            {
                case TbkMaterialType.Item: link.ItemId = id; break;
                case TbkMaterialType.Shop: link.SellerId = id; break;
                case TbkMaterialType.Page: link.PageId = id; break;
            }
            return link;
        }

        /// <summary>taobao.tbk.tpwd.create / private.tpwd.create: <c>data.password_simple</c> and <c>data.model</c>.</summary>
        public static TbkPassword Password(JsonElement body, string url, string? text, bool isPrivate)
        {
            var data = Child(body, "data");
            var simple = Text(data, "password_simple") ?? Text(data, "model")
                ?? throw new FormatException("The answer has no data.password_simple or data.model.");
            var model = Text(data, "model");
            return new TbkPassword
            {
                Password = simple,
                // model is the full share text where the API gives one; otherwise compose what Taobao's share sheet shows.
                ShareText = model != null && model.Length > simple.Length ? model : ShareText(simple, text),
                Url = url,
                ItemId = TbkItemReference.ItemIdInUrl(url),
                Text = text,
                IsPrivate = isPrivate,
            };
        }

        private static string ShareText(string password, string? text)
            => (string.IsNullOrWhiteSpace(text) ? string.Empty : "【" + text!.Trim() + "】") + password + " 复制这条信息，打开手机淘宝即可查看";

        /// <summary>taobao.tbk.tpwd.parse: <c>data.origin_url</c>.</summary>
        public static TbkResolvedPassword ParsedPassword(JsonElement body, string input, string password)
        {
            var url = Url(Child(body, "data"), "origin_url");
            return new TbkResolvedPassword { Input = input, Password = password, Url = url, ItemId = TbkItemReference.ItemIdInUrl(url) };
        }

        /// <summary>taobao.tbk.tpwd.convert: the item / seller and the caller's <c>click_url</c>.</summary>
        public static TbkResolvedPassword ConvertedPassword(JsonElement body, string input, string password)
        {
            var data = Child(body, "data");
            var url = Url(data, "origin_url");
            return new TbkResolvedPassword
            {
                Input = input,
                Password = password,
                Url = url,
                ItemId = Text(data, "num_iid") ?? TbkItemReference.ItemIdInUrl(url),
                SellerId = Text(data, "seller_id"),
                ClickUrl = Url(data, "click_url"),
                OriginPid = Text(data, "origin_pid") is string pid && pid != "0" ? pid : null,
                NewPassword = Text(data, "model"),
                ShortUrl = Url(data, "short_url"),
            };
        }

        /// <summary>taobao.tbk.coupon.get: <c>data</c>.</summary>
        public static TbkCoupon Coupon(JsonElement body, string? itemId)
        {
            var data = Child(body, "data");
            return new TbkCoupon
            {
                ActivityId = Text(data, "coupon_activity_id") ?? string.Empty,
                ItemId = itemId,
                Amount = Money(data, "coupon_amount"),
                StartFee = Money(data, "coupon_start_fee"),
                RemainCount = Long(data, "coupon_remain_count"),
                TotalCount = Long(data, "coupon_total_count"),
                StartTime = Time(data, "coupon_start_time"),
                EndTime = Time(data, "coupon_end_time", endOfDay: true),
            };
        }

        /// <summary>taobao.tbk.spread.get: results in request order, each with <c>content</c> and <c>err_msg</c>.</summary>
        public static TbkBatch<TbkShortLink> ShortLinks(JsonElement body, IReadOnlyList<string> urls)
        {
            var links = new List<TbkShortLink>();
            var failures = new List<TbkBatchFailure>();
            var index = 0;
            foreach (var entry in List(body, "results"))
            {
                if (index >= urls.Count) break;
                var url = urls[index++];
                var content = Text(entry, "content");
                var message = Text(entry, "err_msg");
                if (content != null && (message == null || message == "OK")) links.Add(new TbkShortLink(url, content));
                else failures.Add(new TbkBatchFailure(url, null, message ?? "not shortened"));
            }
            for (; index < urls.Count; index++) failures.Add(new TbkBatchFailure(urls[index], null, "no answer for this URL"));
            return new TbkBatch<TbkShortLink>(links, failures);
        }

        /// <summary>taobao.tbk.shop.convert: <c>results.n_tbk_shop[]{user_id, click_url}</c>; sellers left out failed.</summary>
        public static TbkBatch<TbkShopLink> ShopLinks(JsonElement body, IReadOnlyList<long> sellerIds)
        {
            var found = new Dictionary<long, TbkShopLink>();
            foreach (var entry in List(body, "results"))
            {
                if (Long(entry, "user_id") is long sellerId && Url(entry, "click_url") is string url) found[sellerId] = new TbkShopLink(sellerId, url);
            }
            return Matched(sellerIds, found, id => id.ToString(System.Globalization.CultureInfo.InvariantCulture), "no promotable shop with this seller id");
        }

        /// <summary>taobao.tbk.itemid.ineffective.transform: ids left out have no new id.</summary>
        public static TbkBatch<TbkItemIdMap> ItemIdMaps(JsonElement body, IReadOnlyList<string> originalIds)
        {
            var found = new Dictionary<string, TbkItemIdMap>(StringComparer.Ordinal);
            foreach (var entry in List(body, "results"))
            {
                if (Text(entry, "original_item_id") is string original && Text(entry, "item_id") is string itemId) found[original] = new TbkItemIdMap(original, itemId);
            }
            return Matched(originalIds, found, id => id, "no current item for this id (removed, or not promotable)");
        }

        private static TbkBatch<T> Matched<TKey, T>(IReadOnlyList<TKey> keys, Dictionary<TKey, T> found, Func<TKey, string> describe, string missing)
        {
            var results = new List<T>();
            var failures = new List<TbkBatchFailure>();
            foreach (var key in keys)
            {
                if (found.TryGetValue(key, out var result)) results.Add(result);
                else failures.Add(new TbkBatchFailure(describe(key), null, missing));
            }
            return new TbkBatch<T>(results, failures);
        }

        /// <summary>taobao.tbk.adzone.create: <c>data.model</c> is the new PID.</summary>
        public static TbkAdzone Adzone(JsonElement body, string name)
        {
            var model = Text(Child(body, "data"), "model") ?? throw new FormatException("The answer has no data.model (the new PID).");
            return new TbkAdzone(TbkPid.Parse(model), name);
        }

        /// <summary>taobao.tbk.sc.invitecode.get: <c>data.inviter_code</c>.</summary>
        public static TbkInviteCode InviteCode(JsonElement body, TbkInviteKind kind, string relationApp, long? relationId)
        {
            var code = Text(Child(body, "data"), "inviter_code") ?? throw new FormatException("The answer has no data.inviter_code.");
            return new TbkInviteCode(code, kind, relationApp, relationId);
        }

        /// <summary>taobao.tbk.sc.publisher.info.save: <c>data{relation_id | special_id, account_name, desc}</c>.</summary>
        public static TbkPublisher SavedPublisher(JsonElement body, TbkPublisherType kind, string? relationApp)
        {
            var data = Child(body, "data");
            return new TbkPublisher
            {
                Type = kind,
                RelationId = Long(data, "relation_id"),
                SpecialId = Long(data, "special_id"),
                AccountName = Text(data, "account_name"),
                RelationApp = relationApp,
                Description = Text(data, "desc"),
            };
        }

        /// <summary>taobao.tbk.sc.publisher.info.get: <c>data{total_count, inviter_list[]}</c>.</summary>
        public static TbkPublisherPage PublisherPage(JsonElement body, TbkPublisherType kind)
        {
            var data = Child(body, "data");
            var publishers = List(data, "inviter_list").Select(entry => new TbkPublisher
            {
                Type = kind,
                RelationId = Long(entry, "relation_id"),
                SpecialId = Long(entry, "special_id"),
                AccountName = Text(entry, "account_name"),
                RealName = Text(entry, "real_name"),
                RelationApp = Text(entry, "relation_app"),
                CreateDate = Time(entry, "create_date"),
                OnlineScene = Text(entry, "online_scene"),
                OfflineScene = Text(entry, "offline_scene"),
                Note = Text(entry, "note"),
                ExternalId = Text(entry, "external_id"),
                RootPid = Text(entry, "root_pid"),
                PunishStatus = Text(entry, "punish_status"),
            }).ToList();
            return new TbkPublisherPage(publishers, Long(data, "total_count") ?? publishers.Count);
        }
    }
}
