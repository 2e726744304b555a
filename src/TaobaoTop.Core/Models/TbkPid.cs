using System;
using System.Globalization;
using System.Text.RegularExpressions;
using TaobaoTop.Core.Resources;

namespace TaobaoTop
{
    /// <summary>A promotion position id (PID), <c>mm_&lt;member&gt;_&lt;site&gt;_&lt;adzone&gt;</c>, as the Alimama console shows it.</summary>
    public sealed class TbkPid
    {
        private static readonly Regex Shape = new Regex(@"^mm_(\d{1,19})_(\d{1,19})_(\d{1,19})$", RegexOptions.CultureInvariant);

        public TbkPid(long memberId, long siteId, long adzoneId)
        {
            MemberId = memberId;
            SiteId = siteId;
            AdzoneId = adzoneId;
        }

        public long MemberId { get; }

        /// <summary>媒体 (site) id: the sc APIs name it with <c>site_id</c>.</summary>
        public long SiteId { get; }

        /// <summary>推广位 (adzone) id: the third number, the <c>adzone_id</c> of the dg APIs.</summary>
        public long AdzoneId { get; }

        public static bool TryParse(string? text, out TbkPid pid, out string problem)
        {
            pid = null!;
            var trimmed = (text ?? string.Empty).Trim();
            var match = Shape.Match(trimmed);
            if (!match.Success)
            {
                problem = CoreText.Format("PidShape", text);
                return false;
            }
            if (!long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var member)
                || !long.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var site)
                || !long.TryParse(match.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var adzone)
                || member == 0 || site == 0 || adzone == 0)
            {
                problem = CoreText.Format("PidNumbers", text);
                return false;
            }
            pid = new TbkPid(member, site, adzone);
            problem = string.Empty;
            return true;
        }

        public static TbkPid Parse(string text)
            => TryParse(text, out var pid, out var problem) ? pid : throw new FormatException(problem);

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "mm_{0}_{1}_{2}", MemberId, SiteId, AdzoneId);

        public override bool Equals(object? obj) => obj is TbkPid other && other.MemberId == MemberId && other.SiteId == SiteId && other.AdzoneId == AdzoneId;

        public override int GetHashCode() => (MemberId, SiteId, AdzoneId).GetHashCode();
    }
}
