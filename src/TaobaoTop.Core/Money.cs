using System;
using System.Globalization;
using System.Text.RegularExpressions;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core
{
    /// <summary>
    /// The one parser for money written as text (prices, costs, percentages): digits with an optional '.' and
    /// decimals, optionally with thousands groups of exactly three ("1,299.00"). A comma anywhere else ("59,90",
    /// "1,2345", "12,3") is refused rather than dropped: dropping it turns 59.90 into 5990.
    /// </summary>
    public static class Money
    {
        private static readonly Regex Grammar = new Regex(
            @"^(?<sign>-)?(?<whole>\d+|\d{1,3}(,\d{3})+)(\.(?<fraction>\d+))?$", RegexOptions.CultureInvariant);

        /// <summary>Parses <paramref name="text"/>; a leading ¥ or ￥ is allowed. On failure <paramref name="problem"/> says why, quoting the text.</summary>
        public static bool TryParse(string? text, out decimal amount, out string? problem)
        {
            amount = 0;
            var cleaned = (text ?? string.Empty).Trim();
            if (cleaned.Length > 0 && (cleaned[0] == '¥' || cleaned[0] == '￥')) cleaned = cleaned.Substring(1).TrimStart();
            var match = Grammar.Match(cleaned);
            if (!match.Success)
            {
                problem = CoreText.Format("MoneyNotYuan", text) + (cleaned.IndexOf(',') >= 0 ? CoreText.Get("MoneyCommaHint") : string.Empty);
                return false;
            }
            var digits = match.Groups["sign"].Value + match.Groups["whole"].Value.Replace(",", string.Empty)
                + (match.Groups["fraction"].Success ? "." + match.Groups["fraction"].Value : string.Empty);
            if (!decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
            {
                problem = CoreText.Format("MoneyTooLarge", text);
                return false;
            }
            problem = null;
            return true;
        }

        /// <summary>Whether an amount has at most two decimals (19.900 has two).</summary>
        public static bool HasAtMostTwoDecimals(decimal amount) => decimal.Round(amount, 2) == amount;

        /// <summary>An amount to the fen, written with two decimals whatever it was parsed from.</summary>
        public static decimal ToFen(decimal amount) => decimal.Round(amount, 2) + 0.00m;
    }
}
