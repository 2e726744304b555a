using System.Collections.Generic;
using System.Globalization;

namespace TaobaoTop.Core.Affiliate
{
    /// <summary>
    /// Finds the 淘口令 in a share text such as <c>89¥ CZ028 Z9YdVgTDJ2C¥ https://m.tb.cn/h.6o7DjAm 标题</c>: a run of
    /// 8–14 letters and digits next to a wrapping symbol. Share texts wrap it in ￥ or ¥, and in look-alikes
    /// (other currency signs, brackets, slashes) when a chat app filters the yen sign.
    /// </summary>
    public static class TbkPasswordText
    {
        private const string OtherWrappers = "()（）《》«»/€$£₤";

        public static bool TryFind(string? text, out string code)
        {
            foreach (var candidate in Candidates(text ?? string.Empty))
            {
                code = candidate;
                return true;
            }
            code = string.Empty;
            return false;
        }

        public static bool IsWrapper(char symbol)
            => OtherWrappers.IndexOf(symbol) >= 0 || CharUnicodeInfo.GetUnicodeCategory(symbol) == UnicodeCategory.CurrencySymbol;

        private static IEnumerable<string> Candidates(string text)
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
                var wrappedBefore = start > 0 && IsWrapper(text[start - 1]);
                var wrappedAfter = end < text.Length && IsWrapper(text[end]);
                if (length >= 8 && length <= 14 && (wrappedBefore || wrappedAfter)) yield return text.Substring(start, length);
                start = end;
            }
        }

        private static bool IsAsciiAlphanumeric(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
