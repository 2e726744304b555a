using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Seller
{
    /// <summary>Parameter rules of the seller item APIs, as TOP enforces them (answering 41 isv.invalid-parameter:&lt;name&gt;).</summary>
    internal static class ItemRules
    {
        public const int MaxTitleBytes = 60;
        public const int MaxOuterIdBytes = 64;
        public const int MaxPropsBytes = 549;
        public const int MaxSellerCids = 10;
        public const long MaxNum = 900000000;
        public const decimal MinPrice = 0.01m;
        public const decimal MaxPrice = 100000000m;

        private static readonly Regex PriceFormat = new Regex(@"^\d{1,9}(\.\d{1,2})?$", RegexOptions.CultureInvariant);

        /// <summary>Length as Taobao counts it (GBK bytes): a CJK or other non-ASCII character counts 2.</summary>
        public static int GbkLength(string text) => text.Sum(c => c < 0x80 ? 1 : 2);

        public static long Long(string name, string text, long min, long max)
        {
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                throw TopApiException.InvalidArgument(name, name + " must be an integer, got '" + text + "'.");
            if (value < min || value > max)
                throw TopApiException.InvalidArgument(name, name + " must be between " + min + " and " + max + ", got " + value + ".");
            return value;
        }

        public static long? OptionalLong(ApiCall call, string name, long min, long max)
            => call.Optional(name) is string text ? Long(name, text, min, max) : (long?)null;

        /// <summary>A price in yuan: digits with at most two decimals, from 0.01 to 100000000.</summary>
        public static decimal Price(string name, string text)
        {
            if (!PriceFormat.IsMatch(text))
                throw TopApiException.InvalidArgument(name, name + " must be a yuan amount with at most 2 decimals (e.g. 19.90), got '" + text + "'.");
            var value = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (value < MinPrice || value > MaxPrice)
                throw TopApiException.InvalidArgument(name, name + " must be between 0.01 and 100000000, got " + text + ".");
            return value;
        }

        public static string OneOf(string name, string text, params string[] allowed)
        {
            if (Array.IndexOf(allowed, text) < 0)
                throw TopApiException.InvalidArgument(name, name + " must be one of " + string.Join(", ", allowed) + ", got '" + text + "'.");
            return text;
        }

        public static string Title(string text)
        {
            var length = GbkLength(text);
            if (length > MaxTitleBytes)
                throw TopApiException.InvalidArgument("title", "title must not exceed 60 bytes (a Chinese character counts 2), got " + length + ".");
            return text;
        }

        /// <summary>The doc: more than 5 and fewer than 25000 characters.</summary>
        public static string Desc(string text)
        {
            if (text.Length <= 5 || text.Length >= 25000)
                throw TopApiException.InvalidArgument("desc", "desc must be longer than 5 and shorter than 25000 characters, got " + text.Length + ".");
            return text;
        }

        public static string MaxBytes(string name, string text, int maxBytes)
        {
            var length = GbkLength(text);
            if (length > maxBytes)
                throw TopApiException.InvalidArgument(name, name + " must not exceed " + maxBytes + " bytes, got " + length + ".");
            return text;
        }

        public static string SellerCids(string text)
        {
            var ids = text.Split(',');
            if (ids.Length > MaxSellerCids)
                throw TopApiException.InvalidArgument("seller_cids", "seller_cids takes at most 10 ids, got " + ids.Length + ".");
            foreach (var id in ids) Long("seller_cids", id, 0, long.MaxValue);
            return text;
        }

        public static ItemCategory LeafCategory(string text)
        {
            var cid = Long("cid", text, 1, long.MaxValue);
            var category = ItemCategories.Find(cid)
                ?? throw TopApiException.InvalidArgument("cid", "cid " + cid + " is not a known category (see taobao.itemcats.get).");
            if (category.IsParent)
                throw TopApiException.InvalidArgument("cid", "cid " + cid + " (" + category.Name + ") is not a leaf category.");
            return category;
        }

        private static readonly string[] Provinces =
        {
            "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南",
            "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆",
            "香港", "澳门",
        };

        /// <summary>A province (省) as Taobao's location names it: 浙江, not 浙江省.</summary>
        public static string Province(string text)
        {
            if (Array.IndexOf(Provinces, text) < 0)
                throw TopApiException.InvalidArgument("location.state", "location.state must be a province such as 浙江 or 广东 (without 省), got '" + text + "'.");
            return text;
        }

        public static DateTimeOffset Time(string name, string text)
        {
            if (!TopTime.TryParse(text, out var time))
                throw TopApiException.InvalidArgument(name, name + " must be yyyy-MM-dd HH:mm:ss, got '" + text + "'.");
            return time;
        }
    }
}
