using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Affiliate
{
    /// <summary>The promoter's small tools: 淘礼金三方链接转换, CPA活动执行明细, pid校验, member组 and 权益物料精选.</summary>
    public sealed partial class AffiliateModule
    {
        /// <summary>The CPA activities (event ids) the promoter takes part in, with how many detail rows each has.</summary>
        private static readonly Dictionary<string, int> CpaEvents = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["30001"] = 37,
            ["30002"] = 8,
        };

        /// <summary>权益物料 ids (promotion_id) and which coupons each recommends.</summary>
        private static readonly Dictionary<long, Func<CatalogItem, bool>> PromotionMaterials = new Dictionary<long, Func<CatalogItem, bool>>
        {
            [31001] = item => item.Coupon != null && item.Coupon.StartFee == 0,
            [31002] = item => item.Coupon != null && item.Shop.IsTmall,
        };

        private void RegisterTools(ApiRegistry registry)
        {
            registry.Add("taobao.tbk.dg.vegas.tlj.share.convert", false, true, call => Locked(call, GiftMoneyShareLink));
            registry.Add("taobao.tbk.dg.cpa.activity.detail", false, false, call => Locked(call, CpaActivityDetail));
            registry.Add("taobao.tbk.tbkinfo.get", false, false, call => Locked(call, CheckPid));
            registry.Add("taobao.tbk.sc.membergroup.optional", false, true, call => Locked(call, MemberGroup));
            registry.Add("taobao.tbk.dg.optimus.promotion", false, false, call => Locked(call, OptimusPromotion));
            registry.Add("taobao.tbk.sc.optimus.promotion", true, false, call => Locked(call, OptimusPromotion));
        }

        /// <summary>淘礼金三方链接转换: a 淘礼金 link the emulator issued, as a link of the caller's adzone.</summary>
        private JsonObject GiftMoneyShareLink(ApiCall call)
        {
            var adzone = OwnAdzone(call);
            var origin = call.Required("origin_url");
            var rightsId = QueryValue(origin, "activityId");
            var gift = origin.Contains("/taolijin/") && rightsId != null ? _state.GiftMoney.FirstOrDefault(g => g.RightsId == rightsId) : null;
            if (gift == null) return ResultFailure("FAIL_CHECK_ORIGIN_URL:origin_url不是有效的淘礼金链接");
            if (gift.Stopped != null || gift.SendEnd <= call.Now) return ResultFailure("FAIL_CHECK_RIGHTS_EXPIRED:淘礼金已停止发放");
            var url = "https://uland.taobao.com/taolijin/edetail?eh=" + Links.Token(gift.RightsId + "|" + adzone.Pid, 24) + "&activityId=" + gift.RightsId + "&itemId=" + gift.ItemId + "&pid=" + adzone.Pid;
            return new JsonObject
            {
                ["result"] = new JsonObject { ["model"] = new JsonObject { ["send_url"] = url }, ["success"] = true, ["msg_code"] = "SUCCESS" },
            };
        }

        /// <summary>
        /// CPA活动执行明细: rows of the activity's rewards per channel and day, paged by page_no / page_size (at most 100);
        /// an event the promoter is not in is refused inside the answer.
        /// </summary>
        private JsonObject CpaActivityDetail(ApiCall call)
        {
            var eventId = call.Required("event_id");
            var pageNo = Arguments.Int(call, "page_no", 1, 1, int.MaxValue);
            var pageSize = Arguments.Int(call, "page_size", 20, 1, 100);
            if (!CpaEvents.TryGetValue(eventId, out var count))
            {
                return new JsonObject
                {
                    ["result"] = new JsonObject { ["success"] = false, ["result_code"] = 1, ["biz_error_code"] = 10001, ["biz_error_desc"] = "活动不存在或未报名: " + eventId },
                };
            }
            var channels = _state.Publishers.Where(p => p.Kind == PublisherKind.Relation).ToList();
            var today = call.Now.ToOffset(TopTime.Offset).Date;
            var rows = Enumerable.Range(0, count).Skip((pageNo - 1) * pageSize).Take(pageSize).Select(i =>
            {
                var random = new SeededRandom(Links.Hash(_seed + "|cpa|" + eventId + "|" + i));
                var channel = channels[i % channels.Count];
                var users = random.Next(1, 30);
                var fields = new JsonObject
                {
                    ["biz_date"] = today.AddDays(-(i / channels.Count) - 1).ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                    ["relation_id"] = channel.Id.ToString(CultureInfo.InvariantCulture),
                    ["valid_user_cnt"] = users,
                    ["reward_amt"] = TopFormat.Money(users * 2.5m),
                };
                return (JsonNode)new JsonObject
                {
                    ["id"] = Links.Hash(eventId + "|" + i) & 0xFFFFFFFFFL,
                    ["calc_type"] = i % 3 == 0 ? 2 : 1,
                    ["field_detail"] = fields.ToJsonString(),
                };
            });
            return new JsonObject
            {
                ["result"] = new JsonObject
                {
                    ["success"] = true,
                    ["result_code"] = 0,
                    ["data"] = new JsonObject
                    {
                        ["results"] = call.List("results", rows),
                        ["page_no"] = pageNo,
                        ["page_size"] = pageSize,
                        ["total_count"] = count,
                        ["has_next"] = (long)pageNo * pageSize < count,
                        ["runtime"] = TopTime.ToText(new DateTimeOffset(today, TopTime.Offset)),
                    },
                },
            };
        }

        /// <summary>pid校验: true when the PID is one of the account's adzones.</summary>
        private JsonObject CheckPid(ApiCall call)
        {
            var pid = call.Required("pid");
            return new JsonObject { ["result"] = new JsonObject { ["data"] = _state.Adzones.Any(a => a.Pid == pid) } };
        }

        /// <summary>
        /// member组查询&amp;新增: with member_group_id the group (a group not the caller's is isv.invalid-parameter); with
        /// tb_num_ids alone a new group of those ids (digits, at most 100).
        /// </summary>
        private JsonObject MemberGroup(ApiCall call)
        {
            var groupId = Arguments.OptionalLong(call, "member_group_id");
            var ids = Arguments.List(call, "tb_num_ids", 100, required: false);
            if (groupId == null && ids.Count == 0) throw TopApiException.MissingArgument("member_group_id");
            if (ids.FirstOrDefault(id => !id.All(char.IsDigit)) is string bad) throw TopApiException.InvalidArgument("tb_num_ids", "淘宝数字id不正确: " + bad);
            List<string>? members;
            if (groupId is long id)
            {
                if (!_state.MemberGroups.TryGetValue(id, out members)) throw TopApiException.InvalidArgument("member_group_id", "member组不存在: " + id);
                foreach (var added in ids.Where(added => !members.Contains(added))) members.Add(added);
            }
            else
            {
                id = _state.MemberGroups.Keys.Last() + 1;
                members = ids.Distinct().ToList();
                _state.MemberGroups[id] = members;
            }
            return new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["member_group_id"] = id,
                    ["tb_num_ids"] = string.Join(",", members),
                    ["create_time"] = TopTime.ToText(call.Now.AddDays(-1)),
                    ["update_time"] = TopTime.ToText(call.Now),
                },
            };
        }

        /// <summary>权益物料精选: the coupons of a promotion material, page_size at most 10, each with the item it suits.</summary>
        private JsonObject OptimusPromotion(ApiCall call)
        {
            var adzone = OwnAdzone(call);
            var promotionId = Arguments.RequiredLong(call, "promotion_id");
            var pageNum = Arguments.Int(call, "page_num", 1, 1, int.MaxValue);
            var pageSize = Arguments.Int(call, "page_size", 10, 1, 10);
            if (!PromotionMaterials.TryGetValue(promotionId, out var filter)) throw TopApiException.InvalidArgument("promotion_id", "权益物料ID不存在: " + promotionId);
            var page = _catalog.Items.Where(filter).Skip((pageNum - 1) * pageSize).Take(pageSize).ToList();
            if (page.Count == 0) throw NoResult();
            var entries = page.Select(item =>
            {
                var coupon = item.Coupon!;
                return (JsonNode)new JsonObject
                {
                    ["promotion_type"] = item.Shop.IsTmall ? "3" : "2",
                    ["condition_type"] = "1",
                    ["discount_type"] = "1",
                    ["total_count"] = coupon.TotalCount,
                    ["remain_count"] = coupon.RemainCount,
                    ["display_start_time"] = coupon.Start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                    ["display_end_time"] = coupon.End.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                    ["promotion_list"] = call.List("promotion_list", new[]
                    {
                        (JsonNode)new JsonObject
                        {
                            ["entry_condition"] = TopFormat.Number((long)(coupon.StartFee * 100)),
                            ["entry_discount"] = TopFormat.Number((long)(coupon.Amount * 100)),
                            ["entry_used_start_time"] = coupon.Start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                            ["entry_used_end_time"] = coupon.End.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                        },
                    }),
                    ["promotion_extend"] = new JsonObject
                    {
                        ["recommend_item_list"] = call.List("recommend_item_list", new[] { (JsonNode)new JsonObject { ["item_id"] = item.ItemId, ["url"] = item.DetailUrl } }),
                        ["promotion_url"] = "https://uland.taobao.com/quan/detail?sellerId=" + item.Shop.SellerId + "&activityId=" + coupon.ActivityId + "&pid=" + adzone.Pid,
                    },
                    ["seller_id"] = item.Shop.SellerId.ToString(CultureInfo.InvariantCulture),
                    ["nick"] = item.Shop.Nick,
                    ["shop_title"] = item.Shop.Title,
                };
            });
            return new JsonObject { ["result_list"] = call.List("map_data", entries) };
        }

        private static string? QueryValue(string url, string name)
        {
            var query = url.IndexOf('?');
            if (query < 0) return null;
            return url.Substring(query + 1).Split('&')
                .Select(pair => pair.Split(new[] { '=' }, 2))
                .Where(pair => pair.Length == 2 && pair[0] == name)
                .Select(pair => Uri.UnescapeDataString(pair[1]))
                .FirstOrDefault();
        }
    }
}
