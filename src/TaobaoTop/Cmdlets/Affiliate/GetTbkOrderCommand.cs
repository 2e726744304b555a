using System;
using System.Diagnostics;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Conversion;
using TaobaoTop.Core.Affiliate.Orders;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// Streams the affiliate orders of any time range (taobao.tbk.order.details.get, or the sc variant): the range is
    /// split into windows the API accepts, pages are followed with position_index, and -Incremental remembers where the
    /// last run stopped.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TbkOrder", DefaultParameterSetName = RangeSet)]
    [OutputType(typeof(TbkOrder))]
    public sealed class GetTbkOrderCommand : TbkCmdlet
    {
        private const string RangeSet = "Range";
        private const string IncrementalSet = "Incremental";

        /// <summary>Start of the range; a date without a zone is TOP time (+08:00). At most 90 days back.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = RangeSet)]
        [Parameter(ParameterSetName = IncrementalSet)]
        [TopTime]
        public DateTime Start { get; set; }

        /// <summary>End of the range (exclusive); now when omitted.</summary>
        [Parameter(Position = 1, ParameterSetName = RangeSet)]
        [TopTime]
        public DateTime? End { get; set; }

        /// <summary>Which order time the range selects on.</summary>
        [Parameter(ParameterSetName = RangeSet)]
        public TbkOrderQueryType QueryType { get; set; } = TbkOrderQueryType.Create;

        [Parameter]
        public TbkOrderStatus? Status { get; set; }

        [Parameter]
        public TbkOrderScene Scene { get; set; } = TbkOrderScene.All;

        /// <summary>Query as a service provider (taobao.tbk.sc.order.details.get) with the promoter's session.</summary>
        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        [Parameter]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

        /// <summary>
        /// The most windows fetched at the same time (a memory bound). How many are follows the connection's QPS and
        /// the gateway's recent latency, so the quota stays full on a slow gateway too; every call keeps to the QPS.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = CallConcurrency.DefaultCap;

        /// <summary>Pull orders modified since the last run recorded in -StatePath (the first run needs -Start).</summary>
        [Parameter(Mandatory = true, ParameterSetName = IncrementalSet)]
        public SwitchParameter Incremental { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IncrementalSet)]
        [ValidateNotNullOrEmpty]
        public string StatePath { get; set; } = null!;

        /// <summary>How far before the last run's end the next run starts, so late updates are not missed.</summary>
        [Parameter(ParameterSetName = IncrementalSet)]
        public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(30);

        private string? _method;

        protected override object? ErrorTarget => _method;

        protected override void OnEnd()
        {
            var client = RequireConnection().Client;
            var now = client.Options.Clock();
            var statePath = Incremental ? GetUnresolvedProviderPathFromPSPath(StatePath) : null;
            TbkOrderQuery query;
            try
            {
                query = BuildQuery(now, statePath);
                TbkOrderSync.Validate(query, now);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidOrderRange", ErrorCategory.InvalidArgument, null));
                return;
            }
            catch (System.IO.InvalidDataException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "OrderStateNotReadable", ErrorCategory.ReadError, statePath));
                return;
            }

            var clock = Stopwatch.StartNew();
            _method = query.Method;
            Stream((sink, cancel) => new TbkOrderSync(client).RunAsync(query, sink.Emit, sink.Report, p => sink.Progress(Progress(p, clock.Elapsed)), cancel));
            WriteProgress(new ProgressRecord(1, Resources.Messages.Get("OrdersActivity"), Resources.Messages.Get("ProgressDone")) { RecordType = ProgressRecordType.Completed });
            if (statePath != null) new IncrementalOrderState(query.End).Save(statePath);
        }

        private TbkOrderQuery BuildQuery(DateTimeOffset now, string? statePath)
        {
            if (statePath == null)
            {
                return Configure(new TbkOrderQuery(TopTimes.FromParameter(Start), End.HasValue ? TopTimes.FromParameter(End.Value) : now), QueryType);
            }
            var state = IncrementalOrderState.Load(statePath);
            DateTimeOffset start;
            if (state != null) start = state.SyncedThrough - Overlap;
            else if (MyInvocation.BoundParameters.ContainsKey(nameof(Start))) start = TopTimes.FromParameter(Start);
            else throw new ArgumentException(Resources.Messages.Format("IncrementalNeedsStart", statePath));
            WriteVerbose(state is null ? Resources.Messages.Format("IncrementalFirstRun", TopTime.ToTopString(start)) : Resources.Messages.Format("IncrementalNextRun", TopTime.ToTopString(start), TopTime.ToTopString(state.SyncedThrough)));
            return Configure(new TbkOrderQuery(start, now), TbkOrderQueryType.Modified);
        }

        private TbkOrderQuery Configure(TbkOrderQuery query, TbkOrderQueryType queryType)
        {
            query.QueryType = queryType;
            query.Status = Status;
            query.Scene = Scene;
            query.AsServiceProvider = AsServiceProvider;
            query.PageSize = PageSize;
            query.Concurrency = ThrottleLimit;
            query.BigSales = LoadBigSales();
            return query;
        }

        private static ProgressRecord Progress(OrderSyncProgress progress, TimeSpan elapsed)
        {
            var rate = elapsed.TotalSeconds > 0 ? progress.Orders / elapsed.TotalSeconds : 0;
            var record = new ProgressRecord(1, Resources.Messages.Get("OrdersActivity"), Resources.Messages.Format("OrdersProgress", progress.WindowsDone, progress.WindowsTotal, progress.Orders, rate))
            {
                PercentComplete = progress.WindowsTotal == 0 ? 100 : progress.WindowsDone * 100 / progress.WindowsTotal,
            };
            if (progress.WindowsDone > 0)
            {
                var remaining = TimeSpan.FromTicks(elapsed.Ticks * (progress.WindowsTotal - progress.WindowsDone) / progress.WindowsDone);
                record.SecondsRemaining = (int)remaining.TotalSeconds;
            }
            return record;
        }
    }
}
