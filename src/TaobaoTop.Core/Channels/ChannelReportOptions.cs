using System;
using System.Collections.Generic;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Channels
{
    public enum ChannelValueBasis
    {
        /// <summary>The promoter's estimated income: what the channel earns the operator.</summary>
        Commission,

        /// <summary>The paid amount: what the channel sold.</summary>
        Gmv,
    }

    public enum ChannelGrouping
    {
        Channel,
        Day,
    }

    public sealed class ChannelReportOptions
    {
        /// <summary>The report's time: windows that end later are open.</summary>
        public DateTimeOffset AsOf { get; set; } = DateTimeOffset.UtcNow;

        public TimeSpan ConversionWindow { get; set; } = TimeSpan.FromHours(72);

        public IReadOnlyList<int> RetentionDays { get; set; } = new[] { 7, 15, 30 };

        /// <summary>Orders of a customer count toward the channel's value this many days after the add.</summary>
        public int ValueDays { get; set; } = 30;

        public ChannelValueBasis ValueBasis { get; set; } = ChannelValueBasis.Commission;

        public double ConversionWeight { get; set; } = 0.3;

        public double RetentionWeight { get; set; } = 0.2;

        public double ValueWeight { get; set; } = 0.2;

        public double RoiWeight { get; set; } = 0.3;

        /// <summary>Looks for days whose adds spike and flags channels whose spike-day customers do not convert.</summary>
        public bool FlagSpikes { get; set; }

        /// <summary>A day is a spike when its adds reach this multiple of the channel's daily mean.</summary>
        public double SpikeFactor { get; set; } = 3;

        /// <summary>…and at least this many adds, so a quiet channel's two-add day is no spike.</summary>
        public int SpikeMinimumAdds { get; set; } = 5;

        /// <summary>Spike-day customers converting below this rate flag the channel.</summary>
        public double SpikeConversionFloor { get; set; } = 0.05;

        public void Validate()
        {
            if (ConversionWindow <= TimeSpan.Zero) throw new ArgumentException(CoreText.Get("ChannelConversionWindowNotPositive"));
            foreach (var days in RetentionDays)
            {
                if (days <= 0) throw new ArgumentException(CoreText.Get("ChannelRetentionDaysNotPositive"));
            }
            if (ValueDays <= 0) throw new ArgumentException(CoreText.Get("ChannelValueWindowNotPositive"));
            if (ConversionWeight < 0 || RetentionWeight < 0 || ValueWeight < 0 || RoiWeight < 0) throw new ArgumentException(CoreText.Get("ChannelWeightNegative"));
            if (ConversionWeight + RetentionWeight + ValueWeight + RoiWeight <= 0) throw new ArgumentException(CoreText.Get("ChannelWeightsAllZero"));
            if (SpikeFactor <= 1) throw new ArgumentException(CoreText.Get("ChannelSpikeFactorTooSmall"));
        }
    }
}
