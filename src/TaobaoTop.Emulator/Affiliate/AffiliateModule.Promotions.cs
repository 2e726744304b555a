using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Affiliate
{
    /// <summary>A 淘礼金 (gift money) created by taobao.tbk.dg.vegas.tlj.create.</summary>
    internal sealed class GiftMoney
    {
        public string RightsId { get; set; } = "";
        public long AdzoneId { get; set; }
        public string ItemId { get; set; } = "";
        public string Name { get; set; } = "";
        public decimal PerFace { get; set; }
        public long TotalNum { get; set; }
        public DateTimeOffset SendStart { get; set; }
        public DateTimeOffset SendEnd { get; set; }
        public DateTimeOffset Created { get; set; }
        public DateTimeOffset? Stopped { get; set; }
    }

    /// <summary>官方活动转链, 淘礼金 (create / report / stop / 三方分成 link) and 红包 status and issuance counts.</summary>
    public sealed partial class AffiliateModule
    {
        /// <summary>What the promoter's 淘礼金 account holds before any is created.</summary>
        internal const decimal GiftMoneyBudget = 10_000m;

        private static readonly (string Id, string Name)[] Activities =
        {
            ("20150318020002597", "天猫超市"),
            ("20150318020004284", "饿了么红包"),
            ("20150318019998877", "百亿补贴"),
        };

        private static readonly string[] DeviceTypes = { "IMEI", "IDFA", "OAID", "MOBILE", "ALIPAY_ID" };
        private static readonly Regex Md5Hex = new Regex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant);

        private void RegisterPromotions(ApiRegistry registry)
        {
            registry.Add("taobao.tbk.activity.info.get", false, false, call => Locked(call, ActivityInfo));
            registry.Add("taobao.tbk.sc.activity.info.get", true, false, call => Locked(call, ActivityInfo));
            registry.Add("taobao.tbk.dg.vegas.tlj.create", false, true, call => Locked(call, CreateGiftMoney));
            registry.Add("taobao.tbk.dg.vegas.tlj.report", false, false, call => Locked(call, GiftMoneyReport));
            registry.Add("taobao.tbk.dg.vegas.tlj.stop", false, true, call => Locked(call, StopGiftMoney));
            registry.Add("taobao.tbk.dg.vegas.send.status", false, false, call => Locked(call, RedPacketStatus));
            registry.Add("taobao.tbk.sc.vegas.send.status", true, false, call => Locked(call, RedPacketStatus));
            registry.Add("taobao.tbk.dg.vegas.send.report", false, false, call => Locked(call, RedPacketReport));
            registry.Add("taobao.tbk.sc.vegas.send.report", true, false, call => Locked(call, RedPacketReport));
        }

        /// <summary>官方活动转链: the page of an activity material id as the caller's CPS link, for a month around now.</summary>
        private JsonObject ActivityInfo(ApiCall call)
        {
            var adzone = OwnAdzone(call);
            var materialId = call.Required("activity_material_id");
            var activity = Activities.FirstOrDefault(a => a.Id == materialId);
            if (activity.Id == null) throw TopApiException.Business("isv.invalid-parameter:activity_material_id", "活动物料ID不存在或活动已下线");
            var options = LinkOptionsOf(call);
            var clickUrl = Links.ClickUrl(adzone, new LinkTarget { MaterialType = 3, Id = materialId }, options);
            var today = new DateTimeOffset(call.Now.ToOffset(TopTime.Offset).Date, TopTime.Offset);
            return new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["click_url"] = clickUrl,
                    ["short_click_url"] = Links.Shorten(_state, clickUrl),
                    ["terminal_type"] = "2",
                    ["page_name"] = activity.Name,
                    ["page_start_time"] = TopTime.ToText(today.AddDays(-10)),
                    ["page_end_time"] = TopTime.ToText(today.AddDays(20).AddSeconds(-1)),
                    ["material_oss_url"] = "https://img.alicdn.com/activity/" + materialId + ".zip",
                },
            };
        }

        /// <summary>淘礼金创建: checks as TOP's result{success, msg_code, msg_info} does, and spends the account's budget.</summary>
        private JsonObject CreateGiftMoney(ApiCall call)
        {
            var adzone = OwnAdzone(call);
            var itemId = call.Required("item_id");
            var name = call.Required("name");
            var totalNum = Arguments.RequiredLong(call, "total_num");
            var userLimit = Arguments.RequiredLong(call, "user_total_win_num_limit");
            call.Required("security_switch");
            Arguments.OptionalBool(call, "security_switch");
            if (!decimal.TryParse(call.Required("per_face"), NumberStyles.Number, CultureInfo.InvariantCulture, out var perFace))
                throw TopApiException.InvalidArgument("per_face", "per_face必须是金额");
            if (!TopTime.TryParse(call.Required("send_start_time"), out var sendStart)) throw TopApiException.InvalidArgument("send_start_time", "时间格式错误");
            var sendEndText = call.Optional("send_end_time");
            DateTimeOffset sendEnd;
            if (sendEndText == null) sendEnd = sendStart.AddDays(1);
            else if (!TopTime.TryParse(sendEndText, out sendEnd)) throw TopApiException.InvalidArgument("send_end_time", "时间格式错误");

            var item = _catalog.Find(itemId);
            string? failure =
                name.Length > 10 ? "FAIL_CHECK_NAME_LENGTH:淘礼金名称最长10个字"
                : item == null ? "FAIL_CHECK_ITEM_NOT_PROMOTABLE:商品不存在或不支持淘礼金"
                : perFace < 1m || decimal.Round(perFace, 2) != perFace ? "FAIL_CHECK_PER_FACE:单个淘礼金面额最少1元，最多两位小数"
                : perFace > item.ZkFinalPrice ? "FAIL_CHECK_PER_FACE_OVER_PRICE:单个淘礼金面额不能超过商品价格"
                : totalNum < 1 || totalNum > 100_000 ? "FAIL_CHECK_TOTAL_NUM:淘礼金个数为1~100000"
                : userLimit < 1 || userLimit > totalNum ? "FAIL_CHECK_USER_LIMIT:单用户领取个数为1~淘礼金个数"
                : sendStart < call.Now.AddMinutes(-5) ? "FAIL_CHECK_SEND_START_TIME:发放开始时间不能早于当前时间"
                : sendEnd <= sendStart ? "FAIL_CHECK_SEND_END_TIME:发放结束时间必须晚于开始时间"
                : perFace * totalNum > AvailableGiftMoney() ? "FAIL_BUDGET_NOT_ENOUGH:淘礼金账户可用资金不足"
                : null;
            if (failure != null) return ResultFailure(failure);

            var gift = new GiftMoney
            {
                RightsId = Links.Token(_seed + "|tlj|" + _state.GiftMoney.Count + "|" + itemId, 16),
                AdzoneId = adzone.AdzoneId,
                ItemId = item!.ItemId,
                Name = name,
                PerFace = perFace,
                TotalNum = totalNum,
                SendStart = sendStart,
                SendEnd = sendEnd,
                Created = call.Now,
            };
            _state.GiftMoney.Add(gift);
            return new JsonObject
            {
                ["result"] = new JsonObject
                {
                    ["model"] = new JsonObject
                    {
                        ["rights_id"] = gift.RightsId,
                        ["send_url"] = "https://uland.taobao.com/taolijin/edetail?eh=" + Links.Token(gift.RightsId, 24) + "&activityId=" + gift.RightsId + "&itemId=" + gift.ItemId + "&pid=" + adzone.Pid,
                        ["vegas_code"] = Links.Token(gift.RightsId + "|code", 8),
                        ["available_fee"] = TopFormat.Money(AvailableGiftMoney()),
                    },
                    ["success"] = true,
                    ["msg_code"] = "SUCCESS",
                },
            };
        }

        private decimal AvailableGiftMoney() => GiftMoneyBudget - _state.GiftMoney.Sum(g => g.PerFace * g.TotalNum);

        /// <summary>淘礼金效果数据: claims grow over the send period (stopping freezes them), about half of them are used.</summary>
        private JsonObject GiftMoneyReport(ApiCall call)
        {
            var gift = OwnGiftMoney(call);
            if (gift == null) return ReportFailure("FAIL_CHECK_RIGHTS_NOT_EXIST", "淘礼金不存在或不属于该推广位");
            var until = new[] { call.Now, gift.SendEnd, gift.Stopped ?? DateTimeOffset.MaxValue }.Min();
            var period = (gift.SendEnd - gift.SendStart).TotalSeconds;
            var share = period <= 0 || until <= gift.SendStart ? 0 : Math.Min(1, (until - gift.SendStart).TotalSeconds / period);
            var random = new SeededRandom(Links.Hash(gift.RightsId));
            var won = (long)Math.Floor(gift.TotalNum * share * (0.5 + 0.5 * random.NextDouble()));
            var used = won * random.Next(30, 80) / 100;
            var refunded = used / 10;
            var closed = gift.Stopped != null || call.Now >= gift.SendEnd;
            var remaining = closed ? gift.TotalNum - won : 0;
            var paidAmount = used * (gift.PerFace + random.Next(10, 200));
            return new JsonObject
            {
                ["model"] = new JsonObject
                {
                    ["extra"] = new JsonObject
                    {
                        ["win_pv"] = won,
                        ["win_sum_amt"] = TopFormat.Money(won * gift.PerFace),
                        ["use_num"] = used,
                        ["use_sum_amt"] = TopFormat.Money(used * gift.PerFace),
                        ["refund_num"] = refunded,
                        ["refund_sum_amt"] = TopFormat.Money(refunded * gift.PerFace),
                        ["remaining_num"] = remaining,
                        ["remaining_amt"] = TopFormat.Money(remaining * gift.PerFace),
                        ["alipay_num"] = used,
                        ["alipay_amt"] = TopFormat.Money(paidAmount),
                        ["pre_pub_share_fee_for_disp"] = TopFormat.Money(paidAmount * 0.05m),
                        ["cm_settle_amt"] = TopFormat.Money(paidAmount * 0.02m),
                        ["get_rate"] = TopFormat.Money(gift.TotalNum == 0 ? 0 : 100m * won / gift.TotalNum),
                        ["use_rate"] = TopFormat.Money(won == 0 ? 0 : 100m * used / won),
                    },
                },
                ["result_success"] = true,
                ["msg_code"] = "SUCCESS",
            };
        }

        /// <summary>淘礼金暂停发放: stopping one that has stopped already succeeds again.</summary>
        private JsonObject StopGiftMoney(ApiCall call)
        {
            var gift = OwnGiftMoney(call);
            if (gift == null) return ReportFailure("FAIL_CHECK_RIGHTS_NOT_EXIST", "淘礼金不存在或不属于该推广位");
            gift.Stopped ??= call.Now;
            return new JsonObject { ["model"] = true, ["result_success"] = true, ["msg_code"] = "SUCCESS" };
        }

        private GiftMoney? OwnGiftMoney(ApiCall call)
        {
            var adzone = OwnAdzone(call);
            var rightsId = call.Required("rights_id");
            return _state.GiftMoney.FirstOrDefault(g => g.RightsId == rightsId && g.AdzoneId == adzone.AdzoneId);
        }

        private static JsonObject ResultFailure(string failure)
        {
            var colon = failure.IndexOf(':');
            return new JsonObject { ["result"] = new JsonObject { ["success"] = false, ["msg_code"] = failure.Substring(0, colon), ["msg_info"] = failure.Substring(colon + 1) } };
        }

        private static JsonObject ReportFailure(string code, string message)
            => new JsonObject { ["result_success"] = false, ["msg_code"] = code, ["msg_info"] = message };

        /// <summary>红包领取状态: is_new_user "1" when the user has no red packet waiting to be used, "0" when one is.</summary>
        private JsonObject RedPacketStatus(ApiCall call)
        {
            var deviceType = call.Optional("device_type");
            var deviceValue = call.Optional("device_value");
            var relationId = Arguments.OptionalLong(call, "relation_id");
            var specialId = Arguments.OptionalLong(call, "special_id");
            if (deviceType != null || deviceValue != null)
            {
                if (deviceType == null || !DeviceTypes.Contains(deviceType)) throw TopApiException.InvalidArgument("device_type", "device_type取值为IMEI、IDFA、OAID、MOBILE或ALIPAY_ID");
                if (deviceValue == null) throw TopApiException.MissingArgument("device_value");
                if (deviceType != "ALIPAY_ID" && !Md5Hex.IsMatch(deviceValue)) throw TopApiException.InvalidArgument("device_value", "device_value需MD5加密，32位小写");
            }
            else if (relationId == null && specialId == null)
            {
                throw TopApiException.MissingArgument("relation_id");
            }
            if (relationId != null && _state.FindPublisher(PublisherKind.Relation, relationId.Value) == null)
                throw TopApiException.Business("isv.invalid-parameter", "渠道关系ID不存在或未备案: " + relationId);
            if (specialId != null && _state.FindPublisher(PublisherKind.Special, specialId.Value) == null)
                throw TopApiException.Business("isv.invalid-parameter", "会员运营ID不存在或未备案: " + specialId);
            var pending = Links.Hash(_seed + "|" + deviceValue + "|" + relationId + "|" + specialId) % 3 == 0;
            var entry = new JsonObject { ["is_new_user"] = pending ? "0" : "1" };
            return new JsonObject { ["data"] = new JsonObject { ["result_list"] = call.List("map_data", new JsonNode[] { entry }) }, ["result_msg"] = "success" };
        }

        /// <summary>红包发放个数 of one day (yyyyMMdd), per 渠道 and per PID; the sc version needs the activity.</summary>
        private JsonObject RedPacketReport(ApiCall call)
        {
            var bizDate = call.Required("biz_date");
            if (call.Method.StartsWith("taobao.tbk.sc.", StringComparison.Ordinal)) call.Required("activity_id");
            if (!DateTime.TryParseExact(bizDate, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw TopApiException.InvalidArgument("biz_date", "biz_date格式为yyyyMMdd");
            var today = call.Now.ToOffset(TopTime.Offset).Date;
            if (date > today || date < today.AddDays(-90)) throw TopApiException.InvalidArgument("biz_date", "biz_date只能查询最近90天");
            var relationId = Arguments.OptionalLong(call, "relation_id");
            var pid = call.Optional("pid");
            var pageSize = Arguments.Int(call, "page_size", 20, 1, 100);
            var pageNo = Arguments.Int(call, "page_no", 1, 1, 100);

            JsonObject Row(string rowPid, long? rowRelation)
            {
                var random = new SeededRandom(Links.Hash(_seed + "|vegas|" + bizDate + "|" + rowPid + "|" + rowRelation));
                var funded = date == today ? 0 : random.Next(0, 400);
                var row = new JsonObject { ["biz_date"] = bizDate, ["pid"] = rowPid, ["fund_num"] = funded, ["use_num"] = funded * random.Next(10, 60) / 100 };
                if (rowRelation != null) row["relation_id"] = rowRelation.Value;
                return row;
            }

            var relations = _state.Publishers.Where(p => p.Kind == PublisherKind.Relation && (relationId == null || p.Id == relationId))
                .Select(p => Row(EmulatorDefaults.DemoPid, p.Id)).Skip((pageNo - 1) * pageSize).Take(pageSize).ToList();
            // A channel asked for has no PID rows, a PID asked for no channel rows.
            if (pid != null) relations.Clear();
            var pids = _state.Adzones.Where(a => relationId == null && (pid == null || a.Pid == pid)).Select(a => Row(a.Pid, null)).Skip((pageNo - 1) * pageSize).Take(pageSize).ToList();
            return new JsonObject
            {
                ["result"] = new JsonObject
                {
                    ["model"] = new JsonObject
                    {
                        ["relation_rpt_list"] = call.List("rights_send_relation_rpt_dto", relations),
                        ["pid_rpt_list"] = call.List("rights_send_relation_rpt_dto", pids),
                    },
                    ["success"] = true,
                    ["msg_code"] = "SUCCESS",
                },
            };
        }
    }
}
