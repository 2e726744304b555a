using System;
using System.Text.RegularExpressions;

namespace TaobaoTop.Core.Affiliate
{
    /// <summary>What a piece of user input names: an item id, an old numeric id, a URL, or a share text with a 淘口令.</summary>
    public enum TbkReferenceKind
    {
        Unrecognised,
        ItemId,

        /// <summary>A numeric id from before the upgrade to opaque ids; taobao.tbk.itemid.ineffective.transform maps it.</summary>
        LegacyItemId,
        Url,
        Password,
    }

    /// <summary>Classifies item input and pulls item ids out of item links.</summary>
    public static class TbkItemReference
    {
        private static readonly Regex ItemIdShape = new Regex(@"^[A-Za-z0-9][A-Za-z0-9_\-]{5,63}$", RegexOptions.CultureInvariant);
        private static readonly Regex Digits = new Regex(@"^\d{5,20}$", RegexOptions.CultureInvariant);
        private static readonly Regex UrlInText = new Regex(@"(?:https?:)?//[^\s，。！“”""'<>]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex ItemParameter = new Regex(@"[?&](?:id|itemId|item_id)=([A-Za-z0-9_\-]+)", RegexOptions.CultureInvariant);

        /// <summary>The kind of <paramref name="text"/> and its essential part (the id, the URL, or the text itself).</summary>
        public static TbkReferenceKind Classify(string? text, out string value)
        {
            value = (text ?? string.Empty).Trim();
            if (value.Length == 0) return TbkReferenceKind.Unrecognised;
            if (Digits.IsMatch(value)) return TbkReferenceKind.LegacyItemId;
            if (ItemIdShape.IsMatch(value) && HasLetter(value)) return TbkReferenceKind.ItemId;
            // A share text carries both a 淘口令 and a short link; the 淘口令 is what resolves to the item.
            if (TbkPasswordText.TryFind(value, out _)) return TbkReferenceKind.Password;
            var url = UrlInText.Match(value);
            if (url.Success)
            {
                value = url.Value.StartsWith("//", StringComparison.Ordinal) ? "https:" + url.Value : url.Value;
                return TbkReferenceKind.Url;
            }
            return TbkReferenceKind.Unrecognised;
        }

        /// <summary>The item id in an item link's query (<c>?id=</c>, <c>itemId=</c>, <c>item_id=</c>), or null.</summary>
        public static string? ItemIdInUrl(string? url)
        {
            var match = ItemParameter.Match(url ?? string.Empty);
            return match.Success ? Uri.UnescapeDataString(match.Groups[1].Value) : null;
        }

        public static bool IsLegacyItemId(string? id) => id != null && Digits.IsMatch(id);

        private static bool HasLetter(string text)
        {
            foreach (var c in text)
            {
                if (char.IsLetter(c)) return true;
            }
            return false;
        }
    }
}
