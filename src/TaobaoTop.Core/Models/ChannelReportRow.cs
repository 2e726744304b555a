using System;
using System.Globalization;
using System.Linq;

namespace TaobaoTop
{
    /// <summary>Retention at one window: of the customers whose window has closed, how many were still contacts at its end.</summary>
    public sealed class ChannelRetention
    {
        public int Days { get; set; }

        /// <summary>Customers added at least <see cref="Days"/> days before the report time.</summary>
        public int Eligible { get; set; }

        public int Retained { get; set; }

        /// <summary>Retained / Eligible, four places; null while no customer's window has closed.</summary>
        public decimal? Rate { get; set; }

        /// <summary>True while some customers added recently have not reached the window's end.</summary>
        public bool IsOpen { get; set; }

        /// <summary>True when the input had no departure data (no events, snapshots or RemovedAt): the rate is not 100 %, it is not known.</summary>
        public bool IsUnknown { get; set; }

        public override string ToString()
            => Days.ToString(CultureInfo.InvariantCulture) + "d " + (IsUnknown ? "unknown" : (Rate is decimal rate ? (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "-") + (IsOpen ? "*" : string.Empty));
    }

    /// <summary>One channel of the channel report: adds, conversion, retention, value, ROI, quality score and rank.</summary>
    public sealed class ChannelReportRow
    {
        public string Channel { get; set; } = string.Empty;

        public string? State { get; set; }

        public decimal Cost { get; set; }

        /// <summary>Customers whose first add was through the channel's code (exposure).</summary>
        public int FirstAdds { get; set; }

        /// <summary>Customers whose first order came within the conversion window (72 h by default) after their add.</summary>
        public int Converted { get; set; }

        /// <summary>Converted / FirstAdds, four places.</summary>
        public decimal ConversionRate { get; set; }

        /// <summary>Customers whose first order came after the conversion window but within the value window.</summary>
        public int LateConverted { get; set; }

        public ChannelRetention[] Retention { get; set; } = Array.Empty<ChannelRetention>();

        /// <summary>Counted orders linked to the channel's customers by special id.</summary>
        public int CustomerOrders { get; set; }

        /// <summary>Counted orders attributed to the channel only, by adzone or relation id.</summary>
        public int ChannelOrders { get; set; }

        /// <summary>Paid amount of the counted orders less refunds, yuan.</summary>
        public decimal Gmv { get; set; }

        /// <summary>Estimated income (付款预估收入) of the counted orders less returned commission, yuan.</summary>
        public decimal Commission { get; set; }

        /// <summary>Succeeded refunds (维权成功) of the channel's orders; Gmv and Commission are net of them.</summary>
        public int RefundedOrders { get; set; }

        /// <summary>Refunded amount, yuan, already taken off Gmv.</summary>
        public decimal RefundedAmount { get; set; }

        /// <summary>Commission given back for refunds, yuan, already taken off Commission (and so off ROI).</summary>
        public decimal RefundedCommission { get; set; }

        /// <summary>Opens (PV) of the channel's 淘口令 (tpwd report) in all; null when it names none or none was reported.</summary>
        public long? PasswordPv { get; set; }

        /// <summary>Visitors (UV) of the channel's 淘口令; null like <see cref="PasswordPv"/>.</summary>
        public long? PasswordUv { get; set; }

        /// <summary>Customers with two or more orders within the value window.</summary>
        public int RepeatBuyers { get; set; }

        public decimal GmvPerCustomer { get; set; }

        public decimal CommissionPerCustomer { get; set; }

        /// <summary>Value (commission, or GMV with -RoiBasis Gmv) / cost, two places; null for a channel that cost nothing.</summary>
        public decimal? Roi { get; set; }

        /// <summary>0–100 from the weighted metrics, each divided by the best channel's.</summary>
        public decimal QualityScore { get; set; }

        public int Rank { get; set; }

        /// <summary>Days (+08:00) whose adds spiked far above the channel's daily mean.</summary>
        public DateTime[] SpikeDays { get; set; } = Array.Empty<DateTime>();

        /// <summary>With spike flagging on: the spike days' customers did not convert.</summary>
        public bool SpikeWithoutConversion { get; set; }

        /// <summary>Windows some customers have not reached yet, e.g. "72h conversion", "30d retention": their numbers can still grow.</summary>
        public string[] OpenWindows { get; set; } = Array.Empty<string>();

        public DateTimeOffset AsOf { get; set; }

        public string RetentionText => string.Join(" ", Retention.Select(r => r.ToString()));

        /// <summary>What to look at: a spike without conversions, windows still open.</summary>
        public string Notes => string.Join("; ", new[]
        {
            SpikeWithoutConversion ? "SPIKE, NO CONVERSION" : null,
            OpenWindows.Length > 0 ? "open: " + string.Join(", ", OpenWindows) : null,
        }.Where(n => n != null));

        public override string ToString() => Channel;
    }

    /// <summary>One channel on one day (+08:00): first adds, departures (customers no member follows any more) and net.</summary>
    public sealed class ChannelDayRow
    {
        public string Channel { get; set; } = string.Empty;

        public string? State { get; set; }

        public DateTime Day { get; set; }

        public int Adds { get; set; }

        /// <summary>Null when the input had no departure data.</summary>
        public int? Departures { get; set; }

        public int? Net { get; set; }

        public override string ToString() => Channel + " " + Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
