using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Conversion;
using TaobaoTop.Core.Channels;
using TaobaoTop.Core.WeCom;

namespace TaobaoTop.Cmdlets.Channels
{
    /// <summary>
    /// The channel report: one row per channel of a definition file, from WeCom customers (Get-WeComCustomer) and
    /// affiliate orders (Get-TbkOrder) piped in or passed as parameters.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "TaobaoChannel")]
    [OutputType(typeof(ChannelReportRow), typeof(ChannelDayRow), typeof(string))]
    public sealed class MeasureTaobaoChannelCommand : PSCmdlet
    {
        private readonly List<WeComCustomer> _customers = new List<WeComCustomer>();
        private readonly List<TbkOrder> _orders = new List<TbkOrder>();
        private readonly List<WeComContactEvent> _events = new List<WeComContactEvent>();
        private readonly List<TbkRefundOrder> _refunds = new List<TbkRefundOrder>();
        private readonly List<TbkPasswordReport> _passwordReports = new List<TbkPasswordReport>();

        /// <summary>A CSV or JSON file: Channel, State, AdzoneId, RelationId, Cost.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Definition { get; set; } = null!;

        /// <summary>Customers and orders, mixed, from the pipeline.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        [Parameter]
        [ValidateNotNull]
        public WeComCustomer[] Customer { get; set; } = Array.Empty<WeComCustomer>();

        [Parameter]
        [ValidateNotNull]
        public TbkOrder[] Order { get; set; } = Array.Empty<TbkOrder>();

        /// <summary>Refunds (Get-TbkRefundOrder): succeeded ones come off the channel's value and ROI.</summary>
        [Parameter]
        [ValidateNotNull]
        public TbkRefundOrder[] Refund { get; set; } = Array.Empty<TbkRefundOrder>();

        /// <summary>淘口令 reach (Get-TbkPasswordReport): PV/UV of the 淘口令 a channel names in its TaoPassword column.</summary>
        [Parameter]
        [ValidateNotNull]
        public TbkPasswordReport[] PasswordReport { get; set; } = Array.Empty<TbkPasswordReport>();

        /// <summary>Channel: one row per channel (the default); Day: adds, departures and net per channel and day.</summary>
        [Parameter]
        public ChannelGrouping By { get; set; } = ChannelGrouping.Channel;

        /// <summary>Also write the report as one self-contained HTML page with charts.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? HtmlPath { get; set; }

        /// <summary>The report's time; a date without a zone is +08:00. Now when omitted.</summary>
        [Parameter]
        [TopTime]
        public DateTime? AsOf { get; set; }

        [Parameter]
        [ValidateRange(1, 24 * 90)]
        public int ConversionHours { get; set; } = 72;

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateRange(1, 365)]
        public int[] RetentionDays { get; set; } = { 7, 15, 30 };

        [Parameter]
        [ValidateRange(1, 365)]
        public int ValueDays { get; set; } = 30;

        [Parameter]
        public ChannelValueBasis ValueBasis { get; set; } = ChannelValueBasis.Commission;

        [Parameter]
        [ValidateRange(0, 100)]
        public double ConversionWeight { get; set; } = 0.3;

        [Parameter]
        [ValidateRange(0, 100)]
        public double RetentionWeight { get; set; } = 0.2;

        [Parameter]
        [ValidateRange(0, 100)]
        public double ValueWeight { get; set; } = 0.2;

        [Parameter]
        [ValidateRange(0, 100)]
        public double RoiWeight { get; set; } = 0.3;

        [Parameter]
        public SwitchParameter FlagSpike { get; set; }

        [Parameter]
        [ValidateRange(1.1, 100)]
        public double SpikeFactor { get; set; } = 3;

        /// <summary>Write a text bar chart of the quality scores instead of the rows.</summary>
        [Parameter]
        public SwitchParameter AsChart { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject is null) return;
            switch (InputObject.BaseObject)
            {
                case WeComCustomer customer:
                    _customers.Add(customer);
                    break;
                case TbkOrder order:
                    _orders.Add(order);
                    break;
                case WeComContactEvent contactEvent:
                    _events.Add(contactEvent);
                    break;
                case TbkRefundOrder refund:
                    _refunds.Add(refund);
                    break;
                case TbkPasswordReport passwordReport:
                    _passwordReports.Add(passwordReport);
                    break;
                default:
                    WriteError(new ErrorRecord(
                        new PSArgumentException(Resources.Messages.Format("UnexpectedChannelInput", InputObject.BaseObject.GetType().FullName, InputObject)),
                        "UnexpectedChannelInput",
                        ErrorCategory.InvalidType,
                        InputObject));
                    break;
            }
        }

        protected override void EndProcessing()
        {
            IReadOnlyList<ChannelDefinition> channels;
            ChannelReport report;
            try
            {
                channels = ChannelDefinitionReader.ReadFile(GetUnresolvedProviderPathFromPSPath(Definition));
                report = new ChannelReport(channels, new ChannelReportOptions
                {
                    AsOf = AsOf.HasValue ? TopTimes.FromParameter(AsOf.Value) : Core.Protocol.TopTime.ToTopZone(ConnectionStore<TaobaoTop.Connection.TaobaoConnection>.Current?.Client.Options.Clock() ?? DateTimeOffset.UtcNow),
                    ConversionWindow = TimeSpan.FromHours(ConversionHours),
                    RetentionDays = RetentionDays.Distinct().ToArray(),
                    ValueDays = ValueDays,
                    ValueBasis = ValueBasis,
                    ConversionWeight = ConversionWeight,
                    RetentionWeight = RetentionWeight,
                    ValueWeight = ValueWeight,
                    RoiWeight = RoiWeight,
                    FlagSpikes = FlagSpike,
                    SpikeFactor = SpikeFactor,
                });
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is FormatException || ex is ArgumentException || ex is System.Text.Json.JsonException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidChannelDefinition", ex is IOException || ex is UnauthorizedAccessException ? ErrorCategory.ReadError : ErrorCategory.InvalidData, Definition));
                return;
            }

            var rows = report.Compute(_customers.Concat(Customer).Concat(WeComContactHistory.ToCustomers(_events)), _orders.Concat(Order), _refunds.Concat(Refund), _passwordReports.Concat(PasswordReport));
            WriteVerbose(Resources.Messages.Format("ChannelSummary", channels.Count, report.UnattributedCustomers, report.UnattributedOrders));
            if (HtmlPath != null)
            {
                var path = GetUnresolvedProviderPathFromPSPath(HtmlPath);
                try
                {
                    File.WriteAllText(path, ChannelHtmlReport.Render(rows, report.Daily, ValueBasis), new System.Text.UTF8Encoding(false));
                    WriteVerbose(Resources.Messages.Format("Wrote", path));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    WriteError(new ErrorRecord(ex, "UnwritableHtmlReport", ErrorCategory.WriteError, HtmlPath));
                }
            }
            if (By == ChannelGrouping.Day)
            {
                WriteObject(report.Daily, enumerateCollection: true);
                return;
            }
            if (AsChart)
            {
                foreach (var line in ChannelChart.Render(rows)) WriteObject(line);
                return;
            }
            foreach (var row in rows.OrderBy(r => r.Rank).ThenBy(r => r.Channel, StringComparer.Ordinal)) WriteObject(row);
        }
    }
}
