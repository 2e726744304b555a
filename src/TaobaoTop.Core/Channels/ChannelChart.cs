using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace TaobaoTop.Core.Channels
{
    /// <summary>The report as a text bar chart of quality scores, best first, for a console or a chat message.</summary>
    public static class ChannelChart
    {
        public const int BarCells = 30;

        public static IList<string> Render(IEnumerable<ChannelReportRow> rows)
        {
            var ordered = rows.OrderBy(r => r.Rank).ThenBy(r => r.Channel, StringComparer.Ordinal).ToList();
            var nameCells = ordered.Select(r => Cells(r.Channel)).DefaultIfEmpty(0).Max();
            return ordered.Select(row =>
            {
                var filled = (int)Math.Round(row.QualityScore / 100m * BarCells, MidpointRounding.AwayFromZero);
                var line = new StringBuilder()
                    .Append(row.Rank.ToString(CultureInfo.InvariantCulture).PadLeft(2)).Append(' ')
                    .Append(row.Channel).Append(' ', nameCells - Cells(row.Channel) + 1)
                    .Append('█', filled).Append('░', BarCells - filled).Append(' ')
                    .Append(row.QualityScore.ToString("0.0", CultureInfo.InvariantCulture).PadLeft(5))
                    .Append("  adds ").Append(row.FirstAdds.ToString(CultureInfo.InvariantCulture))
                    .Append("  conv ").Append((row.ConversionRate * 100).ToString("0.0", CultureInfo.InvariantCulture)).Append('%')
                    .Append("  ROI ").Append(row.Roi?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-");
                if (row.SpikeWithoutConversion) line.Append("  ⚠ adds spike without conversion");
                if (row.OpenWindows.Length > 0) line.Append("  (open: ").Append(string.Join(", ", row.OpenWindows)).Append(')');
                return line.ToString();
            }).ToList();
        }

        /// <summary>Console cells: CJK and full-width characters take two.</summary>
        private static int Cells(string text) => text.Sum(c => c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6)) ? 2 : 1);
    }
}
