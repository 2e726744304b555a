using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace TaobaoTop.Core.Affiliate
{
    /// <summary>
    /// Finds the 淘口令 in a share text such as <c>89¥ CZ028 Z9YdVgTDJ2C¥ https://m.tb.cn/h.6o7DjAm 标题</c>: a run of
    /// 8–14 letters and digits with a letter in it. Today's share texts carry it in three ways: as <c>?tk=CODE</c> in
    /// the link; next to a currency sign or an emoji (<c>￥…￥</c>, <c>€…€</c>, <c>🎵…📲</c>), which is enough on one
    /// side; or between brackets and punctuation (<c>(…)</c>, <c>「…」</c>, <c>/…/</c>), which must close on both sides so
    /// a title in brackets is not taken for a code. Text it cannot read goes to 万能解析, which knows every code.
    /// </summary>
    public static class TbkPasswordText
    {
        private const int MinLength = 8;
        private const int MaxLength = 14;

        // 【】 is left out: share texts put the title in it (【淘宝】, 【iPhone15Pro】).
        private const string Brackets = "()[]{}<>/\\|:#*~^!（）《》«»「」『』〔〕〈〉［］｛｝＜＞｜：；，。！？、～·…";

        private static readonly Regex TkParameter = new Regex(@"[?&]tk=([A-Za-z0-9]{8,14})(?![A-Za-z0-9])", RegexOptions.CultureInvariant);
        private static readonly Regex UrlInText = new Regex(@"(?:https?:)?//[\x21-\x7E]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static bool TryFind(string? text, out string code)
        {
            text ??= string.Empty;
            var tk = TkParameter.Match(text);
            if (tk.Success)
            {
                code = tk.Groups[1].Value;
                return true;
            }
            // Path segments of links are no codes; blank the links out, keeping positions.
            var plain = UrlInText.Replace(text, m => new string(' ', m.Length));
            return TryFindWrapped(plain, strongOnly: true, out code) || TryFindWrapped(plain, strongOnly: false, out code);
        }

        private static bool TryFindWrapped(string text, bool strongOnly, out string code)
        {
            var start = 0;
            while (start < text.Length)
            {
                if (!IsAsciiAlphanumeric(text[start]))
                {
                    start++;
                    continue;
                }
                var end = start;
                while (end < text.Length && IsAsciiAlphanumeric(text[end])) end++;
                var length = end - start;
                if (length >= MinLength && length <= MaxLength && HasLetter(text, start, end))
                {
                    var before = start > 0 ? text[start - 1] : ' ';
                    var after = end < text.Length ? text[end] : ' ';
                    var found = strongOnly
                        ? IsStrong(Neighbour(text, start - 1, -1)) || IsStrong(Neighbour(text, end, +1))
                        : IsBracket(before) && IsBracket(after) && !LooksLikeWord(text.Substring(start, length));
                    if (found)
                    {
                        code = text.Substring(start, length);
                        return true;
                    }
                }
                start = end;
            }
            code = string.Empty;
            return false;
        }

        /// <summary>A currency sign (￥ ¥ € $ ₤ …) or an emoji: next to a code on one side is enough.</summary>
        private static bool IsStrong(char symbol)
        {
            if (char.IsSurrogate(symbol)) return true; // emoji outside the BMP: 🎵 📲 👉 💰
            switch (CharUnicodeInfo.GetUnicodeCategory(symbol))
            {
                case UnicodeCategory.CurrencySymbol:
                case UnicodeCategory.OtherSymbol: // ★ ☎ ✨ ❤
                    return true;
                case UnicodeCategory.NonSpacingMark: // U+FE0F after an emoji
                case UnicodeCategory.EnclosingMark: // U+20E3 keycap
                case UnicodeCategory.Format: // U+200D joiner
                    return symbol >= '\u2000';
                default:
                    return false;
            }
        }

        /// <summary>The first character from <paramref name="index"/> on that is not a space (share sheets write <c>￥ CODE ￥</c>).</summary>
        private static char Neighbour(string text, int index, int step)
        {
            while (index >= 0 && index < text.Length && (text[index] == ' ' || text[index] == '\u3000')) index += step;
            return index >= 0 && index < text.Length ? text[index] : ' ';
        }

        private static bool IsBracket(char symbol) => Brackets.IndexOf(symbol) >= 0;

        /// <summary>An English word in brackets — all one case, or capitalised — rather than a code, which mixes cases and digits.</summary>
        private static bool LooksLikeWord(string candidate)
        {
            if (candidate.Any(char.IsDigit)) return false;
            var tail = candidate.Substring(1);
            return tail == tail.ToLowerInvariant() || tail == tail.ToUpperInvariant();
        }

        private static bool HasLetter(string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (text[i] > '9') return true;
            }
            return false;
        }

        private static bool IsAsciiAlphanumeric(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
