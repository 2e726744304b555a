using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace TaobaoTop.Emulator.Affiliate
{
    /// <summary>The channel options a promotion link carries, so the orders it brings can be attributed.</summary>
    internal sealed class LinkOptions
    {
        public string? RelationId { get; set; }
        public string? SpecialId { get; set; }
        public string? ExternalId { get; set; }
        public string? Unid { get; set; }

        /// <summary>biz_scene_id (1 动态ID转链, 2 消费者比价, 3 商品库导购) and promotion_type (1 自购省, 2 推广赚) of 万能转链.</summary>
        public int? BizSceneId { get; set; }
        public int? PromotionType { get; set; }
    }

    /// <summary>What a URL points at.</summary>
    internal sealed class LinkTarget
    {
        /// <summary>1 单品, 2 店铺, 3 会场 (the material_type values of 万能转链).</summary>
        public int MaterialType { get; set; }
        public string Id { get; set; } = "";
    }

    internal sealed class SharedPassword
    {
        public SharedPassword(string shortForm, string longForm)
        {
            Short = shortForm;
            Long = longForm;
        }

        /// <summary><c>￥AbC1dEf2GhI￥</c>.</summary>
        public string Short { get; }

        /// <summary><c>47￥ CZ3457 AbC1dEf2GhI￥ https://m.tb.cn/h.xxxx  标题</c>.</summary>
        public string Long { get; }
    }

    /// <summary>Builds s.click.taobao.com-like links, short links and 淘口令, and reads them back.</summary>
    internal static class Links
    {
        public const string ClickHost = "https://s.click.taobao.com/";

        /// <summary>Host of the short link inside a long 淘口令.</summary>
        public const string ShareHost = "https://m.tb.cn/h.";

        // Besides currency signs (￥ ¥ € ₤ …), share texts wrap a 淘口令 in these look-alikes to dodge chat filters.
        private const string OtherPasswordWrappers = "()（）《》«»/「」『』〔〕〈〉：，。";

        private static readonly Regex ItemParameter = new Regex(@"[?&](?:id|itemId|item_id)=([A-Za-z0-9\-]+)", RegexOptions.CultureInvariant);
        private static readonly Regex ShopHost = new Regex(@"^https?://shop(\d+)\.(?:m\.)?(?:taobao|tmall)\.com", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex SellerParameter = new Regex(@"[?&](?:sellerId|seller_id|user_number_id|userId|user_id)=(\d+)", RegexOptions.CultureInvariant);
        private static readonly Regex PageParameter = new Regex(@"[?&](?:pageId|page_id|activityId)=([A-Za-z0-9]+)", RegexOptions.CultureInvariant);
        private static readonly Regex TaobaoUrl = new Regex(@"^https?://([a-z0-9\-]+\.)*(taobao\.com|tmall\.com|tb\.cn|alimama\.com)(/|$|\?)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static string ClickUrl(Adzone adzone, LinkTarget target, LinkOptions options)
        {
            var query = new StringBuilder();
            query.Append("t?e=m%3D2%26s%3D").Append(Token(adzone.Pid + "|" + target.MaterialType + "|" + target.Id + "|" + options.RelationId + "|" + options.SpecialId + "|" + options.ExternalId, 48));
            query.Append("&pid=").Append(adzone.Pid);
            query.Append(target.MaterialType == 1 ? "&itemId=" : target.MaterialType == 2 ? "&sellerId=" : "&pageId=").Append(Uri.EscapeDataString(target.Id));
            if (options.RelationId != null) query.Append("&relationId=").Append(Uri.EscapeDataString(options.RelationId));
            if (options.SpecialId != null) query.Append("&specialId=").Append(Uri.EscapeDataString(options.SpecialId));
            if (options.ExternalId != null) query.Append("&externalId=").Append(Uri.EscapeDataString(options.ExternalId));
            if (options.Unid != null) query.Append("&unid=").Append(Uri.EscapeDataString(options.Unid));
            if (options.BizSceneId != null) query.Append("&bizSceneId=").Append(options.BizSceneId.Value);
            if (options.PromotionType != null) query.Append("&promotionType=").Append(options.PromotionType.Value);
            return ClickHost + query;
        }

        public static string CouponUrl(Adzone adzone, CatalogItem item, LinkOptions options)
            => "https://uland.taobao.com/coupon/edetail?e=" + Token(adzone.Pid + "|coupon|" + item.ItemId + "|" + options.RelationId + "|" + options.SpecialId, 48)
               + "&activityId=" + item.Coupon!.ActivityId + "&itemId=" + item.ItemId + "&pid=" + adzone.Pid
               + (options.RelationId != null ? "&relationId=" + Uri.EscapeDataString(options.RelationId) : "")
               + (options.SpecialId != null ? "&specialId=" + Uri.EscapeDataString(options.SpecialId) : "")
               + (options.ExternalId != null ? "&externalId=" + Uri.EscapeDataString(options.ExternalId) : "");

        /// <summary>A short link for <paramref name="url"/>, remembered so it resolves later.</summary>
        public static string Shorten(AffiliateState state, string url, string host = ClickHost)
        {
            var code = Token(host + url, 7);
            state.ShortLinks[code] = url;
            return host + code;
        }

        /// <summary>
        /// The 淘口令 code for <paramref name="url"/>, remembered so parse/convert resolve it.
        /// The same link gives the same code, so repeated conversions do not grow the state.
        /// </summary>
        public static string CreatePassword(AffiliateState state, string url, DateTimeOffset now)
        {
            var code = Token(url, 11);
            while (state.Passwords.TryGetValue(code, out var existing))
            {
                if (existing.Url == url) return code;
                code = Token(code, 11);
            }
            state.Passwords[code] = new StoredPassword(code, url, now);
            return code;
        }

        /// <summary>A 淘口令 in both forms TOP answers: short <c>￥code￥</c> and the long share text iOS needs.</summary>
        public static SharedPassword Share(AffiliateState state, string url, string title, DateTimeOffset now)
        {
            var code = CreatePassword(state, url, now);
            var random = new SeededRandom(Hash(code));
            var full = random.Next(10, 100) + "￥ CZ3457 " + code + "￥ " + Shorten(state, url, ShareHost) + "  " + title;
            return new SharedPassword("￥" + code + "￥", full);
        }

        /// <summary>
        /// The 淘口令 inside share text: like TOP, which knows every code it issued, any run of 8–14 letters/digits
        /// that the emulator created counts, wrapped or not (<c>?tk=CODE</c>, emoji, bare).
        /// </summary>
        public static StoredPassword? FindPassword(AffiliateState state, string text)
        {
            foreach (var candidate in PasswordCandidates(text, wrappedOnly: false))
            {
                if (state.Passwords.TryGetValue(candidate, out var password)) return password;
            }
            return null;
        }

        /// <summary>Whether the text looks like it carries a 淘口令: a code-sized run next to a password symbol.</summary>
        public static bool ContainsPassword(string text) => PasswordCandidates(text, wrappedOnly: true).Any();

        /// <summary>Follows the emulator's own short links; other URLs come back unchanged.</summary>
        public static string Expand(AffiliateState state, string url)
        {
            foreach (var host in new[] { ClickHost, ShareHost })
            {
                if (url.StartsWith(host, StringComparison.Ordinal) && state.ShortLinks.TryGetValue(url.Substring(host.Length), out var target)) return target;
            }
            return url;
        }

        /// <summary>Item, shop or activity page behind a Taobao URL; null for anything that is not a Taobao URL.</summary>
        public static LinkTarget? Classify(string url)
        {
            if (!TaobaoUrl.IsMatch(url)) return null;
            var item = ItemParameter.Match(url);
            if (item.Success) return new LinkTarget { MaterialType = 1, Id = Uri.UnescapeDataString(item.Groups[1].Value) };
            var shop = ShopHost.Match(url);
            if (shop.Success) return new LinkTarget { MaterialType = 2, Id = shop.Groups[1].Value };
            var seller = SellerParameter.Match(url);
            if (seller.Success) return new LinkTarget { MaterialType = 2, Id = seller.Groups[1].Value };
            var page = PageParameter.Match(url);
            return new LinkTarget { MaterialType = 3, Id = page.Success ? page.Groups[1].Value : Token(url, 8) };
        }

        public static bool IsTaobaoUrl(string url) => TaobaoUrl.IsMatch(url);

        /// <summary>The pid a link of the emulator was made for, or null.</summary>
        public static string? PidOf(string url)
        {
            var match = Regex.Match(url, @"[?&]pid=(mm_\d+_\d+_\d+)");
            return match.Success ? match.Groups[1].Value : null;
        }

        /// <summary>A deterministic base62 token of <paramref name="length"/> characters derived from <paramref name="source"/>.</summary>
        public static string Token(string source, int length)
        {
            var random = new SeededRandom(Hash(source));
            return random.Alphanumeric(length);
        }

        /// <summary>FNV-1a: stable across processes, unlike string.GetHashCode.</summary>
        public static long Hash(string source)
        {
            ulong hash = 1469598103934665603UL;
            foreach (var b in Encoding.UTF8.GetBytes(source)) hash = (hash ^ b) * 1099511628211UL;
            return (long)hash;
        }

        /// <summary>Promotion links (s.click / uland / m.tb.cn), the only URLs TOP turns into a 淘口令.</summary>
        public static bool IsPromotionUrl(string url)
            => Regex.IsMatch(url, @"^https://(s\.click\.taobao\.com|uland\.taobao\.com|m\.tb\.cn)/", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        // Emoji (surrogate pairs, ★ ✨ and the like) wrap codes in today's share texts too.
        private static bool IsPasswordWrapper(char symbol)
            => OtherPasswordWrappers.IndexOf(symbol) >= 0 || char.IsSurrogate(symbol)
               || CharUnicodeInfo.GetUnicodeCategory(symbol) == UnicodeCategory.CurrencySymbol || CharUnicodeInfo.GetUnicodeCategory(symbol) == UnicodeCategory.OtherSymbol;

        private static IEnumerable<string> PasswordCandidates(string text, bool wrappedOnly)
        {
            var start = 0;
            while (start < text.Length)
            {
                if (!Base62.IsAlphanumeric(text[start]))
                {
                    start++;
                    continue;
                }
                var end = start;
                while (end < text.Length && Base62.IsAlphanumeric(text[end])) end++;
                var length = end - start;
                var symbolBefore = start > 0 && IsPasswordWrapper(text[start - 1]);
                var symbolAfter = end < text.Length && IsPasswordWrapper(text[end]);
                if (length >= 8 && length <= 14 && (!wrappedOnly || symbolBefore || symbolAfter)) yield return text.Substring(start, length);
                start = end;
            }
        }
    }
}
