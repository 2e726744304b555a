using TaobaoTop.Core.Channels;
using Xunit;

namespace TaobaoTop.Core.Tests.Channels;

public class ChannelChartTests
{
    [Fact]
    public void Bars_follow_the_score_best_first_and_names_line_up_whatever_their_script()
    {
        var rows = new[]
        {
            new ChannelReportRow { Channel = "live", Rank = 2, QualityScore = 50m, FirstAdds = 30, ConversionRate = 0.1m, Roi = 0.2m, OpenWindows = new[] { "30d retention" } },
            new ChannelReportRow { Channel = "小红书", Rank = 1, QualityScore = 100m, FirstAdds = 40, ConversionRate = 0.15m, Roi = null, SpikeWithoutConversion = true },
        };

        var lines = ChannelChart.Render(rows);

        Assert.StartsWith(" 1 小红书 " + new string('█', 30) + " 100.0  adds 40  conv 15.0%  ROI -  ⚠", lines[0]);
        Assert.StartsWith(" 2 live   " + new string('█', 15) + new string('░', 15) + "  50.0  adds 30  conv 10.0%  ROI 0.20", lines[1]);
        Assert.EndsWith("(open: 30d retention)", lines[1]);
    }
}
