using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Affiliate
{
    /// <summary>拉新: the new users the promoter's links brought to an activity, a few a day, generated from the seed.</summary>
    public sealed partial class AffiliateModule
    {
        private static readonly (string Id, string Type)[] NewUserActivities =
        {
            ("119013_2", "taobao"),
            ("1306", "tmall"),
            ("alipay_2026", "alipay"),
        };

        private const int NewUsersPerDay = 6;

        private void RegisterNewUsers(ApiRegistry registry)
        {
            registry.Add("taobao.tbk.dg.newuser.order.get", false, false, call => Locked(call, NewUserOrders));
            registry.Add("taobao.tbk.sc.newuser.order.get", true, false, call => Locked(call, NewUserOrders));
            registry.Add("taobao.tbk.dg.newuser.order.sum", false, false, call => Locked(call, NewUserSums));
            registry.Add("taobao.tbk.sc.newuser.order.sum", true, false, call => Locked(call, NewUserSums));
        }

        /// <summary>拉新活动数据: per day, the users of <see cref="NewUserOrders"/> counted by how far they got.</summary>
        private JsonObject NewUserSums(ApiCall call)
        {
            var activityId = call.Required("activity_id");
            call.Required("page_no");
            call.Required("page_size");
            var activity = NewUserActivities.FirstOrDefault(a => a.Id == activityId);
            if (activity.Id == null) throw TopApiException.Business("isv.invalid-parameter:activity_id", "活动不存在: " + activityId);
            var pageNo = Arguments.Int(call, "page_no", 1, 1, 10_000);
            var pageSize = Arguments.Int(call, "page_size", 20, 1, 100);
            var adzoneId = Arguments.OptionalLong(call, "adzone_id");
            var siteId = Arguments.OptionalLong(call, "site_id");
            var now = call.Now;
            var today = now.ToOffset(TopTime.Offset).Date;
            var days = new List<JsonObject>();
            for (var day = 0; day < 60; day++)
            {
                var date = today.AddDays(-day);
                var users = Enumerable.Range(0, NewUsersPerDay).Select(index => NewUser(activity, date, index, now))
                    .Where(u => u != null && (adzoneId == null || (long)u["adzone_id"]! == adzoneId) && (siteId == null || (long)u["site_id"]! == siteId))
                    .Select(u => (int)u!["status"]!).ToList();
                if (users.Count == 0) continue;
                // taobao: 1 注册 2 激活 3 首购 4 确认收货; tmall from 2; alipay 1 绑定 2 成功 3 无效.
                var paid = activity.Type == "alipay" ? 0 : users.Count(st => st >= 3);
                days.Add(new JsonObject
                {
                    ["activity_id"] = activity.Id,
                    ["biz_date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["reg_user_cnt"] = activity.Type == "taobao" ? users.Count : 0,
                    ["login_user_cnt"] = users.Count(st => activity.Type == "alipay" ? st == 2 : st >= 2),
                    ["alipay_user_cnt"] = paid,
                    ["rcv_user_cnt"] = activity.Type == "alipay" ? 0 : users.Count(st => st == 4),
                    ["rcv_valid_user_cnt"] = activity.Type == "alipay" ? 0 : users.Count(st => st == 4),
                    ["alipay_user_cpa_pre_amt"] = TopFormat.Money(paid * 4.5m),
                });
            }
            var page = days.Skip((pageNo - 1) * pageSize).Take(pageSize).Select(d => (JsonNode)d).ToList();
            return new JsonObject
            {
                ["results"] = new JsonObject
                {
                    ["data"] = new JsonObject
                    {
                        ["results"] = call.List("data", page),
                        ["page_no"] = pageNo,
                        ["page_size"] = pageSize,
                        ["has_next"] = pageNo * pageSize < days.Count,
                    },
                },
            };
        }

        /// <summary>新用户订单明细: results.data{results[], page_no, page_size, has_next}, newest first, at most 60 days back.</summary>
        private JsonObject NewUserOrders(ApiCall call)
        {
            var activityId = call.Required("activity_id");
            var activity = NewUserActivities.FirstOrDefault(a => a.Id == activityId);
            if (activity.Id == null) throw TopApiException.Business("isv.invalid-parameter:activity_id", "活动不存在: " + activityId);
            var pageNo = Arguments.Int(call, "page_no", 1, 1, 10_000);
            var pageSize = Arguments.Int(call, "page_size", 20, 1, 100);
            var adzoneId = Arguments.OptionalLong(call, "adzone_id");
            var now = call.Now;
            var from = TimeOrDefault(call, "start_time", now.AddDays(-60));
            var to = TimeOrDefault(call, "end_time", now);
            if (from >= to) throw TopApiException.InvalidArgument("start_time", "开始时间应小于结束时间");

            var users = new List<JsonObject>();
            var today = now.ToOffset(TopTime.Offset).Date;
            for (var day = 0; day < 60; day++)
            {
                var date = today.AddDays(-day);
                for (var index = 0; index < NewUsersPerDay; index++)
                {
                    var user = NewUser(activity, date, index, now);
                    if (user == null) continue;
                    var key = TopTime.TryParse((string)user["bind_time"]!, out var bound) ? bound : now;
                    if (key < from || key >= to) continue;
                    if (adzoneId != null && (long)user["adzone_id"]! != adzoneId) continue;
                    users.Add(user);
                }
            }
            var page = users.Skip((pageNo - 1) * pageSize).Take(pageSize).Select(u => (JsonNode)u).ToList();
            return new JsonObject
            {
                ["results"] = new JsonObject
                {
                    ["data"] = new JsonObject
                    {
                        ["results"] = call.List("map_data", page),
                        ["page_no"] = pageNo,
                        ["page_size"] = pageSize,
                        ["has_next"] = pageNo * pageSize < users.Count,
                    },
                },
            };
        }

        private static DateTimeOffset TimeOrDefault(ApiCall call, string name, DateTimeOffset fallback)
        {
            var text = call.Optional(name);
            if (text == null) return fallback;
            if (!TopTime.TryParse(text, out var time)) throw TopApiException.InvalidArgument(name, name + "格式为yyyy-MM-dd HH:mm:ss");
            return time;
        }

        /// <summary>One new user of a day; null when it has not happened yet at <paramref name="now"/>.</summary>
        private JsonObject? NewUser((string Id, string Type) activity, DateTime date, int index, DateTimeOffset now)
        {
            var random = new SeededRandom(_seed, 31, date.Ticks / TimeSpan.TicksPerDay, (Links.Hash(activity.Id) & 0xFFFF) * 100 + index);
            var bound = new DateTimeOffset(date, TopTime.Offset).AddSeconds(random.Next(86400));
            if (bound > now) return null;
            var adzone = _state.Adzones[random.Next(_state.Adzones.Count)];
            var relations = _state.Publishers.Where(p => p.Kind == PublisherKind.Relation).ToList();
            var status = activity.Type == "alipay" ? random.Next(1, 4) : random.Next(activity.Type == "tmall" ? 2 : 1, 5);
            var bought = bound.AddHours(random.Next(1, 48));
            // Nobody has bought before the purchase happened.
            if (activity.Type != "alipay" && status >= 3 && bought > now) status = 2;
            var user = new JsonObject
            {
                ["activity_id"] = activity.Id,
                ["activity_type"] = activity.Type,
                ["biz_date"] = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                ["bind_time"] = TopTime.ToText(bound),
                ["status"] = status,
                ["mobile"] = "1" + random.Next(30, 90) + "****" + random.Next(1000, 10000),
                ["member_id"] = EmulatorDefaults.DemoMemberId,
                ["site_id"] = adzone.SiteId,
                ["adzone_id"] = adzone.AdzoneId,
                ["adzone_name"] = adzone.Name,
            };
            if (activity.Type == "taobao") user["register_time"] = TopTime.ToText(bound.AddMinutes(-random.Next(1, 30)));
            if (status >= 3 && activity.Type != "alipay")
            {
                user["buy_time"] = TopTime.ToText(bought);
                user["tb_trade_parent_id"] = 3_000_000_000_000_000_000L + random.Next(1_000_000_000);
                user["order_tk_type"] = random.Chance(0.8) ? 1 : 2;
            }
            if (random.Chance(0.5) && relations.Count > 0) user["relation_id"] = relations[random.Next(relations.Count)].Id.ToString(CultureInfo.InvariantCulture);
            return user;
        }
    }
}
