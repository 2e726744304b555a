using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace TaobaoTop.Core.Channels
{
    /// <summary>
    /// The channel report as one self-contained HTML page: inline SVG charts (no script, no network) of daily adds,
    /// departures and net, retention curves, value and ROI bars, and the ranked table with open windows marked. Every
    /// chart is an <c>svg[data-chart]</c> and every series a <c>[data-series]</c> element, so a test can find them.
    /// </summary>
    public static class ChannelHtmlReport
    {
        private static readonly string[] Palette = { "#d9480f", "#1971c2", "#2f9e44", "#9c36b5", "#e67700", "#0c8599", "#c2255c", "#5c940d", "#495057", "#3b5bdb" };
        private const int Width = 560;
        private const int Height = 220;
        private const int Left = 44;
        private const int Right = 12;
        private const int Top = 14;
        private const int Bottom = 28;

        public static string Render(IList<ChannelReportRow> rows, IList<ChannelDayRow> daily, ChannelValueBasis valueBasis)
        {
            var channels = rows.Select(r => r.Channel).ToList();
            string Color(string channel) => Palette[channels.IndexOf(channel) % Palette.Length];
            var asOf = rows.Count > 0 ? rows[0].AsOf : DateTimeOffset.MinValue;
            var unknown = rows.SelectMany(r => r.Retention).Any(r => r.IsUnknown);
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
            html.Append("<title>渠道报告 Channel report ").Append(Text(asOf.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append("</title><style>");
            html.Append("body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#212529;background:#fff}");
            html.Append("h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}.note{color:#868e96;font-size:13px}");
            html.Append(".grid{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0}figcaption{font-size:13px;color:#495057;margin-bottom:4px}");
            html.Append("svg{background:#f8f9fa;border:1px solid #dee2e6}svg text{font-size:11px;fill:#495057}");
            html.Append(".legend{display:flex;flex-wrap:wrap;gap:12px;font-size:13px;margin:8px 0}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}");
            html.Append("table{border-collapse:collapse;font-size:13px}th,td{border-bottom:1px solid #dee2e6;padding:4px 10px;text-align:right}th:nth-child(2),td:nth-child(2){text-align:left}");
            html.Append(".open{color:#e67700}.unknown{color:#868e96;font-style:italic}</style></head><body>\n");
            html.Append("<h1>渠道报告 Channel report</h1><p class=\"note\">As of ").Append(Text(asOf.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)))
                .Append(". * marks an open window: some customers have not reached it, the number can still change.");
            if (unknown) html.Append(" Retention is unknown: the input had no departure data (contact events or snapshots).");
            html.Append("</p>\n<div class=\"legend\">");
            foreach (var channel in channels) html.Append("<span><i style=\"background:").Append(Color(channel)).Append("\"></i>").Append(Text(channel)).Append("</span>");
            html.Append("</div>\n");

            var days = daily.Select(d => d.Day).Distinct().OrderBy(d => d).ToList();
            html.Append("<h2>Adds, departures and net per day 每日新增、流失、净增</h2><div class=\"grid\">");
            html.Append(LineChart("adds", "Adds 新增", days, channels.Select(c => (c, Color(c), days.Select(d => (double?)daily.FirstOrDefault(x => x.Channel == c && x.Day == d)?.Adds).ToArray())).ToList()));
            if (daily.Any(d => d.Departures.HasValue))
            {
                html.Append(LineChart("departures", "Departures 流失", days, channels.Select(c => (c, Color(c), days.Select(d => (double?)daily.FirstOrDefault(x => x.Channel == c && x.Day == d)?.Departures).ToArray())).ToList()));
                html.Append(LineChart("net", "Net 净增", days, channels.Select(c => (c, Color(c), days.Select(d => (double?)daily.FirstOrDefault(x => x.Channel == c && x.Day == d)?.Net).ToArray())).ToList()));
            }
            html.Append("</div>\n");

            html.Append("<h2>Retention 留存</h2><div class=\"grid\">");
            html.Append(unknown ? "<p class=\"unknown\">Unknown: no departure data. Pipe in Get-WeComContactEvent or Sync-WeComCustomer -History.</p>" : RetentionChart(rows, Color));
            html.Append("</div>\n");

            html.Append("<h2>Value and ROI 价值与投入产出</h2><div class=\"grid\">");
            html.Append(BarChart("value", (valueBasis == ChannelValueBasis.Gmv ? "GMV" : "Commission 佣金") + " per customer, yuan", rows.Select(r => (r.Channel, Color(r.Channel), (double)(valueBasis == ChannelValueBasis.Gmv ? r.GmvPerCustomer : r.CommissionPerCustomer))).ToList()));
            html.Append(BarChart("roi", "ROI", rows.Select(r => (r.Channel, Color(r.Channel), (double)(r.Roi ?? 0))).ToList()));
            html.Append("</div>\n");

            html.Append("<h2>Quality score 质量分</h2><table data-table=\"ranking\"><thead><tr><th>Rank</th><th>Channel</th><th>Score</th><th>Adds</th><th>Conversion</th>");
            foreach (var retention in rows.FirstOrDefault()?.Retention ?? Array.Empty<ChannelRetention>()) html.Append("<th>").Append(retention.Days).Append("d retention</th>");
            html.Append("<th>淘口令 PV</th><th>淘口令 UV</th><th>Commission</th><th>Refunded</th><th>ROI</th><th>Open windows</th></tr></thead><tbody>");
            foreach (var row in rows.OrderBy(r => r.Rank).ThenBy(r => r.Channel, StringComparer.Ordinal))
            {
                html.Append("<tr><td>").Append(row.Rank).Append("</td><td>").Append(Text(row.Channel)).Append("</td><td>").Append(Number(row.QualityScore, "0.00"))
                    .Append("</td><td>").Append(row.FirstAdds).Append("</td><td>").Append(Number(row.ConversionRate * 100, "0.0")).Append("%</td>");
                foreach (var retention in row.Retention)
                {
                    if (retention.IsUnknown) html.Append("<td class=\"unknown\">unknown</td>");
                    else if (retention.Rate is decimal rate) html.Append(retention.IsOpen ? "<td class=\"open\">" : "<td>").Append(Number(rate * 100, "0.0")).Append('%').Append(retention.IsOpen ? "*" : string.Empty).Append("</td>");
                    else html.Append(retention.IsOpen ? "<td class=\"open\">–*</td>" : "<td>–</td>");
                }
                html.Append("<td>").Append(row.PasswordPv?.ToString(CultureInfo.InvariantCulture) ?? "–").Append("</td><td>").Append(row.PasswordUv?.ToString(CultureInfo.InvariantCulture) ?? "–").Append("</td>");
                html.Append("<td>").Append(Number(row.Commission, "0.00")).Append("</td><td>").Append(Number(row.RefundedCommission, "0.00")).Append("</td><td>")
                    .Append(row.Roi is decimal roi ? Number(roi, "0.00") : "–").Append("</td><td class=\"open\">").Append(Text(string.Join(", ", row.OpenWindows))).Append("</td></tr>");
            }
            html.Append("</tbody></table>\n</body></html>\n");
            return html.ToString();
        }

        private static string LineChart(string id, string title, List<DateTime> days, List<(string Name, string Color, double?[] Values)> series)
        {
            var max = Math.Max(1, series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).DefaultIfEmpty(0).Max());
            var min = Math.Min(0, series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).DefaultIfEmpty(0).Min());
            double X(int i) => Left + (days.Count <= 1 ? 0 : (double)i / (days.Count - 1) * (Width - Left - Right));
            double Y(double v) => Top + (max - v) / (max - min) * (Height - Top - Bottom);
            var svg = Frame(id, title, min, max, Y);
            if (days.Count > 0)
            {
                svg.Append(Label(Left, Height - 8, days[0].ToString("MM-dd", CultureInfo.InvariantCulture), "start"));
                svg.Append(Label(Width - Right, Height - 8, days[days.Count - 1].ToString("MM-dd", CultureInfo.InvariantCulture), "end"));
            }
            foreach (var (name, color, values) in series)
            {
                var points = string.Join(" ", values.Select((v, i) => (v, i)).Where(p => p.v.HasValue).Select(p => Coordinate(X(p.i)) + "," + Coordinate(Y(p.v!.Value))));
                svg.Append("<polyline data-series=\"").Append(Text(name)).Append("\" fill=\"none\" stroke=\"").Append(color).Append("\" stroke-width=\"1.6\" points=\"").Append(points).Append("\"><title>").Append(Text(name)).Append("</title></polyline>");
            }
            return Close(svg, title);
        }

        private static string RetentionChart(IList<ChannelReportRow> rows, Func<string, string> color)
        {
            var windows = rows.FirstOrDefault()?.Retention.Select(r => r.Days).ToList() ?? new List<int>();
            var lastDay = Math.Max(1, windows.DefaultIfEmpty(1).Max());
            double X(int day) => Left + (double)day / lastDay * (Width - Left - Right);
            double Y(double rate) => Top + (1 - rate) * (Height - Top - Bottom);
            const string Title = "Retention by day after the add 留存曲线 (hollow = open window)";
            var svg = Frame("retention", Title, 0, 1, Y, percent: true);
            foreach (var day in windows) svg.Append(Label(X(day), Height - 8, day.ToString(CultureInfo.InvariantCulture) + "d", "middle"));
            foreach (var row in rows)
            {
                var known = row.Retention.Where(r => r.Rate.HasValue).ToList();
                var points = new[] { Coordinate(X(0)) + "," + Coordinate(Y(1)) }.Concat(known.Select(r => Coordinate(X(r.Days)) + "," + Coordinate(Y((double)r.Rate!.Value))));
                svg.Append("<g data-series=\"").Append(Text(row.Channel)).Append("\"><title>").Append(Text(row.Channel + " " + row.RetentionText)).Append("</title><polyline fill=\"none\" stroke=\"")
                    .Append(color(row.Channel)).Append("\" stroke-width=\"1.6\" points=\"").Append(string.Join(" ", points)).Append("\"/>");
                foreach (var r in known)
                {
                    svg.Append("<circle cx=\"").Append(Coordinate(X(r.Days))).Append("\" cy=\"").Append(Coordinate(Y((double)r.Rate!.Value))).Append("\" r=\"3.5\" stroke=\"").Append(color(row.Channel))
                        .Append("\" fill=\"").Append(r.IsOpen ? "#fff" : color(row.Channel)).Append("\"/>");
                }
                svg.Append("</g>");
            }
            return Close(svg, Title);
        }

        private static string BarChart(string id, string title, List<(string Name, string Color, double Value)> bars)
        {
            var max = Math.Max(0.01, bars.Select(b => b.Value).DefaultIfEmpty(0).Max());
            var min = Math.Min(0, bars.Select(b => b.Value).DefaultIfEmpty(0).Min());
            double Y(double v) => Top + (max - v) / (max - min) * (Height - Top - Bottom);
            var svg = Frame(id, title, min, max, Y);
            var slot = (double)(Width - Left - Right) / Math.Max(1, bars.Count);
            for (var i = 0; i < bars.Count; i++)
            {
                var (name, color, value) = bars[i];
                var x = Left + i * slot + slot * 0.15;
                var top = Y(Math.Max(0, value));
                var height = Math.Abs(Y(value) - Y(0));
                svg.Append("<rect data-series=\"").Append(Text(name)).Append("\" x=\"").Append(Coordinate(x)).Append("\" y=\"").Append(Coordinate(top)).Append("\" width=\"").Append(Coordinate(slot * 0.7))
                    .Append("\" height=\"").Append(Coordinate(Math.Max(height, 0.5))).Append("\" fill=\"").Append(color).Append("\"><title>").Append(Text(name + " " + value.ToString("0.00", CultureInfo.InvariantCulture))).Append("</title></rect>");
                svg.Append(Label(x + slot * 0.35, Height - 8, name.Length > 6 ? name.Substring(0, 6) : name, "middle"));
            }
            return Close(svg, title);
        }

        private static StringBuilder Frame(string id, string title, double min, double max, Func<double, double> y, bool percent = false)
        {
            var svg = new StringBuilder();
            svg.Append("<figure><figcaption>").Append(Text(title)).Append("</figcaption><svg data-chart=\"").Append(id).Append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Width)
                .Append("\" height=\"").Append(Height).Append("\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(Height).Append("\" role=\"img\" aria-label=\"").Append(Text(title)).Append("\">");
            for (var k = 0; k <= 4; k++)
            {
                var value = min + (max - min) * k / 4;
                var at = Coordinate(y(value));
                svg.Append("<line x1=\"").Append(Left).Append("\" x2=\"").Append(Width - Right).Append("\" y1=\"").Append(at).Append("\" y2=\"").Append(at).Append("\" stroke=\"#dee2e6\"/>");
                svg.Append(Label(Left - 4, y(value) + 4, percent ? (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : value.ToString(max - min >= 8 ? "0" : "0.#", CultureInfo.InvariantCulture), "end"));
            }
            return svg;
        }

        private static string Close(StringBuilder svg, string title) => svg.Append("</svg></figure>").ToString();

        private static string Label(double x, double y, string text, string anchor)
            => "<text x=\"" + Coordinate(x) + "\" y=\"" + Coordinate(y) + "\" text-anchor=\"" + anchor + "\">" + Text(text) + "</text>";

        private static string Coordinate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

        private static string Number(decimal value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

        private static string Text(string text) => WebUtility.HtmlEncode(text);
    }
}
