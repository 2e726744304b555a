using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Seller
{
    /// <summary>
    /// item.add's props, input_pids/input_str and sku_* parameters checked against the leaf's properties, as Taobao
    /// refuses them: a required property missing, a value that is not the property's, SKUs that disagree with the stock
    /// or the price.
    /// </summary>
    internal static class ItemPropsRules
    {
        public const int MaxSkus = 600;
        public const int MaxSkuOuterIdBytes = 64;
        /// <summary>The doc: sku_properties and sku_outer_ids, each as a whole, within 512 bytes.</summary>
        public const int MaxSkuListBytes = 512;
        /// <summary>TOP's newer metadata: property_alias within 800 characters.</summary>
        public const int MaxPropertyAliasChars = 800;

        /// <summary>
        /// property_alias (pid:vid:name;…): each a value of a sale property that props gives, named by the seller; the
        /// names by pid:vid.
        /// </summary>
        public static Dictionary<(long Pid, long Vid), string> Aliases(ItemCategory category, string? props, string? text)
        {
            var names = new Dictionary<(long, long), string>();
            if (string.IsNullOrEmpty(text)) return names;
            if (text!.Length > MaxPropertyAliasChars)
                throw TopApiException.InvalidArgument("property_alias", "property_alias must not exceed " + MaxPropertyAliasChars + " characters, got " + text.Length + ".");
            var inProps = new HashSet<(long, long)>(Pairs("props", props));
            foreach (var entry in text.Split(';'))
            {
                var parts = entry.Split(new[] { ':' }, 3);
                if (parts.Length != 3 || parts[2].Trim().Length == 0
                    || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var vid))
                    throw TopApiException.InvalidArgument("property_alias", "property_alias must be pid:vid:name;pid:vid:name, got '" + entry + "'.");
                var property = category.Properties.FirstOrDefault(p => p.Pid == pid && p.IsSale)
                    ?? throw TopApiException.InvalidArgument("property_alias", "property_alias: " + pid + " is not a sale property of category " + category.Cid + " (" + category.Name + ").");
                if (property.ValueName(vid) is null || !inProps.Contains((pid, vid)))
                    throw TopApiException.InvalidArgument("property_alias", "property_alias: " + pid + ":" + vid + " is not a value of " + property.Name + " that props gives.");
                names[(pid, vid)] = parts[2];
            }
            return names;
        }

        /// <summary>Checks props and input_pids/input_str (a value per pid, separated by commas).</summary>
        public static void Properties(ItemCategory category, string? props, string? inputPids, string? inputStr)
        {
            var given = new HashSet<long>();
            foreach (var (pid, vid) in Pairs("props", props))
            {
                // The doc: the sale properties of sku_properties are given in props too.
                var property = category.Properties.FirstOrDefault(p => p.Pid == pid)
                    ?? throw TopApiException.InvalidArgument("props", "props: " + pid + " is not a property of category " + category.Cid + " (" + category.Name + ").");
                if (property.ValueName(vid) is null)
                    throw TopApiException.InvalidArgument("props", "props: " + vid + " is not a value of " + property.Name + " (" + pid + ").");
                given.Add(pid);
            }
            var inputs = inputPids?.Split(',') ?? Array.Empty<string>();
            var texts = inputStr?.Split(',') ?? Array.Empty<string>();
            if (inputs.Length != texts.Length)
                throw TopApiException.InvalidArgument("input_str", "input_str must give one value for each of the " + inputs.Length + " input_pids, got " + texts.Length + ".");
            foreach (var text in inputs)
            {
                var pid = ItemRules.Long("input_pids", text.Trim(), 1, long.MaxValue);
                var property = category.Properties.FirstOrDefault(p => p.Pid == pid && !p.IsSale);
                if (property is null || !property.IsInput)
                    throw TopApiException.InvalidArgument("input_pids", "input_pids: " + pid + " is not a property of category " + category.Cid + " that takes a typed value.");
                given.Add(pid);
            }
            var missing = category.Properties.Where(p => p.Must && !given.Contains(p.Pid)).ToList();
            if (missing.Count > 0)
                throw TopApiException.Business("isv.item-add-service-error:ERROR_MISSING_REQUIRED_PROPERTY",
                    "类目 " + category.Name + " 的必填属性未填写: " + string.Join(", ", missing.Select(p => p.Name + "(" + p.Pid + ")")));
        }

        /// <summary>The SKUs of sku_properties/sku_quantities/sku_prices/sku_outer_ids; none when sku_properties is not given.</summary>
        public static List<Sku> Skus(ApiCall call, ItemCategory category, long num, decimal price, Func<long> nextSkuId)
        {
            var skus = new List<Sku>();
            if (!(call.Optional("sku_properties") is string propertiesText)) return skus;
            var properties = propertiesText.Split(',');
            var quantities = (call.Optional("sku_quantities") ?? throw TopApiException.MissingArgument("sku_quantities")).Split(',');
            var prices = (call.Optional("sku_prices") ?? throw TopApiException.MissingArgument("sku_prices")).Split(',');
            var outerIds = call.Optional("sku_outer_ids")?.Split(',');
            if (quantities.Length != properties.Length || prices.Length != properties.Length || (outerIds != null && outerIds.Length != properties.Length))
                throw TopApiException.InvalidArgument("sku_properties", "sku_properties, sku_quantities, sku_prices and sku_outer_ids must have the same number of entries.");
            if (properties.Length > MaxSkus)
                throw TopApiException.InvalidArgument("sku_properties", "An item has at most " + MaxSkus + " SKUs, got " + properties.Length + ".");
            ItemRules.MaxBytes("sku_properties", propertiesText, MaxSkuListBytes);
            if (call.Optional("sku_outer_ids") is string outerIdsText) ItemRules.MaxBytes("sku_outer_ids", outerIdsText, MaxSkuListBytes);
            var inProps = new HashSet<(long, long)>(Pairs("props", call.Optional("props")));
            var aliases = Aliases(category, call.Optional("props"), call.Optional("property_alias"));
            string? pidSet = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < properties.Length; i++)
            {
                var (pairs, names) = SaleValues("sku_properties", properties[i], category, inProps, aliases);
                var pids = PidSet(pairs);
                if (pidSet != null && pids != pidSet)
                    throw TopApiException.InvalidArgument("sku_properties", "Every SKU must give the same sale properties.");
                pidSet = pids;
                if (!seen.Add(Key(pairs))) throw TopApiException.InvalidArgument("sku_properties", "sku_properties repeats " + properties[i] + ".");
                var outerId = outerIds?[i].Trim();
                if (outerId != null && ItemRules.GbkLength(outerId) > MaxSkuOuterIdBytes)
                    throw TopApiException.InvalidArgument("sku_outer_ids", "A SKU outer_id must not exceed " + MaxSkuOuterIdBytes + " bytes.");
                skus.Add(new Sku
                {
                    SkuId = nextSkuId(),
                    Properties = string.Join(";", pairs.Select(p => p.Pid + ":" + p.Vid)),
                    PropertiesName = names,
                    Quantity = ItemRules.Long("sku_quantities", quantities[i].Trim(), 0, ItemRules.MaxNum),
                    Price = ItemRules.Price("sku_prices", prices[i].Trim()),
                    OuterId = string.IsNullOrEmpty(outerId) ? null : outerId,
                    Created = call.Now,
                    Modified = call.Now,
                });
            }
            var total = skus.Sum(s => s.Quantity);
            if (total != num)
                throw TopApiException.InvalidArgument("num", "num must equal the sum of sku_quantities (" + total + "), got " + num + ".");
            CheckPriceWithin(price, skus);
            return skus;
        }

        /// <summary>
        /// taobao.item.sku.add: one more SKU of a listed item, with the same sale properties as its other SKUs, values
        /// its props give, and stock above zero (the API's doc: "取值范围:大于零的整数"). Checked, not yet added.
        /// </summary>
        public static Sku NewSku(ApiCall call, ItemCategory category, Item item, Func<long> nextSkuId)
        {
            var (pairs, names) = SaleValues("properties", call.Required("properties"), category, new HashSet<(long, long)>(Pairs("props", item.Props)), Aliases(category, item.Props, item.PropertyAlias));
            if (item.Skus.Count > 0)
            {
                var existing = item.Skus.Select(s => Pairs("properties", s.Properties).ToList()).ToList();
                if (PidSet(existing[0]) != PidSet(pairs))
                    throw TopApiException.InvalidArgument("properties", "properties must give the same sale properties as the item's other SKUs (" + existing[0].Count + " of them).");
                if (existing.Any(e => Key(e) == Key(pairs)))
                    throw TopApiException.Business("isv.sku-exist", "SKU已存在: properties " + call.Required("properties"));
            }
            if (item.Skus.Count >= MaxSkus)
                throw TopApiException.InvalidArgument("properties", "An item has at most " + MaxSkus + " SKUs.");
            var outerId = call.Optional("outer_id") is string text ? ItemRules.MaxBytes("outer_id", text.Trim(), MaxSkuOuterIdBytes) : null;
            return new Sku
            {
                SkuId = nextSkuId(),
                Properties = string.Join(";", pairs.Select(p => p.Pid + ":" + p.Vid)),
                PropertiesName = names,
                Quantity = ItemRules.Long("quantity", call.Required("quantity"), 1, ItemRules.MaxNum),
                Price = ItemRules.Price("price", call.Required("price")),
                OuterId = string.IsNullOrEmpty(outerId) ? null : outerId,
                Created = call.Now,
                Modified = call.Now,
            };
        }

        /// <summary>One SKU's pid:vid;pid:vid: sale properties of the category with their values, each also in props; a value the seller named goes by that name.</summary>
        private static (List<(long Pid, long Vid)> Pairs, string Names) SaleValues(string parameter, string text, ItemCategory category, HashSet<(long, long)> inProps, Dictionary<(long Pid, long Vid), string> aliases)
        {
            var names = new List<string>();
            var pairs = Pairs(parameter, text).ToList();
            foreach (var (pid, vid) in pairs)
            {
                var property = category.Properties.FirstOrDefault(p => p.Pid == pid && p.IsSale)
                    ?? throw TopApiException.InvalidArgument(parameter, parameter + ": " + pid + " is not a sale property of category " + category.Cid + " (" + category.Name + ").");
                var name = property.ValueName(vid)
                    ?? throw TopApiException.InvalidArgument(parameter, parameter + ": " + vid + " is not a value of " + property.Name + " (" + pid + ").");
                if (!inProps.Contains((pid, vid)))
                    throw TopApiException.InvalidArgument("props", "props must also give the sale properties of " + parameter + "; missing " + pid + ":" + vid + ".");
                names.Add(pid + ":" + vid + ":" + property.Name + ":" + (aliases.TryGetValue((pid, vid), out var alias) ? alias : name));
            }
            return (pairs, string.Join(";", names));
        }

        private static string PidSet(IEnumerable<(long Pid, long Vid)> pairs) => string.Join(",", pairs.Select(p => p.Pid).OrderBy(p => p));

        private static string Key(IEnumerable<(long Pid, long Vid)> pairs) => string.Join(";", pairs.OrderBy(p => p.Pid).Select(p => p.Pid + ":" + p.Vid));

        /// <summary>TOP: the item's price must lie between its SKUs' lowest and highest price.</summary>
        public static void CheckPriceWithin(decimal price, IReadOnlyCollection<Sku> skus)
        {
            if (skus.Count == 0) return;
            var low = skus.Min(s => s.Price);
            var high = skus.Max(s => s.Price);
            if (price < low || price > high)
                throw TopApiException.Business("isv.item-add-service-error:ERROR_PRICE_NOT_IN_SKU_RANGE",
                    "商品价格 " + Item.Money(price) + " 必须在SKU价格 " + Item.Money(low) + " 到 " + Item.Money(high) + " 之间");
        }

        private static IEnumerable<(long Pid, long Vid)> Pairs(string name, string? text)
        {
            if (string.IsNullOrEmpty(text)) yield break;
            foreach (var pair in text!.Split(';'))
            {
                if (pair.Length == 0) continue;
                var parts = pair.Split(':');
                if (parts.Length != 2
                    || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var vid))
                    throw TopApiException.InvalidArgument(name, name + " must be pid:vid;pid:vid, got '" + pair + "'.");
                yield return (pid, vid);
            }
        }
    }
}
