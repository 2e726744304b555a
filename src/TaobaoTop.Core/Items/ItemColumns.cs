using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace TaobaoTop.Core.Items
{
    /// <summary>The fields of an item row and the column names they go by in sheets (Excel exports in Chinese, ERPs in English).</summary>
    public static class ItemColumns
    {
        public const string Title = "Title";
        public const string Price = "Price";
        public const string Quantity = "Quantity";
        public const string CategoryId = "CategoryId";
        public const string Description = "Description";
        public const string OuterId = "OuterId";
        public const string Picture = "Picture";
        public const string State = "State";
        public const string City = "City";
        public const string StuffStatus = "StuffStatus";
        public const string Cost = "Cost";
        public const string FreightTemplateId = "FreightTemplateId";
        public const string SkuPrice = "SkuPrice";
        public const string SkuQuantity = "SkuQuantity";
        public const string SkuOuterId = "SkuOuterId";

        /// <summary>Field → its other names; Add-TaobaoItem's parameter aliases are the same lists.</summary>
        public static readonly IReadOnlyDictionary<string, string[]> Aliases = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [Title] = new[] { "标题", "宝贝标题", "商品标题", "商品名称", "宝贝名称" },
            [Price] = new[] { "价格", "一口价", "售价", "价格(元)", "一口价(元)", "单价" },
            [Quantity] = new[] { "数量", "库存", "宝贝数量", "Num", "Stock", "库存数量", "宝贝库存", "可售库存" },
            [CategoryId] = new[] { "类目ID", "类目", "Cid", "Category" },
            [Description] = new[] { "描述", "宝贝描述", "商品描述", "Desc" },
            [OuterId] = new[] { "商家编码", "外部编码", "outer_id" },
            [Picture] = new[] { "主图", "宝贝图片", "MainPicture", "PicPath", "pic_path" },
            [State] = new[] { "省", "省份", "Province", "location.state", "所在省", "所在省份", "所在地省份", "发货地省份" },
            [City] = new[] { "市", "城市", "location.city", "所在市", "所在城市", "所在地城市", "发货地城市" },
            [StuffStatus] = new[] { "新旧程度", "stuff_status" },
            [FreightTemplateId] = new[] { "运费模板ID", "运费模板", "postage_id", "PostageId" },
            [Cost] = new[] { "成本价", "成本", "进价", "采购价", "cost_price" },
            [SkuPrice] = new[] { "SKU价格", "SKU价", "SKU售价", "sku_price", "规格价格" },
            [SkuQuantity] = new[] { "SKU库存", "SKU数量", "sku_quantity", "规格库存" },
            [SkuOuterId] = new[] { "SKU编码", "SKU商家编码", "sku_outer_id", "规格编码" },
        };

        /// <summary>主图2 … 主图5 (or Picture2 …): the position 1 to 4 of an extra main picture; null for other columns.</summary>
        public static int? ExtraPicturePosition(string header)
        {
            var name = Normalize(header);
            foreach (var prefix in new[] { "主图", "picture", "宝贝图片", "图片" })
            {
                if (name.Length == prefix.Length + 1 && name.StartsWith(prefix, StringComparison.Ordinal) && name[prefix.Length] >= '2' && name[prefix.Length] <= '5')
                    return name[prefix.Length] - '1';
            }
            return null;
        }

        /// <summary>The column of a SKU row's colour picture: 颜色图片, SKU图片, 属性图片, SkuPicture.</summary>
        public static bool IsSkuPicture(string header)
        {
            var name = Normalize(header);
            return name == "颜色图片" || name == "sku图片" || name == "属性图片" || name == "skupicture";
        }

        /// <summary>How each field is named in messages: "Title (标题)".</summary>
        public static string Describe(string field) => field + " (" + Aliases[field][0] + ")";

        private static readonly Dictionary<string, string> ByHeader = BuildHeaderMap();

        /// <summary>The field a CSV header names, ignoring case, spaces, '_', '-' and '.'; null for other columns.</summary>
        public static string? FieldOf(string header)
            => ByHeader.TryGetValue(Normalize(header), out var field) ? field : null;

        private static Dictionary<string, string> BuildHeaderMap()
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in Aliases)
            {
                map[Normalize(pair.Key)] = pair.Key;
                foreach (var alias in pair.Value) map[Normalize(alias)] = pair.Key;
            }
            return map;
        }

        /// <summary>Ignoring case, spaces, '_', '-', '.' and the width of brackets: 价格（元） is 价格(元).</summary>
        private static string Normalize(string header)
        {
            var text = new StringBuilder(header.Length);
            foreach (var c in header.Trim().TrimStart('\uFEFF'))
            {
                if (c == '（') text.Append('(');
                else if (c == '）') text.Append(')');
                else if (c != ' ' && c != '_' && c != '-' && c != '.' && c != '\u3000') text.Append(char.ToLowerInvariant(c));
            }
            return text.ToString();
        }

        /// <summary>Each field to the sheet header that names it (the first such), for messages in the sheet's own words.</summary>
        public static Dictionary<string, string> HeadersByField(IEnumerable<string> headers)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var header in headers)
            {
                if (FieldOf(header) is string field && !map.ContainsKey(field)) map[field] = header.Trim().TrimStart('\uFEFF');
            }
            return map;
        }

        /// <summary>The accepted names closest to a header nobody understood (edit distance), best first.</summary>
        public static IReadOnlyList<string> Nearest(string header, int count = 2)
        {
            var wanted = Normalize(header);
            return Aliases.SelectMany(pair => new[] { pair.Key }.Concat(pair.Value))
                .Select(name => (Name: name, Distance: Distance(wanted, Normalize(name))))
                .OrderBy(n => n.Distance).ThenBy(n => n.Name.Length)
                .Take(count).Select(n => n.Name).ToList();
        }

        internal static int Distance(string a, string b)
        {
            var row = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var diagonal = row[0];
                row[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var above = row[j];
                    row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                    diagonal = above;
                }
            }
            return row[b.Length];
        }
    }
}
