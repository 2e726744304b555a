using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Affiliate
{
    /// <summary>One page of a paged report and whether more follow.</summary>
    public sealed class TbkPage<T>
    {
        public TbkPage(IReadOnlyList<T> items, bool hasNext)
        {
            Items = items;
            HasNext = hasNext;
        }

        public IReadOnlyList<T> Items { get; }

        public bool HasNext { get; }
    }

    /// <summary>
    /// Reads the answers of 官方活动转链, 淘礼金 and 红包. The 淘礼金 and 红包 APIs report a refusal inside a successful
    /// answer (<c>success</c> / <c>result_success</c> false with msg_code and msg_info); that is a
    /// <see cref="TopApiException"/> with msg_code as its sub code, like any business error.
    /// </summary>
    public static class TbkPromotionAnswers
    {
        /// <summary>taobao.tbk.activity.info.get / sc: <c>data</c>.</summary>
        public static TbkActivityLink ActivityLink(JsonElement body, string materialId, long? relationId)
        {
            var data = body.Child("data");
            return new TbkActivityLink
            {
                ActivityMaterialId = materialId,
                Title = data.Text("page_name"),
                Url = data.Url("click_url") ?? throw new FormatException(CoreText.Format("AnswerLacks", "data.click_url")),
                ShortUrl = data.Url("short_click_url"),
                StartTime = data.Time("page_start_time"),
                EndTime = data.Time("page_end_time"),
                TerminalType = data.Text("terminal_type"),
                MaterialUrl = data.Url("material_oss_url"),
                RelationId = relationId,
                WeChatQrCodeUrl = data.Url("wx_qrcode_url"),
                WeChatMiniProgramPath = data.Text("wx_miniprogram_path"),
            };
        }

        /// <summary>taobao.tbk.dg.vegas.tlj.create: <c>result{success, msg_code, msg_info, model{rights_id, send_url, vegas_code, available_fee}}</c>.</summary>
        public static TbkGiftMoney CreatedGiftMoney(TopResponse response, TbkGiftMoney requested)
        {
            var result = response.Body.Child("result");
            ThrowIfRefused(response, result, "success");
            var model = result.Child("model");
            requested.RightsId = model.Text("rights_id") ?? throw new FormatException(CoreText.Format("AnswerLacks", "result.model.rights_id"));
            requested.Url = model.Url("send_url");
            requested.VegasCode = model.Text("vegas_code");
            requested.AvailableBudget = model.Money("available_fee");
            return requested;
        }

        /// <summary>taobao.tbk.dg.vegas.tlj.report: <c>model.extra</c> beside <c>result_success</c>.</summary>
        public static TbkGiftMoneyReport GiftMoneyReport(TopResponse response, string rightsId, long adzoneId)
        {
            ThrowIfRefused(response, response.Body, "result_success");
            var extra = response.Body.Child("model").Child("extra");
            return new TbkGiftMoneyReport
            {
                RightsId = rightsId,
                AdzoneId = adzoneId,
                ClaimedCount = extra.Long("win_pv"),
                ClaimedAmount = extra.Money("win_sum_amt"),
                UsedCount = extra.Long("use_num"),
                UsedAmount = extra.Money("use_sum_amt"),
                RefundedCount = extra.Long("refund_num"),
                RefundedAmount = extra.Money("refund_sum_amt"),
                RemainingCount = extra.Long("remaining_num"),
                RemainingAmount = extra.Money("remaining_amt"),
                PaidCount = extra.Long("alipay_num"),
                PaidAmount = extra.Money("alipay_amt"),
                PaidCommission = extra.Money("pre_pub_share_fee_for_disp"),
                SettledCommission = extra.Money("cm_settle_amt"),
                ClaimRate = extra.Money("get_rate"),
                UseRate = extra.Money("use_rate"),
            };
        }

        /// <summary>taobao.tbk.dg.vegas.tlj.stop: <c>result_success</c>.</summary>
        public static void GiftMoneyStopped(TopResponse response) => ThrowIfRefused(response, response.Body, "result_success");

        /// <summary>taobao.tbk.dg/sc.vegas.send.status: <c>data.result_list[0].is_new_user</c> ("0": a red packet is waiting).</summary>
        public static TbkRedPacketStatus RedPacketStatus(JsonElement body, long? relationId, long? specialId, string? deviceType)
        {
            var entry = body.Child("data").List("result_list").FirstOrDefault();
            var isNewUser = entry.ValueKind == JsonValueKind.Object ? entry.Text("is_new_user") : null;
            if (isNewUser != "0" && isNewUser != "1") throw new FormatException(CoreText.Format("AnswerLacks", "data.result_list[].is_new_user"));
            return new TbkRedPacketStatus { RelationId = relationId, SpecialId = specialId, DeviceType = deviceType, HasPendingRedPacket = isNewUser == "0" };
        }

        /// <summary>taobao.tbk.dg/sc.vegas.send.report: <c>result.model{relation_rpt_list, pid_rpt_list}</c>.</summary>
        public static IReadOnlyList<TbkRedPacketReportRow> RedPacketReport(TopResponse response)
        {
            var result = response.Body.Child("result");
            ThrowIfRefused(response, result, "success");
            var model = result.Child("model");
            return model.List("relation_rpt_list").Concat(model.List("pid_rpt_list")).Select(row => new TbkRedPacketReportRow
            {
                Date = ReportDate(row.Text("biz_date")),
                Pid = row.Text("pid"),
                RelationId = row.Long("relation_id"),
                IssuedCount = row.Long("fund_num") ?? 0,
                UsedCount = row.Long("use_num") ?? 0,
            }).ToList();
        }

        /// <summary>taobao.tbk.dg/sc.tpwd.risk.report: <c>result.status_list[]{pid | rid, status}</c>; <paramref name="pid"/> is the one asked for.</summary>
        public static IReadOnlyList<TbkPasswordRisk> PasswordRisks(JsonElement body, string? pid)
            => body.Child("result").List("status_list").Select(entry => new TbkPasswordRisk
            {
                Pid = entry.Text("pid") ?? pid,
                RelationId = entry.Long("rid"),
                Status = entry.Text("status") == "1" ? TbkPasswordRiskStatus.Blocked
                    : entry.Text("status") == "0" ? TbkPasswordRiskStatus.Warning
                    : throw new FormatException(CoreText.Get("TbkRiskStatusMissing")),
            }).ToList();

        /// <summary>One page of taobao.tbk.dg/sc.newuser.order.get: <c>results.data{results[], has_next}</c>.</summary>
        public static TbkPage<TbkNewUserOrder> NewUserPage(JsonElement body)
        {
            var data = body.Child("results").Child("data");
            var users = data.List("results").Select(entry => new TbkNewUserOrder
            {
                ActivityId = entry.Text("activity_id") ?? string.Empty,
                ActivityType = entry.Text("activity_type"),
                Status = entry.Int("status"),
                Mobile = entry.Text("mobile"),
                RegisterTime = entry.Time("register_time"),
                BindTime = entry.Time("bind_time"),
                BuyTime = entry.Time("buy_time"),
                AcceptTime = entry.Time("accept_time"),
                SiteId = entry.Long("site_id"),
                AdzoneId = entry.Long("adzone_id"),
                AdzoneName = entry.Text("adzone_name"),
                RelationId = entry.Long("relation_id"),
                UnionId = entry.Text("union_id"),
                TradeParentId = entry.Text("tb_trade_parent_id"),
                IsAffiliateOrder = entry.Int("order_tk_type") is int type ? type == 1 : (bool?)null,
                Date = entry.Text("biz_date") is string date ? ReportDate(date) : (DateTimeOffset?)null,
            }).ToList();
            return new TbkPage<TbkNewUserOrder>(users, data.Bool("has_next") == true);
        }

        /// <summary>taobao.tbk.sc.rid.report.get: <c>result{success, data{purchase_*, individual_*, promo_*}}</c>.</summary>
        public static TbkRelationReport RelationReport(TopResponse response, DateTimeOffset date, long relationId, long? siteId)
        {
            var result = response.Body.Child("result");
            ThrowIfRefused(response, result, "success");
            var data = result.Child("data");
            return new TbkRelationReport
            {
                Date = date,
                RelationId = relationId,
                SiteId = siteId,
                OrderCount = data.Long("purchase_alipay_num") ?? 0,
                PaidAmount = data.Money("purchase_alipay_amt") ?? 0,
                BuyerCount = data.Long("purchase_uv") ?? 0,
                OwnOrderCount = data.Long("individual_alipay_num") ?? 0,
                OwnPaidAmount = data.Money("individual_alipay_amt") ?? 0,
                OwnBuyerCount = data.Long("individual_uv") ?? 0,
                SharedOrderCount = data.Long("promo_alipay_num") ?? 0,
                SharedPaidAmount = data.Money("promo_alipay_amt") ?? 0,
                SharedBuyerCount = data.Long("promo_uv") ?? 0,
            };
        }

        /// <summary>One page of taobao.tbk.dg/sc.newuser.order.sum: <c>results.data{results[], has_next}</c>.</summary>
        public static TbkPage<TbkNewUserSummary> NewUserSummaryPage(JsonElement body)
        {
            var data = body.Child("results").Child("data");
            var days = data.List("results").Select(entry => new TbkNewUserSummary
            {
                ActivityId = entry.Text("activity_id") ?? string.Empty,
                Date = ReportDate(entry.Text("biz_date")),
                RelationId = entry.Long("relation_id"),
                RegisteredCount = entry.Long("reg_user_cnt") ?? 0,
                ActivatedCount = entry.Long("login_user_cnt") ?? 0,
                FirstPurchaseCount = entry.Long("alipay_user_cnt") ?? 0,
                ReceivedCount = entry.Long("rcv_user_cnt") ?? 0,
                ValidCount = entry.Long("rcv_valid_user_cnt") ?? 0,
                Reward = entry.Money("alipay_user_cpa_pre_amt"),
            }).ToList();
            return new TbkPage<TbkNewUserSummary>(days, data.Bool("has_next") == true);
        }

        /// <summary>taobao.tbk.dg/sc.tpwd.report.get: <c>data{pv, uv, hour_pv, hour_uv}</c>.</summary>
        public static TbkPasswordReport PasswordReport(JsonElement body, string password)
        {
            var data = body.Child("data");
            return new TbkPasswordReport
            {
                Password = password,
                Pv = data.Long("pv") ?? throw new FormatException(CoreText.Format("AnswerLacks", "data.pv")),
                Uv = data.Long("uv") ?? 0,
                HourPv = data.Long("hour_pv") ?? 0,
                HourUv = data.Long("hour_uv") ?? 0,
            };
        }

        private static DateTimeOffset ReportDate(string? text)
        {
            if (text == null || !DateTime.TryParseExact(text, new[] { "yyyyMMdd", "yyyy-MM-dd" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new FormatException(CoreText.Get("TbkReportRowNoDate"));
            return new DateTimeOffset(date, TopTime.Offset);
        }

        private static void ThrowIfRefused(TopResponse response, JsonElement result, string successField)
        {
            if (result.Bool(successField) == true) return;
            throw new TopApiException(response.Api, 15, "Remote service error", result.Text("msg_code") ?? result.Text("biz_error_code") ?? "refused",
                result.Text("msg_info") ?? result.Text("biz_error_desc") ?? CoreText.Get("TbkRefusedWithoutReason"), response.RequestId);
        }
    }
}
