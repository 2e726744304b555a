using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Affiliate
{
    /// <summary>渠道管理rid推广效果: one channel's paid orders of a day, from the same synthetic orders the order API serves.</summary>
    public sealed partial class AffiliateModule
    {
        private void RegisterRidReport(ApiRegistry registry)
        {
            registry.Add("taobao.tbk.sc.rid.report.get", true, false, RidReport);
        }

        /// <summary>
        /// search_option{biz_date yyyyMMdd, relation_id, site_id}: result{success, data{purchase_*, individual_* (自购),
        /// promo_* (非自购)}}; an unknown channel or a day out of range is success false with biz_error_code and desc.
        /// </summary>
        private JsonObject RidReport(ApiCall call)
        {
            var option = Arguments.OptionalObject(call, "search_option") ?? throw TopApiException.MissingArgument("search_option");
            var bizDate = Arguments.Text(option, "biz_date");
            var relationId = Arguments.Long(option, "relation_id", "search_option");
            var siteId = Arguments.Long(option, "site_id", "search_option");
            var now = call.Now;
            var today = now.ToOffset(TopTime.Offset).Date;
            if (bizDate == null || !DateTime.TryParseExact(bizDate, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return RidFailure(101, "biz_date格式为yyyyMMdd");
            if (date >= today || date < today.AddDays(-90)) return RidFailure(102, "只能查询最近90天内今天以前的数据");
            if (relationId == null) return RidFailure(103, "relation_id不能为空");

            var (orders, catalog, pools) = OrderSources();
            lock (_lock)
            {
                if (_state.FindPublisher(PublisherKind.Relation, relationId.Value) == null) return RidFailure(103, "渠道关系ID不存在: " + relationId);
            }
            var start = new DateTimeOffset(date, TopTime.Offset);
            var matches = Collect(orders, pools, start.AddMinutes(-15), start, start.AddDays(1), now,
                life => life.Paid, _ => true,
                attribution => attribution.Relation?.Id == relationId && (siteId == null || attribution.Adzone.SiteId == siteId));
            // Every fourth order is the channel owner's own purchase (自购).
            var own = matches.Where(m => m.Life.ChannelRoll % 4 == 0).ToList();
            var promo = matches.Where(m => m.Life.ChannelRoll % 4 != 0).ToList();
            decimal Amount(System.Collections.Generic.IEnumerable<OrderMatch> some) => some.Sum(m => catalog[m.Life.ItemIndex].FinalPromotionPrice * m.Life.ItemNum);
            long Buyers(int count) => count - count / 5;
            return new JsonObject
            {
                ["result"] = new JsonObject
                {
                    ["success"] = true,
                    ["result_code"] = 0,
                    ["data"] = new JsonObject
                    {
                        ["purchase_alipay_num"] = TopFormat.Number(matches.Count),
                        ["purchase_alipay_amt"] = TopFormat.Money(Amount(matches)),
                        ["purchase_uv"] = TopFormat.Number(Buyers(matches.Count)),
                        ["individual_alipay_num"] = TopFormat.Number(own.Count),
                        ["individual_alipay_amt"] = TopFormat.Money(Amount(own)),
                        ["individual_uv"] = TopFormat.Number(Buyers(own.Count)),
                        ["promo_alipay_num"] = TopFormat.Number(promo.Count),
                        ["promo_alipay_amt"] = TopFormat.Money(Amount(promo)),
                        ["promo_uv"] = TopFormat.Number(Buyers(promo.Count)),
                    },
                },
            };
        }

        private static JsonObject RidFailure(int code, string description)
            => new JsonObject { ["result"] = new JsonObject { ["success"] = false, ["biz_error_code"] = code, ["biz_error_desc"] = description, ["result_code"] = code } };
    }
}
