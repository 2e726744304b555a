using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Items
{
    /// <summary>How a price ends after the margin is applied; the price is always rounded up, so the margin holds.</summary>
    public enum PriceEnding
    {
        /// <summary>Up to the fen (0.01 yuan).</summary>
        Fen,

        /// <summary>Up to the next x.90.</summary>
        Point9,

        /// <summary>Up to the next x.99.</summary>
        Point99,

        /// <summary>Up to the next whole yuan.</summary>
        Whole,
    }

    /// <summary>
    /// A selling price from a cost (基于成本价): (cost × (1 + margin%) + add-on) ÷ (1 − platform fee%), rounded up to the
    /// fen and then up to the ending (.90, .99 or a whole yuan), then held within floor and ceiling. All decimal.
    /// </summary>
    public sealed class PriceRule
    {
        /// <summary>Markup on the cost in percent: 30 sells a 10.00 cost at 13.00.</summary>
        public decimal MarginPercent { get; set; }

        /// <summary>Yuan added after the margin (packaging, postage share).</summary>
        public decimal AddOn { get; set; }

        /// <summary>The platform's cut of the selling price in percent, grossed up so the margin is what is left.</summary>
        public decimal PlatformFeePercent { get; set; }

        public PriceEnding Ending { get; set; } = PriceEnding.Fen;

        public decimal? Floor { get; set; }

        public decimal? Ceiling { get; set; }

        /// <summary>The price for a cost; the problem (a fee of 100% or more, a negative cost) as text otherwise.</summary>
        public decimal PriceFor(decimal cost)
        {
            if (cost < 0) throw new ArgumentOutOfRangeException(nameof(cost), CoreText.Get("CostNegative"));
            if (PlatformFeePercent >= 100 || PlatformFeePercent < 0) throw new InvalidOperationException(CoreText.Get("PlatformFeeRange"));
            var raw = (cost * (100 + MarginPercent) / 100 + AddOn) * 100 / (100 - PlatformFeePercent);
            var price = Math.Ceiling(raw * 100) / 100;
            switch (Ending)
            {
                case PriceEnding.Point9: price = UpTo(price, 0.90m); break;
                case PriceEnding.Point99: price = UpTo(price, 0.99m); break;
                case PriceEnding.Whole: price = Math.Ceiling(price); break;
            }
            if (Floor is decimal floor && price < floor) price = floor;
            if (Ceiling is decimal ceiling && price > ceiling) price = ceiling;
            return decimal.Round(price, 2) + 0.00m;
        }

        private static decimal UpTo(decimal price, decimal cents)
        {
            var candidate = Math.Floor(price) + cents;
            return candidate >= price ? candidate : candidate + 1;
        }

        /// <summary>The rule in words, for -WhatIf and messages: "margin 30%, +5.00, fee 5%, up to .90, floor 9.90".</summary>
        public override string ToString()
        {
            var parts = new List<string> { CoreText.Format("PriceRuleMargin", MarginPercent.ToString("0.##", CultureInfo.InvariantCulture)) };
            if (AddOn != 0) parts.Add("+" + AddOn.ToString("0.00", CultureInfo.InvariantCulture));
            if (PlatformFeePercent != 0) parts.Add(CoreText.Format("PriceRuleFee", PlatformFeePercent.ToString("0.##", CultureInfo.InvariantCulture)));
            parts.Add(CoreText.Get(Ending switch { PriceEnding.Point9 => "PriceRuleUpToPoint9", PriceEnding.Point99 => "PriceRuleUpToPoint99", PriceEnding.Whole => "PriceRuleUpToWhole", _ => "PriceRuleUpToFen" }));
            if (Floor is decimal floor) parts.Add(CoreText.Format("PriceRuleFloor", floor.ToString("0.00", CultureInfo.InvariantCulture)));
            if (Ceiling is decimal ceiling) parts.Add(CoreText.Format("PriceRuleCeiling", ceiling.ToString("0.00", CultureInfo.InvariantCulture)));
            return string.Join(CoreText.Get("PriceRuleSeparator"), parts);
        }

        /// <summary>Ending by its usual names: .9/0.9/90, .99/0.99/99, whole/1/整数, fen/0.01.</summary>
        public static PriceEnding? ParseEnding(string text)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case ".9": case "0.9": case ".90": case "0.90": case "90": case "point9": return PriceEnding.Point9;
                case ".99": case "0.99": case "99": case "point99": return PriceEnding.Point99;
                case "whole": case "1": case "整数": case "元": return PriceEnding.Whole;
                case "fen": case "0.01": case "分": return PriceEnding.Fen;
                default: return null;
            }
        }
    }
}
