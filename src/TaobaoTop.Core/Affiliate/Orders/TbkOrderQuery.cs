using System;

namespace TaobaoTop.Core.Affiliate.Orders
{
    /// <summary>query_type: which time of the order the window selects on.</summary>
    public enum TbkOrderQueryType
    {
        /// <summary>1 淘客创建时间.</summary>
        Create = 1,

        /// <summary>2 付款时间.</summary>
        Paid = 2,

        /// <summary>3 结算时间.</summary>
        Settled = 3,

        /// <summary>4 订单更新时间: finds late changes (settlement, refunds) of older orders.</summary>
        Modified = 4,
    }

    /// <summary>order_scene.</summary>
    public enum TbkOrderScene
    {
        /// <summary>1 所有订单.</summary>
        All = 1,

        /// <summary>2 渠道订单 (relation id).</summary>
        Channel = 2,

        /// <summary>3 会员运营订单 (special id).</summary>
        Member = 3,
    }

    /// <summary>What to pull: any time range, split by the client into windows the API accepts.</summary>
    public sealed class TbkOrderQuery
    {
        public TbkOrderQuery(DateTimeOffset start, DateTimeOffset end)
        {
            Start = start;
            End = end;
        }

        public DateTimeOffset Start { get; }

        public DateTimeOffset End { get; }

        public TbkOrderQueryType QueryType { get; set; } = TbkOrderQueryType.Create;

        public TbkOrderStatus? Status { get; set; }

        public TbkOrderScene Scene { get; set; } = TbkOrderScene.All;

        /// <summary>2 二方, 3 三方; null for both.</summary>
        public int? MemberType { get; set; }

        /// <summary>Use the service-provider API (taobao.tbk.sc.order.details.get, with the promoter's session).</summary>
        public bool AsServiceProvider { get; set; }

        /// <summary>Orders per page, 1–100.</summary>
        public int PageSize { get; set; } = 100;

        /// <summary>The most windows fetched at the same time (a memory bound); how many are follows the pace and the gateway's latency.</summary>
        public int Concurrency { get; set; } = Pipeline.CallConcurrency.DefaultCap;

        /// <summary>The days with 20-minute windows; the shipped calendar when null.</summary>
        public BigSaleCalendar? BigSales { get; set; }

        public string Method => AsServiceProvider ? "taobao.tbk.sc.order.details.get" : "taobao.tbk.order.details.get";

        /// <summary>The order time this query selects on.</summary>
        public DateTimeOffset? KeyTime(TbkOrder order)
        {
            switch (QueryType)
            {
                case TbkOrderQueryType.Paid: return order.PaidTime;
                case TbkOrderQueryType.Settled: return order.SettledTime;
                case TbkOrderQueryType.Modified: return order.ModifiedTime;
                default: return order.CreateTime;
            }
        }
    }
}
