using TaobaoTop.Core.WeCom;
using TaobaoTop.Core.Channels;
using Xunit;

namespace TaobaoTop.Core.Tests.Channels;

/// <summary>The report's arithmetic on a small month worked out by hand (see each expectation's comment).</summary>
public class ChannelReportTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset AsOf = At(11, 30, 12);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, China);

    private static readonly ChannelDefinition Xhs = new("小红书", "xhs", new long[] { 101 }, Array.Empty<long>(), 100m);
    private static readonly ChannelDefinition Douyin = new("抖音", "dy", Array.Empty<long>(), new long[] { 201 }, 50m);
    private static readonly ChannelDefinition AffiliateOnly = new("导购站", null, new long[] { 301 }, Array.Empty<long>(), 0m);

    private static WeComCustomer Customer(string id, string? state, DateTimeOffset added, long? specialId = null, DateTimeOffset? removed = null, string user = "sales01")
        => new() { ExternalUserId = id, UserId = user, State = state, AddedAt = added, SpecialId = specialId, RemovedAt = removed };

    private static TbkOrder Order(string tradeId, DateTimeOffset paid, decimal amount, decimal income, long? specialId = null, long? relationId = null, long? adzoneId = null, TbkOrderStatus status = TbkOrderStatus.Paid)
        => new() { TradeId = tradeId, TradeParentId = tradeId, PaidTime = paid, CreateTime = paid.AddMinutes(-1), PaidAmount = amount, EstimatedIncome = income, SpecialId = specialId, RelationId = relationId, AdzoneId = adzoneId, Status = status };

    private static (IList<ChannelReportRow> Rows, ChannelReport Report) Month()
    {
        var (customers, orders) = MonthRecords();
        var report = new ChannelReport(new[] { Xhs, Douyin, AffiliateOnly }, new ChannelReportOptions { AsOf = AsOf });
        return (report.Compute(customers, orders), report);
    }

    private static (WeComCustomer[] Customers, TbkOrder[] Orders) MonthRecords()
    {
        var customers = new[]
        {
            Customer("a1", "xhs", At(11, 1, 10), specialId: 1),
            Customer("a2", "xhs", At(11, 1, 12), specialId: 2, removed: At(11, 5, 10)),
            Customer("a2", "dy", At(11, 3, 9), user: "sales02", removed: At(11, 5, 10)),
            Customer("a3", "xhs", At(11, 28, 10), specialId: 3),
            Customer("b1", "dy", At(11, 10, 9), specialId: 4),
            Customer("b2", "dy", At(11, 10, 9, 30)),
            Customer("u1", "", At(11, 12, 9)),
        };
        var orders = new[]
        {
            Order("o1", At(11, 2, 9), 100m, 10m, specialId: 1),
            Order("o1", At(11, 2, 9), 100m, 10m, specialId: 1),
            Order("o2", At(11, 8, 10), 50m, 5m, specialId: 1),
            Order("o3", At(11, 6, 13), 80m, 8m, specialId: 2),
            Order("o4", At(11, 29, 9), 30m, 3m, specialId: 3),
            Order("o5", At(11, 9, 9), 70m, 7m, specialId: 4, relationId: 201),
            Order("o6", At(11, 11, 9), 200m, 20m, relationId: 201),
            Order("o7", At(11, 12, 9), 60m, 6m, adzoneId: 101),
            Order("o8", At(11, 13, 9), 40m, 4m, adzoneId: 301),
            Order("o9", At(11, 3, 9), 999m, 99m, specialId: 1, status: TbkOrderStatus.Closed),
            Order("o10", At(11, 14, 9), 20m, 2m, specialId: 99, adzoneId: 101),
            Order("o11", At(11, 15, 9), 10m, 1m, adzoneId: 999),
            Order("o12", At(12, 1, 9), 500m, 50m, adzoneId: 101),
        };
        return (customers, orders);
    }

    [Fact]
    public void First_adds_count_each_customer_once_for_the_channel_of_their_earliest_add()
    {
        var (rows, report) = Month();
        Assert.Equal(new[] { 3, 2, 0 }, rows.Select(r => r.FirstAdds));
        Assert.Equal(1, report.UnattributedCustomers);
    }

    [Fact]
    public void Conversion_counts_first_orders_within_72_hours_and_late_ones_separately()
    {
        var (rows, _) = Month();
        var xhs = rows[0];
        // a1 bought 23 h after adding, a3 23 h after; a2 first bought on day 5 (late).
        Assert.Equal(2, xhs.Converted);
        Assert.Equal(0.6667m, xhs.ConversionRate);
        Assert.Equal(1, xhs.LateConverted);
        // b1's only order came before the add: not a conversion, and not the channel's either.
        Assert.Equal(0, rows[1].Converted);
        Assert.Equal(0, rows[1].LateConverted);
    }

    [Fact]
    public void Retention_counts_only_customers_whose_window_closed()
    {
        var (rows, _) = Month();
        var xhs = rows[0].Retention;
        // a1 and a2 were added 29 days ago; a2 left both members on day 4. a3 (2 days ago) is not yet eligible.
        Assert.Equal(new[] { 7, 15, 30 }, xhs.Select(r => r.Days));
        Assert.Equal((2, 1, 0.5m, true), (xhs[0].Eligible, xhs[0].Retained, xhs[0].Rate, xhs[0].IsOpen));
        Assert.Equal((2, 1, 0.5m, true), (xhs[1].Eligible, xhs[1].Retained, xhs[1].Rate, xhs[1].IsOpen));
        Assert.Equal((0, 0, (decimal?)null, true), (xhs[2].Eligible, xhs[2].Retained, xhs[2].Rate, xhs[2].IsOpen));
        var douyin = rows[1].Retention;
        Assert.Equal(new decimal?[] { 1m, 1m, null }, douyin.Select(r => r.Rate));
    }

    [Fact]
    public void Value_adds_customer_orders_in_the_value_window_and_channel_only_orders_once_each()
    {
        var (rows, report) = Month();
        var xhs = rows[0];
        // a1: o1 (once) + o2; a2: o3; a3: o4; channel only by adzone 101: o7, o10 (unknown special id). o9 closed, o12 after AsOf.
        Assert.Equal(4, xhs.CustomerOrders);
        Assert.Equal(2, xhs.ChannelOrders);
        Assert.Equal(340.00m, xhs.Gmv);
        Assert.Equal(34.00m, xhs.Commission);
        Assert.Equal(1, xhs.RepeatBuyers);
        Assert.Equal(113.33m, xhs.GmvPerCustomer);
        Assert.Equal(11.33m, xhs.CommissionPerCustomer);
        Assert.Equal(0.34m, xhs.Roi);
        // Douyin: o6 by relation id only.
        Assert.Equal((200.00m, 20.00m, 0.40m), (rows[1].Gmv, rows[1].Commission, rows[1].Roi));
        Assert.Equal((40.00m, 4.00m, (decimal?)null), (rows[2].Gmv, rows[2].Commission, rows[2].Roi));
        Assert.Equal(1, report.UnattributedOrders);
    }

    [Fact]
    public void Succeeded_refunds_come_off_the_channel_they_refund_and_say_how_much()
    {
        var (customers, orders) = MonthRecords();
        TbkRefundOrder Refund(string tradeId, TbkRefundStatus status, decimal amount, decimal returned, long? specialId = null)
            => new() { TradeId = tradeId, Status = status, RefundAmount = amount, ReturnedCommission = returned, SpecialId = specialId, RefundFinishedTime = At(11, 20, 9) };
        var refunds = new[]
        {
            Refund("o3", TbkRefundStatus.Succeeded, 80m, 8m),
            Refund("o9", TbkRefundStatus.Succeeded, 999m, 99m, specialId: 1),
            Refund("o6", TbkRefundStatus.Failed, 200m, 20m),
            Refund("x1", TbkRefundStatus.Succeeded, 30m, 3m, specialId: 4),
        };
        var rows = new ChannelReport(new[] { Xhs, Douyin, AffiliateOnly }, new ChannelReportOptions { AsOf = AsOf }).Compute(customers, orders, refunds);
        // o3 was counted for 小红书; o9 (closed) never counted, so its refund takes nothing; o6's refund failed; x1 is not in the
        // orders but carries b1's special id (抖音).
        Assert.Equal((1, 80.00m, 8.00m, 260.00m, 26.00m, 0.26m), (rows[0].RefundedOrders, rows[0].RefundedAmount, rows[0].RefundedCommission, rows[0].Gmv, rows[0].Commission, rows[0].Roi));
        Assert.Equal((1, 3.00m, 170.00m, 17.00m), (rows[1].RefundedOrders, rows[1].RefundedCommission, rows[1].Gmv, rows[1].Commission));
    }

    [Fact]
    public void The_daily_trend_counts_adds_and_customers_who_left_every_member()
    {
        var (customers, orders) = MonthRecords();
        var report = new ChannelReport(new[] { Xhs, Douyin, AffiliateOnly }, new ChannelReportOptions { AsOf = AsOf });
        report.Compute(customers, orders);
        var xhs = report.Daily.Where(d => d.Channel == Xhs.Name).ToList();
        Assert.Equal(30, xhs.Count);
        Assert.Equal(new DateTime(2026, 11, 1), xhs[0].Day);
        Assert.Equal((2, 0, 2), (xhs[0].Adds, xhs[0].Departures, xhs[0].Net));
        Assert.Equal((0, 1, -1), (xhs[4].Adds, xhs[4].Departures, xhs[4].Net));
        Assert.Equal(3, xhs.Sum(d => d.Adds));
    }

    [Fact]
    public void Roi_on_gmv_when_asked()
    {
        var report = new ChannelReport(new[] { Xhs }, new ChannelReportOptions { AsOf = AsOf, ValueBasis = ChannelValueBasis.Gmv });
        var row = report.Compute(new[] { Customer("a1", "xhs", At(11, 1, 10), specialId: 1) }, new[] { Order("o1", At(11, 2, 9), 123.45m, 1m, specialId: 1) }).Single();
        Assert.Equal(1.23m, row.Roi);
    }

    [Fact]
    public void The_report_says_which_windows_are_still_open()
    {
        var (rows, _) = Month();
        Assert.Equal(new[] { "72h conversion", "7d retention", "15d retention", "30d retention", "30d value" }, rows[0].OpenWindows);
        Assert.Equal(new[] { "30d retention", "30d value" }, rows[1].OpenWindows);
        Assert.Empty(rows[2].OpenWindows);
    }

    [Fact]
    public void Quality_score_weighs_each_metric_against_the_best_channel_and_ranks()
    {
        var (rows, _) = Month();
        // 小红书: 0.3·1 + 0.2·(0.5/1) + 0.2·(11.33/11.33) + 0.3·(0.34/0.40) = 0.855
        // 抖音: 0 + 0.2·1 + 0.2·(10.00/11.33) + 0.3·1 = 0.67652
        Assert.Equal(new[] { 85.50m, 67.65m, 0m }, rows.Select(r => r.QualityScore));
        Assert.Equal(new[] { 1, 2, 3 }, rows.Select(r => r.Rank));
    }

    [Fact]
    public void Weights_change_the_ranking()
    {
        var options = new ChannelReportOptions { AsOf = AsOf, ConversionWeight = 0, RetentionWeight = 1, ValueWeight = 0, RoiWeight = 0 };
        var (customers, orders) = (new[] { Customer("a1", "xhs", At(11, 1, 10), removed: At(11, 2, 10)), Customer("b1", "dy", At(11, 1, 10)) }, Array.Empty<TbkOrder>());
        var rows = new ChannelReport(new[] { Xhs, Douyin }, options).Compute(customers, orders);
        Assert.Equal(new[] { 2, 1 }, rows.Select(r => r.Rank));
        Assert.Equal(new[] { 0m, 100m }, rows.Select(r => r.QualityScore));
    }

    [Fact]
    public void A_spike_of_adds_that_does_not_convert_is_flagged_and_one_that_converts_is_not()
    {
        var spiky = new ChannelDefinition("电梯", "elevator", Array.Empty<long>(), Array.Empty<long>(), 10m);
        var steady = new ChannelDefinition("门店", "store", Array.Empty<long>(), Array.Empty<long>(), 10m);
        var customers = new List<WeComCustomer>();
        var orders = new List<TbkOrder>();
        var specialId = 1000L;
        foreach (var (state, converts) in new[] { ("elevator", false), ("store", true) })
        {
            // Nine quiet days with one add, then twelve adds on Nov 10: mean 2.1 a day, so 6.3 or more is a spike.
            for (var day = 1; day <= 9; day++) customers.Add(Customer(state + day, state, At(11, day, 10)));
            for (var i = 0; i < 12; i++)
            {
                customers.Add(Customer(state + "-spike" + i, state, At(11, 10, 10, i), specialId: ++specialId));
                if (converts && i % 2 == 0) orders.Add(Order("t" + specialId, At(11, 11, 10), 10m, 1m, specialId: specialId));
            }
        }
        var rows = new ChannelReport(new[] { spiky, steady }, new ChannelReportOptions { AsOf = AsOf, FlagSpikes = true }).Compute(customers, orders);

        Assert.Equal(new[] { new DateTime(2026, 11, 10) }, rows[0].SpikeDays);
        Assert.True(rows[0].SpikeWithoutConversion);
        Assert.Equal(new[] { new DateTime(2026, 11, 10) }, rows[1].SpikeDays);
        Assert.False(rows[1].SpikeWithoutConversion);
        var unflagged = new ChannelReport(new[] { spiky, steady }, new ChannelReportOptions { AsOf = AsOf }).Compute(customers, orders);
        Assert.All(unflagged, r => Assert.False(r.SpikeWithoutConversion));
    }

    [Fact]
    public void Configurable_windows_move_conversions_and_retention()
    {
        var options = new ChannelReportOptions { AsOf = AsOf, ConversionWindow = TimeSpan.FromDays(7), RetentionDays = new[] { 3 }, ValueDays = 6 };
        var (rowsDefault, _) = Month();
        var rows = new ChannelReport(new[] { Xhs, Douyin, AffiliateOnly }, options).Compute(
            new[] { Customer("a1", "xhs", At(11, 1, 10), specialId: 1), Customer("a2", "xhs", At(11, 1, 12), specialId: 2, removed: At(11, 5, 10)) },
            new[] { Order("o2", At(11, 8, 10), 50m, 5m, specialId: 1), Order("o3", At(11, 6, 13), 80m, 8m, specialId: 2) });
        // a2's day-5 order converts within 7 days; a1's day-7 order falls outside the 6-day value window.
        Assert.Equal(1, rows[0].Converted);
        Assert.Equal(80m, rows[0].Gmv);
        Assert.Equal(1m, rows[0].Retention.Single().Rate);
        Assert.Equal(3, rows[0].Retention.Single().Days);
        Assert.NotEqual(rowsDefault[0].Converted, rows[0].Converted);
    }
}

public class ChannelRetentionFromDeparturesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly ChannelDefinition Xhs = new("小红书", "xhs", Array.Empty<long>(), Array.Empty<long>(), 100m);

    private static WeComContactEvent Event(string change, string user, string customer, double days, string? state = null, string? source = null)
        => new() { ChangeType = change, UserId = user, ExternalUserId = customer, Time = Start.AddDays(days), State = state, Source = source, CorpId = "ww1" };

    [Fact]
    public void Without_departure_data_retention_is_unknown_not_full()
    {
        var customers = new[] { new WeComCustomer { ExternalUserId = "a", UserId = "u", State = "xhs", AddedAt = Start } };
        var row = new ChannelReport(new[] { Xhs }, new ChannelReportOptions { AsOf = Start.AddDays(40) }).Compute(customers, Array.Empty<TbkOrder>())[0];
        Assert.All(row.Retention, r => Assert.True(r.IsUnknown));
        Assert.All(row.Retention, r => Assert.Null(r.Rate));
        Assert.Equal("7d unknown 15d unknown 30d unknown", row.RetentionText);
    }

    [Fact]
    public void Events_measure_retention_a_transfer_keeps_the_customer_and_a_retry_counts_once()
    {
        var events = new[]
        {
            Event("add_external_contact", "s1", "a", 0, "xhs"),
            Event("add_external_contact", "s1", "a", 0, "xhs"),
            Event("del_external_contact", "s1", "a", 3, source: "DELETE_BY_TRANSFER"),
            Event("add_external_contact", "s2", "a", 3),
            Event("add_external_contact", "s1", "b", 0, "xhs"),
            Event("del_follow_user", "s1", "b", 10),
            Event("add_external_contact", "s1", "c", 0, "xhs"),
            Event("del_external_contact", "s1", "c", 20),
            Event("add_external_contact", "s1", "d", 35, "xhs"),
        };
        var customers = WeComContactHistory.ToCustomers(events);
        var row = new ChannelReport(new[] { Xhs }, new ChannelReportOptions { AsOf = Start.AddDays(40) }).Compute(customers, Array.Empty<TbkOrder>())[0];
        Assert.Equal(4, row.FirstAdds);
        Assert.Equal(new[] { (3, 3), (3, 2), (3, 1) }, row.Retention.Select(r => (r.Eligible, r.Retained)));
        Assert.All(row.Retention, r => Assert.True(r.IsOpen));
        Assert.Equal("7d 100%* 15d 66.7%* 30d 33.3%*", row.RetentionText);
    }
}
