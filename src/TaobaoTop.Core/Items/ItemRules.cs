using System;
using System.Collections.Generic;
using System.Globalization;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Items
{
    /// <summary>The platform's rules for item.add, checked before anything is sent.</summary>
    public static class ItemRules
    {
        public const int MaxTitleBytes = 60;
        /// <summary>商家编码 (outer_id) and SKU编码: 64 bytes, as TOP's page and its 2023 metadata say (its 2013 metadata said 512; docs/item-limits.md).</summary>
        public const int MaxOuterIdBytes = 64;

        /// <summary>SKUs of one item (the emulator's rule; see docs/item-limits.md).</summary>
        public const int MaxSkus = 600;
        /// <summary>props: at most 35 pid:vid pairs and 549 bytes with the separators (TOP's item.add documentation).</summary>
        public const int MaxPropsPairs = 35;
        public const int MaxPropsBytes = 549;
        /// <summary>sku_properties and sku_outer_ids, each the whole parameter joined with commas (TOP's item.add documentation).</summary>
        public const int MaxSkuPropertiesBytes = 512;
        public const int MaxSkuOuterIdsBytes = 512;
        /// <summary>property_alias, pid:vid:name;… as a whole, in characters (TOP's newer metadata; older SDKs said 511 bytes).</summary>
        public const int MaxPropertyAliasChars = 800;
        /// <summary>Stock: TOP's current item.add page says 0 to 900,000,000 (an older SDK checked 999,999).</summary>
        public const long MaxQuantity = 900000000;
        public const decimal MinPrice = 0.01m;
        public const decimal MaxPrice = 100000000m;
        public const int MinDescriptionLength = 6;
        public const int MaxDescriptionLength = 24999;

        /// <summary>Length as Taobao counts it (GBK bytes): a Chinese or other non-ASCII character counts 2.</summary>
        public static int GbkLength(string text)
        {
            var length = 0;
            foreach (var c in text) length += c < 0x80 ? 1 : 2;
            return length;
        }

        /// <summary>
        /// The first of <paramref name="parts"/> that takes them, joined with a one-byte separator (',' or ';'), beyond
        /// <paramref name="maxBytes"/> (GBK bytes), with the whole joined length; null when they fit.
        /// </summary>
        public static (int Index, int Bytes)? FirstBeyond(IReadOnlyList<string> parts, int maxBytes)
        {
            var length = 0;
            int? first = null;
            for (var i = 0; i < parts.Count; i++)
            {
                length += (i > 0 ? 1 : 0) + GbkLength(parts[i]);
                if (length > maxBytes && first is null) first = i;
            }
            return first is int index ? (index, length) : ((int, int)?)null;
        }

        /// <summary>A yuan amount as <see cref="Money"/> reads it, with at most two decimals, 0.01 to 100000000.</summary>
        public static bool TryParsePrice(string text, out decimal price, out string? problem)
        {
            price = 0;
            if (!Money.TryParse(text, out var value, out problem)) return false;
            if (!Money.HasAtMostTwoDecimals(value))
            {
                problem = CoreText.Format("TooManyDecimals", text);
                return false;
            }
            if (value < MinPrice || value > MaxPrice)
            {
                problem = CoreText.Format("PriceOutOfRange", text);
                return false;
            }
            price = Money.ToFen(value);
            return true;
        }

        /// <summary>What is wrong with a price to be sent, or null: more than two decimals, or outside 0.01 to 100000000.</summary>
        public static string? PriceProblem(decimal price)
        {
            if (decimal.Round(price, 2) != price) return CoreText.Format("AmountTooManyDecimals", price.ToString(CultureInfo.InvariantCulture));
            if (price < MinPrice || price > MaxPrice) return CoreText.Format("AmountOutOfRange", price.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        /// <summary>A price changed by a percentage (-10 for 10% off), rounded half away from zero to the fen.</summary>
        public static decimal ChangeByPercent(decimal price, decimal percent)
            => decimal.Round(price * (100 + percent) / 100, 2, MidpointRounding.AwayFromZero) + 0.00m;

        /// <summary>Stock: a whole number from 0 to 900000000 ("12.0" from a spreadsheet counts as 12).</summary>
        public static bool TryParseQuantity(string text, out long quantity, out string? problem)
        {
            quantity = 0;
            if (!decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value != decimal.Truncate(value))
            {
                problem = CoreText.Format("NotWholeNumber", text);
                return false;
            }
            if (value < 0 || value > MaxQuantity)
            {
                problem = CoreText.Format("QuantityOutOfRange", text, MaxQuantity);
                return false;
            }
            quantity = (long)value;
            problem = null;
            return true;
        }

        private static readonly Dictionary<string, string> StuffStatuses = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["new"] = "new", ["全新"] = "new",
            ["second"] = "second", ["二手"] = "second",
            ["unused"] = "unused", ["闲置"] = "unused", ["未使用"] = "unused",
        };

        /// <summary>new / second / unused, or 全新 / 二手 / 闲置.</summary>
        public static string? StuffStatus(string text) => StuffStatuses.TryGetValue(text.Trim(), out var value) ? value : null;
    }
}
