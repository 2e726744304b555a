using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TaobaoTop.Core.Json;

namespace TaobaoTop
{
    /// <summary>One value of an enumerated category property.</summary>
    public sealed class TaobaoItemPropertyValue
    {
        public TaobaoItemPropertyValue(long vid, string name)
        {
            Vid = vid;
            Name = name;
        }

        public long Vid { get; }

        public string Name { get; }

        public override string ToString() => Name;
    }

    /// <summary>A property of a leaf category (taobao.itemprops.get): what a listing must or may say about an item.</summary>
    public sealed class TaobaoItemProperty
    {
        public long CategoryId { get; set; }

        public long Pid { get; set; }

        public string Name { get; set; } = "";

        /// <summary>item.add refuses an item without it (TOP's <c>must</c>).</summary>
        public bool IsRequired { get; set; }

        public bool IsKey { get; set; }

        /// <summary>A property SKUs are made of (颜色分类, 尺码 …).</summary>
        public bool IsSale { get; set; }

        /// <summary>The seller may type a value of their own (input_pids/input_str).</summary>
        public bool IsInput { get; set; }

        /// <summary>A value may be listed under a name of the seller's own (property_alias: 雾霾蓝 on a free colour value).</summary>
        public bool IsAllowAlias { get; set; }

        public bool IsEnum => Values.Count > 0;

        public IReadOnlyList<TaobaoItemPropertyValue> Values { get; set; } = Array.Empty<TaobaoItemPropertyValue>();

        /// <summary>What it is, in a word: 必填 / 关键 / 销售 / 可选.</summary>
        public string Kind => IsSale ? "销售" : IsRequired ? "必填" : IsKey ? "关键" : "可选";

        /// <summary>The values' names, for a table.</summary>
        public string ValueNames => string.Join(", ", Values.Select(v => v.Name));

        public static TaobaoItemProperty FromJson(JsonElement prop, long categoryId)
        {
            var values = new List<TaobaoItemPropertyValue>();
            if (prop.TryGetProperty("prop_values", out var list))
            {
                if (list.ValueKind == JsonValueKind.Object && list.TryGetProperty("prop_value", out var inner)) list = inner;
                if (list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var value in list.EnumerateArray())
                    {
                        if (JsonFields.Long(value, "vid") is long vid) values.Add(new TaobaoItemPropertyValue(vid, JsonFields.Text(value, "name") ?? string.Empty));
                    }
                }
            }
            return new TaobaoItemProperty
            {
                CategoryId = categoryId,
                Pid = JsonFields.Long(prop, "pid") ?? 0,
                Name = JsonFields.Text(prop, "name") ?? string.Empty,
                IsRequired = JsonFields.Bool(prop, "must") ?? false,
                IsKey = JsonFields.Bool(prop, "is_key_prop") ?? false,
                IsSale = JsonFields.Bool(prop, "is_sale_prop") ?? false,
                IsInput = JsonFields.Bool(prop, "is_input_prop") ?? false,
                IsAllowAlias = JsonFields.Bool(prop, "is_allow_alias") ?? false,
                Values = values,
            };
        }

        public override string ToString() => Name + " (" + Pid + ")";
    }
}
