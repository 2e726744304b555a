using System.Globalization;
using TaobaoTop.Emulator.WeCom;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.WeCom;

/// <summary>
/// The emulator's seeded month (six channel codes, known adds each) with a designed set of orders and departures on top:
/// the report must give exactly the designed conversions, retention, value and ROI per channel.
/// </summary>
public class ChannelReportAcceptanceTests : IDisposable
{
    // Per channel, in SyntheticChannelMonth.Channels order.
    private static readonly int[] Converted = { 6, 8, 2, 1, 3, 0 };
    private static readonly int[] Late = { 2, 1, 1, 0, 1, 0 };
    private static readonly int[] LeftBeforeDay7 = { 4, 10, 2, 3, 0, 6 };
    private static readonly int[] LeftBeforeDay15 = { 2, 0, 3, 1, 2, 0 };
    private static readonly int[] ChannelOnlyOrders = { 0, 3, 0, 2, 0, 1 };
    private static readonly decimal[] Cost = { 800m, 1500m, 300m, 400m, 200m, 900m };

    private readonly string _definition = Path.Combine(Path.GetTempPath(), "taobaotop-channels-" + Guid.NewGuid().ToString("N") + ".csv");

    public void Dispose() => File.Delete(_definition);

    private static string Csv(int[] values) => string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private string Script(string asOf)
    {
        var lines = new List<string> { "Channel,State,AdzoneId,RelationId,Cost" };
        for (var k = 0; k < SyntheticChannelMonth.Channels.Count; k++)
        {
            var channel = SyntheticChannelMonth.Channels[k];
            lines.Add($"{channel.Remark},{channel.State},{3100001 + k},,{Cost[k].ToString(CultureInfo.InvariantCulture)}");
        }
        File.WriteAllText(_definition, string.Join("\n", lines) + "\n");
        var states = string.Join(",", SyntheticChannelMonth.Channels.Select(c => "'" + c.State + "'"));
        return $$"""
            Connect-WeCom -Emulator
            $customers = @(Get-WeComCustomer -User sales01, sales02, sales03, sales04, sales05, sales06)
            $states = @({{states}})
            $converted = @({{Csv(Converted)}}); $late = @({{Csv(Late)}}); $left7 = @({{Csv(LeftBeforeDay7)}}); $left15 = @({{Csv(LeftBeforeDay15)}}); $channelOnly = @({{Csv(ChannelOnlyOrders)}})
            $orders = [System.Collections.Generic.List[TaobaoTop.TbkOrder]]::new()
            $n = 0
            function Order($paid, $amount, $income, $specialId, $adzoneId) {
                $script:n++
                $orders.Add([TaobaoTop.TbkOrder]@{ TradeId = "t$script:n"; TradeParentId = "t$script:n"; Status = 'Paid'; PaidTime = $paid; CreateTime = $paid; PaidAmount = $amount; EstimatedIncome = $income; SpecialId = $specialId; AdzoneId = $adzoneId })
            }
            for ($k = 0; $k -lt 6; $k++) {
                $mine = [TaobaoTop.WeComCustomer[]]@($customers | Where-Object State -eq $states[$k])
                $keys = [DateTimeOffset[]]@($mine | ForEach-Object AddedAt)
                [Array]::Sort($keys, $mine)
                $buyers = @($mine | Where-Object SpecialId)
                for ($i = 0; $i -lt $converted[$k]; $i++) { Order $buyers[$i].AddedAt.AddHours(24) 100 10 $buyers[$i].SpecialId $null }
                for ($i = $converted[$k]; $i -lt $converted[$k] + $late[$k]; $i++) { Order $buyers[$i].AddedAt.AddDays(5) 100 10 $buyers[$i].SpecialId $null }
                if ($k -eq 0) { Order $buyers[0].AddedAt.AddDays(2) 100 10 $buyers[0].SpecialId $null }
                for ($i = 0; $i -lt $channelOnly[$k]; $i++) { Order $mine[0].AddedAt.AddDays(1) 50 5 $null (3100001 + $k) }
                for ($i = 0; $i -lt $left7[$k]; $i++) { $mine[$mine.Count - 1 - $i].RemovedAt = $mine[$mine.Count - 1 - $i].AddedAt.AddDays(3) }
                for ($i = $left7[$k]; $i -lt $left7[$k] + $left15[$k]; $i++) { $mine[$mine.Count - 1 - $i].RemovedAt = $mine[$mine.Count - 1 - $i].AddedAt.AddDays(10) }
            }
            $asOf = {{asOf}}
            @($customers) + @($orders) | Measure-TaobaoChannel '{{_definition}}' -AsOf $asOf | ForEach-Object {
                $r = $_
                '{0}|{1}|{2}|{3}|{4}|{5}|{6}|{7}|{8}|{9}|{10}|{11}|{12}' -f $r.State, $r.FirstAdds, $r.Converted, $r.LateConverted,
                    (($r.Retention | ForEach-Object { '{0}:{1}/{2}' -f $_.Days, $_.Retained, $_.Eligible }) -join ' '),
                    $r.Gmv.ToString([cultureinfo]::InvariantCulture), $r.Commission.ToString([cultureinfo]::InvariantCulture), $r.Roi.ToString([cultureinfo]::InvariantCulture),
                    $r.RepeatBuyers, ($r.OpenWindows -join ' '), $r.Rank, $r.AsOf.Offset.TotalHours, @($customers | Where-Object State -eq $r.State).Count
            }
            """;
    }

