using System;
using System.Collections.Generic;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Conversion;
using TaobaoTop.Core.Affiliate.Orders;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// Streams punished (违规) affiliate orders (taobao.tbk.dg.punish.order.get, or the sc variant) over any range, at
    /// most 30 days per query, every page.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TbkPunishOrder")]
    [OutputType(typeof(TbkPunishOrder))]
    public sealed class GetTbkPunishOrderCommand : TaobaoCmdlet
    {
        /// <summary>Start of the range (order creation time); 30 days ago when omitted.</summary>
        [Parameter(Position = 0)]
        [TopTime]
        public DateTime? Start { get; set; }

        /// <summary>End of the range (exclusive); now when omitted.</summary>
        [Parameter(Position = 1)]
        [TopTime]
        public DateTime? End { get; set; }

        /// <summary>One order by its trade id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? TradeId { get; set; }

        [Parameter]
        public long? RelationId { get; set; }

        [Parameter]
        public long? AdzoneId { get; set; }

        [Parameter]
        public long? SiteId { get; set; }

        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        [Parameter]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

        protected override void OnRecord()
        {
            var client = RequireConnection().Client;
            var now = client.Options.Clock();
            var end = End.HasValue ? TopTimes.FromParameter(End.Value) : now;
            var start = Start.HasValue ? TopTimes.FromParameter(Start.Value) : end - TbkRecordPager.PunishSpan;
            var method = AsServiceProvider ? "taobao.tbk.sc.punish.order.get" : "taobao.tbk.dg.punish.order.get";
            var filter = new TbkPunishFilter { TradeId = TradeId, RelationId = RelationId, AdzoneId = AdzoneId, SiteId = SiteId };
            var pager = new TbkRecordPager(client);
            Attempt((object?)TradeId ?? method, () => Stream((sink, cancel) => pager.PunishOrdersAsync(AsServiceProvider, start, end, filter, PageSize, sink.Emit, sink.Report, cancel)));
        }
    }
}
