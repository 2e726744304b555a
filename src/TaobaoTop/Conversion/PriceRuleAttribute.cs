using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using TaobaoTop.Core;
using TaobaoTop.Core.Items;

namespace TaobaoTop.Conversion
{
    /// <summary>
    /// Binds -PriceRule from a hashtable: @{ Margin = 30; AddOn = 5; PlatformFee = 5; Ending = '.9'; Floor = 9.9; Ceiling = 999 }.
    /// Every amount goes through the one money parser; an unknown key is refused by name, so a typo never prices a shop.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class PriceRuleAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is null || value is PriceRule) return value;
            if (!(value is IDictionary table))
                throw new ArgumentTransformationMetadataException(Resources.Messages.Get("PriceRuleNotTable"));
            var rule = new PriceRule();
            foreach (DictionaryEntry entry in table)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                var text = Convert.ToString(entry.Value is PSObject p ? p.BaseObject : entry.Value, CultureInfo.InvariantCulture) ?? string.Empty;
                switch (key.ToLowerInvariant())
                {
                    case "margin": case "marginpercent": case "毛利率": rule.MarginPercent = Amount(key, text, allowNegative: true); break;
                    case "addon": case "加价": rule.AddOn = Amount(key, text, allowNegative: false); break;
                    case "platformfee": case "platformfeepercent": case "fee": case "平台费率": rule.PlatformFeePercent = Amount(key, text, allowNegative: false); break;
                    case "ending": case "rounding": case "尾数":
                        rule.Ending = PriceRule.ParseEnding(text) ?? throw new ArgumentTransformationMetadataException(Resources.Messages.Format("PriceRuleEnding", text));
                        break;
                    case "floor": case "最低价": rule.Floor = Amount(key, text, allowNegative: false); break;
                    case "ceiling": case "最高价": rule.Ceiling = Amount(key, text, allowNegative: false); break;
                    default:
                        throw new ArgumentTransformationMetadataException(Resources.Messages.Format("PriceRuleUnknownKey", key));
                }
            }
            if (rule.PlatformFeePercent >= 100) throw new ArgumentTransformationMetadataException(Resources.Messages.Get("PriceRuleFeeRange"));
            if (rule.Floor > rule.Ceiling) throw new ArgumentTransformationMetadataException(Resources.Messages.Get("PriceRuleFloorAboveCeiling"));
            return rule;
        }

        private static decimal Amount(string key, string text, bool allowNegative)
        {
            var negative = allowNegative && text.TrimStart().StartsWith("-", StringComparison.Ordinal);
            if (!Money.TryParse(negative ? text.TrimStart().Substring(1) : text, out var amount, out var problem))
                throw new ArgumentTransformationMetadataException(Resources.Messages.Format("PriceRuleAmountProblem", key, problem));
            return negative ? -amount : amount;
        }
    }
}
