using System;
using System.Collections.Generic;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Conversion;
using TaobaoTop.Core;
using TaobaoTop.Core.Affiliate.Orders;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// Streams the refunds (维权) of affiliate orders (taobao.tbk.relation.refund, or the sc variant) over any range,
    /// one day per query, every page; with -All every refund of the account (taobao.tbk.order.refund.get).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TbkRefundOrder", DefaultParameterSetName = PrivateDomainSet)]
    [OutputType(typeof(TbkRefundOrder))]
    public sealed class GetTbkRefundOrderCommand : TbkCmdlet
    {
        private const string PrivateDomainSet = "PrivateDomain";
        private const string AllSet = "All";

        /// <summary>Start of the range; a date without a zone is TOP time.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [TopTime]
        public DateTime Start { get; set; }

        /// <summary>End of the range (exclusive); now when omitted.</summary>
        [Parameter(Position = 1)]
        [TopTime]
        public DateTime? End { get; set; }

        [Parameter]
        public TbkRefundSearchType SearchType { get; set; } = TbkRefundSearchType.RefundStarted;

        /// <summary>Channel (渠道, relation id) and/or Member (会员, special id) orders; both when omitted.</summary>
        [Parameter(ParameterSetName = PrivateDomainSet)]
        public TbkPublisherType[] Kind { get; set; } = { TbkPublisherType.Channel, TbkPublisherType.Member };

        /// <summary>Every refund of the account (taobao.tbk.order.refund.get), not only channel and member orders.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        [Parameter]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

        protected override object? ErrorTarget
            => All
                ? AsServiceProvider ? "taobao.tbk.sc.order.refund.get" : "taobao.tbk.order.refund.get"
                : AsServiceProvider ? "taobao.tbk.sc.relation.refund" : "taobao.tbk.relation.refund";

        protected override void OnEnd()
        {
            var client = RequireConnection().Client;
            var start = TopTimes.FromParameter(Start);
            var end = End.HasValue ? TopTimes.FromParameter(End.Value) : client.Options.Clock();
            if (All)
            {
                StreamAll(client, start, end);
                return;
            }
            var pager = new TbkRecordPager(client);
            Stream((sink, cancel) => pager.RelationRefundsAsync(AsServiceProvider, start, end, SearchType, Kind, PageSize, sink.Emit, sink.Report, cancel));
        }

        private void StreamAll(TopClient client, DateTimeOffset start, DateTimeOffset end)
        {
            var pager = new TbkRecordPager(client);
            var bigSales = LoadBigSales();
            // order.refund.get answers only the window asked for, so nothing past the end comes back.
            Stream((sink, cancel) => pager.AllRefundsAsync(AsServiceProvider, start, end, (int)SearchType, PageSize, bigSales, sink.Emit, sink.Report, cancel));
        }
    }
}
