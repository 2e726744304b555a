using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace TaobaoTop.Emulator.Seller
{
    /// <summary>A category property (taobao.itemprops.get's ItemProp) with its enumerated values.</summary>
    internal sealed class ItemProperty
    {
        public ItemProperty(long pid, string name, bool must, bool isKey, bool isSale, bool isInput, IReadOnlyList<(long Vid, string Name)> values)
        {
            Pid = pid;
            Name = name;
            Must = must;
            IsKey = isKey;
            IsSale = isSale;
            IsInput = isInput;
            Values = values;
        }

        public long Pid { get; }
        public string Name { get; }
        public bool Must { get; }
        public bool IsKey { get; }
        public bool IsSale { get; }

        /// <summary>The seller may type a value (input_pids/input_str) instead of choosing one.</summary>
        public bool IsInput { get; }

        public IReadOnlyList<(long Vid, string Name)> Values { get; }

        public bool IsEnum => Values.Count > 0;

        public bool IsColor => Pid == ItemProperties.Colour.Pid;

        public string? ValueName(long vid) => Values.Where(v => v.Vid == vid).Select(v => v.Name).FirstOrDefault();

        public JsonObject ToJson(bool simplify)
        {
            var json = new JsonObject
            {
                ["pid"] = Pid,
                ["name"] = Name,
                ["must"] = Must,
                ["multi"] = false,
                ["is_key_prop"] = IsKey,
                ["is_sale_prop"] = IsSale,
                ["is_color_prop"] = IsColor,
                ["is_enum_prop"] = IsEnum,
                ["is_input_prop"] = IsInput,
                ["is_allow_alias"] = IsSale,
                ["is_item_prop"] = !IsSale,
                ["status"] = "normal",
            };
            if (Values.Count > 0)
            {
                var values = new JsonArray(Values.Select(v => (JsonNode)new JsonObject { ["vid"] = v.Vid, ["name"] = v.Name, ["pid"] = Pid }).ToArray());
                json["prop_values"] = simplify ? (JsonNode)values : new JsonObject { ["prop_value"] = values };
            }
            return json;
        }
    }

    /// <summary>
    /// The properties the leaves of one kind share. pid 20000 (品牌), 1627207 (颜色分类) and 20509 (尺码) are the pids
    /// Taobao is known to use for these; every other pid and every vid here is synthetic.
    /// </summary>
    internal sealed class CategoryProfile
    {
        private CategoryProfile(string name, params ItemProperty[] properties)
        {
            Name = name;
            Properties = properties;
        }

        public string Name { get; }

        public IReadOnlyList<ItemProperty> Properties { get; }

        /// <summary>The first, real-id clothing leaves: colour and size to sell by, nothing required.</summary>
        public static readonly CategoryProfile Light = new CategoryProfile("轻量服装",
            ItemProperties.Optional(ItemProperties.Brand(ItemProperties.ClothingBrands)), ItemProperties.Optional(ItemProperties.Material),
            ItemProperties.Season, ItemProperties.Colour, ItemProperties.ClothingSize);

        /// <summary>The real-id 手机 leaf: colour and capacity to sell by, nothing required.</summary>
        public static readonly CategoryProfile LightPhone = new CategoryProfile("轻量手机",
            ItemProperties.Optional(ItemProperties.Brand(ItemProperties.PhoneBrands)), ItemProperties.PhoneColour, ItemProperties.Capacity);

        public static readonly IReadOnlyDictionary<string, CategoryProfile> ByName = new Dictionary<string, CategoryProfile>(StringComparer.Ordinal)
        {
            ["服装"] = new CategoryProfile("服装", ItemProperties.Brand(ItemProperties.ClothingBrands), ItemProperties.Material, ItemProperties.Season,
                ItemProperties.ArticleNumber, ItemProperties.Colour, ItemProperties.ClothingSize),
            ["手机"] = new CategoryProfile("手机", ItemProperties.Brand(ItemProperties.PhoneBrands), ItemProperties.Model, ItemProperties.Network,
                ItemProperties.PhoneColour, ItemProperties.Capacity),
            ["配件"] = new CategoryProfile("配件", ItemProperties.Brand(ItemProperties.PhoneBrands.Concat(new[] { "绿联", "倍思", "Anker" }).ToArray()),
                ItemProperties.Model, ItemProperties.Colour),
            ["食品"] = new CategoryProfile("食品", ItemProperties.Brand(ItemProperties.FoodBrands), ItemProperties.Origin, ItemProperties.ShelfLife,
                ItemProperties.NetContent, ItemProperties.Flavour),
            ["美妆"] = new CategoryProfile("美妆", ItemProperties.Brand(ItemProperties.BeautyBrands), ItemProperties.Effect, ItemProperties.SkinType,
                ItemProperties.SpecType),
            ["家居"] = new CategoryProfile("家居", ItemProperties.Optional(ItemProperties.Brand(ItemProperties.HomeBrands)), ItemProperties.HomeMaterial,
                ItemProperties.Style, ItemProperties.Colour, ItemProperties.HomeSize),
            ["母婴"] = new CategoryProfile("母婴", ItemProperties.Brand(ItemProperties.BabyBrands), ItemProperties.Age, ItemProperties.Colour,
                ItemProperties.BabySize),
        };
    }

    internal static class ItemProperties
    {
        public static readonly string[] ClothingBrands = { "优衣库", "太平鸟", "森马", "海澜之家", "李宁", "安踏", "波司登", "南极人", "其他" };
        public static readonly string[] PhoneBrands = { "Apple", "华为", "小米", "OPPO", "vivo", "荣耀", "三星", "一加" };
        public static readonly string[] FoodBrands = { "三只松鼠", "良品铺子", "百草味", "洽洽", "旺旺", "卫龙", "农夫山泉", "其他" };
        public static readonly string[] BeautyBrands = { "百雀羚", "自然堂", "珀莱雅", "兰蔻", "雅诗兰黛", "欧莱雅", "完美日记", "花西子" };
        public static readonly string[] HomeBrands = { "宜家", "林氏木业", "全友", "水星家纺", "罗莱", "富安娜", "南极人", "其他" };
        public static readonly string[] BabyBrands = { "好奇", "帮宝适", "花王", "巴拉巴拉", "贝亲", "Babycare", "全棉时代", "其他" };

        public static ItemProperty Brand(string[] brands) => Enum(20000, "品牌", true, true, false, true, brands);

        public static ItemProperty Optional(ItemProperty property)
            => new ItemProperty(property.Pid, property.Name, false, property.IsKey, property.IsSale, property.IsInput, property.Values);

        public static readonly ItemProperty Material = Enum(20021, "材质", true, false, false, false, "棉", "涤纶", "羊毛", "真丝", "亚麻", "锦纶", "氨纶", "粘纤", "羽绒");
        public static readonly ItemProperty Season = Enum(122216345, "适用季节", false, false, false, false, "春季", "夏季", "秋季", "冬季", "四季通用");
        public static readonly ItemProperty ArticleNumber = Enum(13021751, "货号", false, false, false, true);
        public static readonly ItemProperty Colour = Enum(1627207, "颜色分类", false, false, true, false,
            "黑色", "白色", "红色", "蓝色", "灰色", "粉色", "绿色", "黄色", "卡其色", "藏青色", "紫色", "米白色");
        public static readonly ItemProperty ClothingSize = Enum(20509, "尺码", false, false, true, false, "XS", "S", "M", "L", "XL", "XXL", "XXXL", "均码");
        public static readonly ItemProperty Model = Enum(1632501, "型号", true, true, false, true);
        public static readonly ItemProperty Network = Enum(122216346, "网络类型", false, false, false, false, "5G全网通", "4G全网通", "双卡双待");
        public static readonly ItemProperty PhoneColour = Enum(1627207, "机身颜色", false, false, true, false, "黑色", "白色", "蓝色", "紫色", "金色", "银色", "绿色");
        public static readonly ItemProperty Capacity = Enum(12304035, "存储容量", false, false, true, false, "64GB", "128GB", "256GB", "512GB", "1TB");
        public static readonly ItemProperty Origin = Enum(122216347, "产地", true, false, false, false,
            "浙江", "江苏", "上海", "广东", "福建", "山东", "四川", "云南", "新疆", "内蒙古", "黑龙江", "进口");
        public static readonly ItemProperty ShelfLife = Enum(122216348, "保质期", true, false, false, true, "7天", "30天", "90天", "180天", "365天", "540天");
        public static readonly ItemProperty NetContent = Enum(122216349, "净含量", false, false, false, true);
        public static readonly ItemProperty Flavour = Enum(122216350, "口味", false, false, true, false, "原味", "香辣", "五香", "甜味", "咸味", "麻辣", "混合口味");
        public static readonly ItemProperty Effect = Enum(122216351, "功效", true, false, false, false, "补水", "保湿", "美白", "控油", "抗皱", "修护", "防晒");
        public static readonly ItemProperty SkinType = Enum(122216352, "适合肤质", false, false, false, false, "任何肤质", "干性", "油性", "混合性", "敏感性");
        public static readonly ItemProperty SpecType = Enum(122216353, "规格类型", false, false, true, false, "正常规格", "小样", "套装", "替换装");
        public static readonly ItemProperty HomeMaterial = Enum(20021, "材质", true, false, false, false, "实木", "人造板", "布艺", "金属", "塑料", "玻璃", "陶瓷", "纯棉", "竹");
        public static readonly ItemProperty Style = Enum(122216354, "风格", false, false, false, false, "北欧", "现代简约", "中式", "日式", "美式", "法式");
        public static readonly ItemProperty HomeSize = Enum(122216355, "尺寸", false, false, true, false, "小号", "中号", "大号", "1.2m", "1.5m", "1.8m", "2.0m");
        public static readonly ItemProperty Age = Enum(122216356, "适用年龄", true, false, false, false, "0-6个月", "6-12个月", "1-3岁", "3-6岁", "6岁以上");
        public static readonly ItemProperty BabySize = Enum(20509, "尺码", false, false, true, false, "59cm", "66cm", "73cm", "80cm", "90cm", "100cm", "110cm", "NB", "S", "M", "L", "XL");

        /// <summary>Value ids come from the pid and the value's place, so they stay the same from run to run.</summary>
        private static ItemProperty Enum(long pid, string name, bool must, bool isKey, bool isSale, bool isInput, params string[] values)
            => new ItemProperty(pid, name, must, isKey, isSale, isInput, values.Select((v, i) => (3000000L + pid % 1000 * 100 + i + 1, v)).ToList());
    }
}
