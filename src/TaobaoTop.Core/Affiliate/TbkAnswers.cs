using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Resources;

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
        /// <summary>TOP's 无结果 (sub code 50001): nothing matched, an empty answer rather than a failure.</summary>
        public static bool IsNoResult(Errors.TopApiException error) => error.SubCode == "50001";

        /// <summary>taobao.tbk.dg.material.optional.upgrade / dg.material.recommend.</summary>
        public static TbkItemPage MaterialPage(JsonElement body)
            => new TbkItemPage(body.List("result_list").Select(Item).ToList(), body.Long("total_results"));

        /// <summary>taobao.tbk.item.info.upgrade.get / item.details.upgrade.get.</summary>
        public static IReadOnlyList<TbkItem> ItemDetails(JsonElement body) => body.List("results").Select(Item).ToList();

        /// <summary>An upgrade API's item entry: <c>item_id</c> plus <c>item_basic_info</c>, <c>price_promotion_info</c>, <c>publish_info</c>.</summary>
        public static TbkItem Item(JsonElement entry)
        {
            var basic = entry.Child("item_basic_info");
            var price = entry.Child("price_promotion_info");
            var publish = entry.Child("publish_info");
            var item = new TbkItem
            {
                ItemId = entry.Text("item_id") ?? string.Empty,
                Title = basic.Text("title") ?? string.Empty,
                ShortTitle = basic.Text("short_title"),
                SubTitle = basic.Text("sub_title"),
                BrandName = basic.Text("brand_name"),
                CategoryId = basic.Long("category_id"),
                CategoryName = basic.Text("category_name"),
                LevelOneCategoryId = basic.Long("level_one_category_id"),
                LevelOneCategoryName = basic.Text("level_one_category_name"),
                SellerId = basic.Long("seller_id"),
                ShopTitle = basic.Text("shop_title"),
                IsTmall = basic.Long("user_type") == 1,
                Volume = basic.Long("volume"),
                ReservePrice = price.Money("reserve_price"),
                Price = price.Money("zk_final_price"),
                FinalPrice = price.Money("final_promotion_price") ?? price.Money("zk_final_price"),
                CommissionRate = publish.Money("income_rate"),
                ClickUrl = publish.Url("click_url"),
                CouponShareUrl = publish.Url("coupon_share_url"),
                ItemUrl = basic.Url("item_url"),
                PictureUrl = basic.Url("pict_url"),
                WhiteImageUrl = basic.Url("white_image"),
                SmallImages = basic.List("small_images").Select(image => image.ValueKind == JsonValueKind.String ? image.GetString() : null)
                    .Where(image => !string.IsNullOrEmpty(image)).Select(image => image!.StartsWith("//", StringComparison.Ordinal) ? "https:" + image : image).ToList(),
            };
            // The coupon shows up as a step of the final-price path (店铺券 / 商品券 …).
            var coupon = price.List("final_promotion_path_list").FirstOrDefault(step => (step.Text("promotion_title") ?? string.Empty).Contains("券"));
            if (coupon.ValueKind == JsonValueKind.Object)
            {
                item.CouponAmount = coupon.Money("promotion_fee");
                item.CouponActivityId = coupon.Text("promotion_id");
                item.CouponDescription = coupon.Text("promotion_desc");
                item.CouponStartTime = coupon.Time("promotion_start_time");
                item.CouponEndTime = coupon.Time("promotion_end_time", endOfDay: true);
            }
            return item;
        }

        /// <summary>
        /// taobao.tbk.dg.general.link.convert: item, shop, page and material lists; an entry with its own <c>code</c>
        /// failed alone and names its input.
        /// </summary>
        public static TbkBatch<TbkLink> GeneralLinks(JsonElement body)
        {
            var data = body.Child("data");
            var links = new List<TbkLink>();
            var failures = new List<TbkBatchFailure>();
            void Read(string list, string inputField)
            {
                foreach (var entry in data.List(list))
                {
                    var input = entry.Text(inputField) ?? string.Empty;
                    var code = entry.Text("code");
                    var linkInfo = entry.Child("link_info_dto");
                    if ((code != null && code != "0") || linkInfo.ValueKind != JsonValueKind.Object)
                    {
                        failures.Add(new TbkBatchFailure(input, code, entry.Text("msg") ?? CoreText.Get("TbkNotConverted")));
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
            var type = (TbkMaterialType)(linkInfo.Long("material_type") ?? 0);
            var id = linkInfo.Text("item_id") ?? linkInfo.Text("seller_id") ?? linkInfo.Text("page_id") ?? linkInfo.Text("material_id");
            var coupon = entry.Child("coupon_info_dto");
            var link = new TbkLink
            {
                Input = input,
                MaterialType = type,
                LongUrl = linkInfo.Url("cps_long_url"),
                ShortUrl = linkInfo.Url("cps_short_url"),
                Password = linkInfo.Text("cps_short_tpwd"),
                ShareText = linkInfo.Text("cps_full_tpwd"),
                CouponLongUrl = linkInfo.Url("coupon_long_url"),
                CouponShortUrl = linkInfo.Url("coupon_short_url"),
                CouponPassword = linkInfo.Text("coupon_short_tpwd"),
                CouponAmount = coupon.Money("coupon_amount"),
                CouponActivityId = coupon.Text("activity_id"),
                CommissionRate = entry.Child("promotion_info_dto").Money("commission_rate"),
                OriginPid = linkInfo.Text("origin_pid"),
                OriginUrl = linkInfo.Url("tpwd_origin_url"),
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
            var data = body.Child("data");
            var simple = data.Text("password_simple") ?? data.Text("model")
                ?? throw new FormatException(CoreText.Format("AnswerLacksEither", "data.password_simple", "data.model"));
            var model = data.Text("model");
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
            var url = body.Child("data").Url("origin_url");
            return new TbkResolvedPassword { Input = input, Password = password, Url = url, ItemId = TbkItemReference.ItemIdInUrl(url) };
        }

        /// <summary>taobao.tbk.tpwd.convert: the item / seller and the caller's <c>click_url</c>.</summary>
        public static TbkResolvedPassword ConvertedPassword(JsonElement body, string input, string password)
        {
            var data = body.Child("data");
            var url = data.Url("origin_url");
            return new TbkResolvedPassword
            {
                Input = input,
                Password = password,
                Url = url,
                ItemId = data.Text("num_iid") ?? TbkItemReference.ItemIdInUrl(url),
                SellerId = data.Text("seller_id"),
                ClickUrl = data.Url("click_url"),
                OriginPid = data.Text("origin_pid") is string pid && pid != "0" ? pid : null,
                NewPassword = data.Text("model"),
                ShortUrl = data.Url("short_url"),
            };
        }

        /// <summary>taobao.tbk.coupon.get: <c>data</c>.</summary>
        public static TbkCoupon Coupon(JsonElement body, string? itemId)
        {
            var data = body.Child("data");
            return new TbkCoupon
            {
                ActivityId = data.Text("coupon_activity_id") ?? string.Empty,
                ItemId = itemId,
                Amount = data.Money("coupon_amount"),
                StartFee = data.Money("coupon_start_fee"),
                RemainCount = data.Long("coupon_remain_count"),
                TotalCount = data.Long("coupon_total_count"),
                StartTime = data.Time("coupon_start_time"),
                EndTime = data.Time("coupon_end_time", endOfDay: true),
            };
        }

        /// <summary>taobao.tbk.spread.get: results in request order, each with <c>content</c> and <c>err_msg</c>.</summary>
        public static TbkBatch<TbkShortLink> ShortLinks(JsonElement body, IReadOnlyList<string> urls)
        {
            var links = new List<TbkShortLink>();
            var failures = new List<TbkBatchFailure>();
            var index = 0;
            foreach (var entry in body.List("results"))
            {
                if (index >= urls.Count) break;
                var url = urls[index++];
                var content = entry.Text("content");
                var message = entry.Text("err_msg");
                if (content != null && (message == null || message == "OK")) links.Add(new TbkShortLink(url, content));
                else failures.Add(new TbkBatchFailure(url, null, message ?? CoreText.Get("TbkNotShortened")));
            }
            for (; index < urls.Count; index++) failures.Add(new TbkBatchFailure(urls[index], null, CoreText.Get("TbkNoAnswerForUrl")));
            return new TbkBatch<TbkShortLink>(links, failures);
        }

        /// <summary>taobao.tbk.shop.convert: <c>results.n_tbk_shop[]{user_id, click_url}</c>; sellers left out failed.</summary>
        public static TbkBatch<TbkShopLink> ShopLinks(JsonElement body, IReadOnlyList<long> sellerIds)
        {
            var found = new Dictionary<long, TbkShopLink>();
            foreach (var entry in body.List("results"))
            {
                if (entry.Long("user_id") is long sellerId && entry.Url("click_url") is string url) found[sellerId] = new TbkShopLink(sellerId, url);
            }
            return Matched(sellerIds, found, id => id.ToString(System.Globalization.CultureInfo.InvariantCulture), CoreText.Get("TbkNoPromotableShop"));
        }

        /// <summary>taobao.tbk.itemid.ineffective.transform: ids left out have no new id.</summary>
        public static TbkBatch<TbkItemIdMap> ItemIdMaps(JsonElement body, IReadOnlyList<string> originalIds)
        {
            var found = new Dictionary<string, TbkItemIdMap>(StringComparer.Ordinal);
            foreach (var entry in body.List("results"))
            {
                if (entry.Text("original_item_id") is string original && entry.Text("item_id") is string itemId) found[original] = new TbkItemIdMap(original, itemId);
            }
            return Matched(originalIds, found, id => id, CoreText.Get("TbkNoCurrentItem"));
        }

        /// <summary>taobao.tbk.item.click.extract: <c>item_id</c> of the link <paramref name="url"/>.</summary>
        public static TbkItemIdMap ClickItem(JsonElement body, string url)
            => new TbkItemIdMap(url, body.Text("item_id") ?? throw new FormatException(CoreText.Format("AnswerLacks", "item_id")));

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
            var model = body.Child("data").Text("model") ?? throw new FormatException(CoreText.Get("AnswerLacksNewPid"));
            return new TbkAdzone(TbkPid.Parse(model), name);
        }

        /// <summary>taobao.tbk.sc.invitecode.get: <c>data.inviter_code</c>.</summary>
        public static TbkInviteCode InviteCode(JsonElement body, TbkInviteKind kind, string relationApp, long? relationId)
        {
            var code = body.Child("data").Text("inviter_code") ?? throw new FormatException(CoreText.Format("AnswerLacks", "data.inviter_code"));
            return new TbkInviteCode(code, kind, relationApp, relationId);
        }

        /// <summary>taobao.tbk.sc.publisher.info.save: <c>data{relation_id | special_id, account_name, desc}</c>.</summary>
        public static TbkPublisher SavedPublisher(JsonElement body, TbkPublisherType kind, string? relationApp)
        {
            var data = body.Child("data");
            return new TbkPublisher
            {
                Type = kind,
                RelationId = data.Long("relation_id"),
                SpecialId = data.Long("special_id"),
                AccountName = data.Text("account_name"),
                RelationApp = relationApp,
                Description = data.Text("desc"),
            };
        }

        /// <summary>taobao.tbk.sc.publisher.info.get: <c>data{total_count, inviter_list[]}</c>.</summary>
        public static TbkPublisherPage PublisherPage(JsonElement body, TbkPublisherType kind)
        {
            var data = body.Child("data");
            var publishers = data.List("inviter_list").Select(entry => new TbkPublisher
            {
                Type = kind,
                RelationId = entry.Long("relation_id"),
                SpecialId = entry.Long("special_id"),
                AccountName = entry.Text("account_name"),
                RealName = entry.Text("real_name"),
                RelationApp = entry.Text("relation_app"),
                CreateDate = entry.Time("create_date"),
                OnlineScene = entry.Text("online_scene"),
                OfflineScene = entry.Text("offline_scene"),
                Note = entry.Text("note"),
                ExternalId = entry.Text("external_id"),
                RootPid = entry.Text("root_pid"),
                PunishStatus = entry.Text("punish_status"),
            }).ToList();
            return new TbkPublisherPage(publishers, data.Long("total_count") ?? publishers.Count);
        }
    }
}
