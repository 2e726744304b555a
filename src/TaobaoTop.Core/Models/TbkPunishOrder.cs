using System;
using System.Text.Json;
using TaobaoTop.Core.Json;

namespace TaobaoTop
{
    /// <summary>An affiliate order Alimama punished (违规订单), from taobao.tbk.dg.punish.order.get.</summary>
    public sealed class TbkPunishOrder
    {
        public string TradeId { get; set; } = string.Empty;

        public string? TradeParentId { get; set; }

        public DateTimeOffset? CreateTime { get; set; }

        /// <summary>The month it settled in, e.g. 202611.</summary>
        public int? SettleMonth { get; set; }

        public long? PublisherId { get; set; }

        public long? SiteId { get; set; }

        public long? AdzoneId { get; set; }

        public long? RelationId { get; set; }

        public long? SpecialId { get; set; }

        public string? ViolationType { get; set; }

        public string? PunishStatus { get; set; }

        public static TbkPunishOrder FromJson(JsonElement record) => new TbkPunishOrder
        {
            TradeId = record.Text("tb_trade_id") ?? string.Empty,
            TradeParentId = record.Text("tb_trade_parent_id"),
            CreateTime = record.Time("tk_trade_create_time"),
            SettleMonth = record.Int("settle_month"),
            PublisherId = record.Long("tk_pub_id"),
            SiteId = record.Long("tk_site_id"),
            AdzoneId = record.Long("tk_adzone_id"),
            RelationId = record.Long("relation_id"),
            SpecialId = record.Long("special_id"),
            ViolationType = record.Text("violation_type"),
            PunishStatus = record.Text("punish_status"),
        };

        public override string ToString() => TradeId;
    }
}