    [Fact]
    public void A_seeded_month_of_six_channels_gives_exactly_the_designed_numbers_per_channel()
    {
        using var session = new ModuleSession();
        // Long after the month: every window has closed for every customer.
        var output = session.Ok(Script("[DateTime]::Now.Date.AddDays(40)")).Select(o => (string)o.BaseObject).ToList();

        Assert.Equal(6, output.Count);
        var rows = output.Select(line => line.Split('|')).ToDictionary(f => f[0]);
        for (var k = 0; k < 6; k++)
        {
            var channel = SyntheticChannelMonth.Channels[k];
            var row = rows[channel.State];
            // WeCom lists only the customers still there: the seeded month's departures and transfers are not in the list.
            var adds = int.Parse(row[12], CultureInfo.InvariantCulture);
            Assert.InRange(adds, 1, channel.Adds);
            var repeat = k == 0 ? 1 : 0;
            var commission = (Converted[k] + Late[k] + repeat) * 10m + ChannelOnlyOrders[k] * 5m;
            var gmv = (Converted[k] + Late[k] + repeat) * 100m + ChannelOnlyOrders[k] * 50m;
            var kept7 = adds - LeftBeforeDay7[k];
            var kept15 = kept7 - LeftBeforeDay15[k];
            Assert.Equal(adds.ToString(CultureInfo.InvariantCulture), row[1]);
            Assert.Equal(Converted[k].ToString(CultureInfo.InvariantCulture), row[2]);
            Assert.Equal(Late[k].ToString(CultureInfo.InvariantCulture), row[3]);
            Assert.Equal($"7:{kept7}/{adds} 15:{kept15}/{adds} 30:{kept15}/{adds}", row[4]);
            Assert.Equal(gmv, decimal.Parse(row[5], CultureInfo.InvariantCulture));
            Assert.Equal(commission, decimal.Parse(row[6], CultureInfo.InvariantCulture));
            Assert.Equal(Math.Round(commission / Cost[k], 2, MidpointRounding.AwayFromZero), decimal.Parse(row[7], CultureInfo.InvariantCulture));
            Assert.Equal(repeat.ToString(CultureInfo.InvariantCulture), row[8]);
            Assert.Equal(string.Empty, row[9]);
            Assert.Equal("8", row[11]);
        }
        // ROI: 小红书 90/800 = 0.11, 抖音 105/1500 = 0.07, 朋友圈 30/300 = 0.10, 电梯 20/400 = 0.05, 门店 40/200 = 0.20, 直播间 5/900 = 0.01.
        Assert.Equal(new[] { "0.11", "0.07", "0.10", "0.05", "0.20", "0.01" }, SyntheticChannelMonth.Channels.Select(c => rows[c.State][7]));
        // Scores (0.3 conversion, 0.2 mean retention, 0.2 commission per customer, 0.3 ROI, each over the best channel's)
        // rank 门店, 小红书, 抖音, 朋友圈, 电梯, 直播间: ROI and conversion dominate and the listed adds do not reorder them.
        Assert.Equal(new[] { "2", "3", "4", "5", "1", "6" }, SyntheticChannelMonth.Channels.Select(c => rows[c.State][10]));
    }

    [Fact]
    public void Within_the_month_the_report_says_the_30_day_windows_are_still_open()
    {
        using var session = new ModuleSession();
        var midMonth = SyntheticChannelMonth.MonthStart(DateTimeOffset.UtcNow).AddDays(20);
        var output = session.Ok(Script("'" + midMonth.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "'")).Select(o => (string)o.BaseObject).ToList();

        Assert.Equal(6, output.Count);
        foreach (var fields in output.Select(line => line.Split('|')))
        {
            // Twenty days into the month nobody is eligible for 30-day retention yet; later adds are not counted at all.
            Assert.InRange(int.Parse(fields[1], CultureInfo.InvariantCulture), 1, SyntheticChannelMonth.Channels.Single(c => c.State == fields[0]).Adds - 1);
            Assert.Contains("30d retention", fields[9]);
            Assert.Contains("30d value", fields[9]);
            Assert.EndsWith(" 30:0/0", fields[4]);
        }
    }

    [Fact]
    public void A_record_that_is_neither_customer_nor_order_is_an_error_naming_it_and_the_rest_still_counts()
    {
        File.WriteAllText(_definition, "Channel,State,Cost\n小红书,xhs_note,1200\n");
        using var session = new ModuleSession();
        var result = session.Run($$"""
            Connect-WeCom -Emulator
            $listed = @(Get-WeComCustomer -State xhs_note)
            $listed + @('not a customer') | Measure-TaobaoChannel '{{_definition}}' | ForEach-Object { $_.FirstAdds - $listed.Count }
            """);
        var error = Assert.Single(result.Errors);
        Assert.Equal("not a customer", error.TargetObject?.ToString());
        Assert.StartsWith("UnexpectedChannelInput", error.FullyQualifiedErrorId);
        Assert.Equal(0, result.Output.Single().BaseObject);
    }

    [Fact]
    public void A_definition_with_a_state_in_two_channels_stops_the_report_before_counting()
    {
        File.WriteAllText(_definition, "Channel,State,Cost\nA,xhs_note,1\nB,xhs_note,2\n");
        using var session = new ModuleSession();
        var result = session.Run($"Measure-TaobaoChannel '{_definition}' -Customer @()");
        var error = Assert.Single(result.Errors);
        Assert.Contains("state xhs_note belongs to more than one channel", error.Exception.Message);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Empty(result.Output);
    }
}
