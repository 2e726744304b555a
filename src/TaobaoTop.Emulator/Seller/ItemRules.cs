using System;
using System.Collections.Generic;
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
        public const int MaxPropsPairs = 35;
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

        /// <summary>The doc: at most 35 pid:vid pairs, at most 549 bytes with the separators.</summary>
        public static string Props(string text)
        {
            var pairs = text.Split(';').Count(p => p.Length > 0);
            if (pairs > MaxPropsPairs)
                throw TopApiException.InvalidArgument("props", "props takes at most " + MaxPropsPairs + " pid:vid pairs, got " + pairs + ".");
            return MaxBytes("props", text, MaxPropsBytes);
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

        /// <summary>
        /// Provinces and their cities as Taobao's location names them (浙江, 杭州: no 省 or 市). The cities are the
        /// prefecture-level cities; a municipality, Hong Kong and Macau are their own city.
        /// </summary>
        private static readonly Dictionary<string, string[]> CitiesByProvince = new Dictionary<string, string>
        {
            ["北京"] = "北京", ["天津"] = "天津", ["上海"] = "上海", ["重庆"] = "重庆", ["香港"] = "香港", ["澳门"] = "澳门",
            ["河北"] = "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水",
            ["山西"] = "太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁",
            ["内蒙古"] = "呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布",
            ["辽宁"] = "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛",
            ["吉林"] = "长春 吉林 四平 辽源 通化 白山 松原 白城 延边",
            ["黑龙江"] = "哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 大兴安岭",
            ["江苏"] = "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁",
            ["浙江"] = "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水",
            ["安徽"] = "合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城",
            ["福建"] = "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德",
            ["江西"] = "南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶",
            ["山东"] = "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽",
            ["河南"] = "郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源",
            ["湖北"] = "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 仙桃 潜江 天门",
            ["湖南"] = "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西",
            ["广东"] = "广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮",
            ["广西"] = "南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左",
            ["海南"] = "海口 三亚 三沙 儋州",
            ["四川"] = "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 阿坝 甘孜 凉山",
            ["贵州"] = "贵阳 六盘水 遵义 安顺 毕节 铜仁 黔西南 黔东南 黔南",
            ["云南"] = "昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆",
            ["西藏"] = "拉萨 日喀则 昌都 林芝 山南 那曲 阿里",
            ["陕西"] = "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛",
            ["甘肃"] = "兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏 甘南",
            ["青海"] = "西宁 海东 海北 黄南 海南 果洛 玉树 海西",
            ["宁夏"] = "银川 石嘴山 吴忠 固原 中卫",
            ["新疆"] = "乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 博尔塔拉 巴音郭楞 阿克苏 克孜勒苏 喀什 和田 伊犁 塔城 阿勒泰 石河子",
            ["台湾"] = "台北 新北 桃园 台中 台南 高雄 基隆 新竹 嘉义",
        }.ToDictionary(p => p.Key, p => p.Value.Split(' '), StringComparer.Ordinal);

        /// <summary>A province (省) as Taobao's location names it: 浙江, not 浙江省.</summary>
        public static string Province(string text)
        {
            if (!CitiesByProvince.ContainsKey(text))
                throw TopApiException.InvalidArgument("location.state", "location.state must be a province such as 浙江 or 广东 (without 省), got '" + text + "'.");
            return text;
        }

        /// <summary>A city (市) of the province, as Taobao's location names it: 杭州, not 杭州市.</summary>
        public static string City(string province, string text)
        {
            var cities = CitiesByProvince[Province(province)];
            if (Array.IndexOf(cities, text) < 0)
                throw TopApiException.InvalidArgument("location.city", "location.city must be a city of " + province + " such as " + cities[0] + " (without 市), got '" + text + "'.");
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
