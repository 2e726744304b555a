using System;
using System.Globalization;
using System.Text.RegularExpressions;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Items
{
    /// <summary>A seller's item (num_iid) from what users paste: the id itself or the item's page link.</summary>
    public static class ItemReference
    {
        private static readonly Regex PageLink = new Regex(
            @"^https?://(item\.taobao\.com|detail\.tmall\.com|detail\.m\.tmall\.com|h5\.m\.taobao\.com|item\.m\.taobao\.com)/.*[?&](id|itemId)=(?<id>\d+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static bool TryParse(string? text, out long numIid)
        {
            numIid = 0;
            var trimmed = text?.Trim() ?? string.Empty;
            if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out numIid)) return numIid > 0;
            var match = PageLink.Match(trimmed);
            return match.Success && long.TryParse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out numIid) && numIid > 0;
        }

        public static long Parse(string? text)
            => TryParse(text, out var numIid)
                ? numIid
                : throw new FormatException(CoreText.Format("NotItemReference", text));
    }
}
