using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TaobaoTop.Emulator.Affiliate;

namespace TaobaoTop.Emulator.WeCom
{
    /// <summary>A channel code seeded in the emulator: its state, followers, and how many customers added through it.</summary>
    public sealed class SeededChannel
    {
        internal SeededChannel(string state, string remark, string[] users, int adds, double leaveRate, string taoPassword)
        {
            TaoPassword = taoPassword;
            State = state;
            Remark = remark;
            Users = users;
            Adds = adds;
            LeaveRate = leaveRate;
        }

        public string State { get; }

        public string Remark { get; }

        public string[] Users { get; }

        /// <summary>Customers who added through the code during the month (the ground truth for first adds).</summary>
        public int Adds { get; }

        /// <summary>The share of the channel's customers the seed lets leave (either side deleting) within 25 days.</summary>
        public double LeaveRate { get; }

        /// <summary>The 淘口令 the channel posted at the month's start (the same for every seed); the tpwd report knows it.</summary>
        public string TaoPassword { get; }
    }

    /// <summary>
    /// The seeded month: six channel codes and the customers who added through them at seeded times, plus customers who
    /// came by other routes (no state). About 70 % of channel customers have a 会员运营 id (special_id) recorded in their
    /// follower's description as <c>special_id=N</c>; ids start at <see cref="FirstSpecialId"/> and are numbered in add
    /// order. The affiliate emulator registers the same members (<see cref="Members"/>) from the add on, so for the same
    /// seed and day their affiliate orders carry these special ids and the channel report can follow a customer to orders.
    /// </summary>
    public static class SyntheticChannelMonth
    {
        public const long FirstSpecialId = 1_300_100_001;

        public const int OtherRouteCustomers = 12;

        public static IReadOnlyList<SeededChannel> Channels { get; } = new[]
        {
            new SeededChannel("xhs_note", "小红书笔记", new[] { "sales01", "sales02" }, 40, 0.15, "Xhs8Note2Tkl"),
            new SeededChannel("dy_feed", "抖音信息流", new[] { "sales02", "sales03" }, 60, 0.45, "Dy7Feed3Tkl"),
            new SeededChannel("pyq_ad", "朋友圈广告", new[] { "sales01" }, 25, 0.25, "Pyq6Ad4Tkl9"),
            new SeededChannel("elevator", "电梯海报", new[] { "sales03", "sales04" }, 15, 0.1, "Elev5Ator7T"),
            new SeededChannel("store_counter", "门店柜台", new[] { "sales04" }, 20, 0.05, "Store4Cnt8T"),
            new SeededChannel("live_room", "直播间", new[] { "sales05", "sales06" }, 30, 0.55, "Live3Room6T"),
        };

        private static readonly string[] Surnames = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };

        /// <summary>The month ends at the start of <paramref name="now"/>'s day (+08:00) and lasts 30 days.</summary>
        public static DateTimeOffset MonthStart(DateTimeOffset now)
        {
            var local = now.ToOffset(TimeSpan.FromHours(8));
            return new DateTimeOffset(local.Date, TimeSpan.FromHours(8)).AddDays(-30);
        }

        /// <summary>The 会员运营 ids of the month's channel customers and when each added, for the affiliate side.</summary>
        public static IReadOnlyList<(long SpecialId, DateTimeOffset AddedAt)> Members(int seed, DateTimeOffset now)
        {
            var state = new WeComState();
            Seed(state, seed, now);
            var members = new List<(long, DateTimeOffset)>();
            foreach (var follow in state.Customers.SelectMany(c => c.Follows))
            {
                if (follow.Description != null && follow.Description.StartsWith("special_id=", StringComparison.Ordinal))
                {
                    members.Add((long.Parse(follow.Description.Substring("special_id=".Length), CultureInfo.InvariantCulture), follow.CreateTime));
                }
            }
            // A transferred customer's description follows them to the new member: one id, the first add.
            return members.GroupBy(m => m.Item1).Select(g => (g.Key, g.Min(m => m.Item2))).OrderBy(m => m.Item1).ToList();
        }

        internal static void Seed(WeComState state, int seed, DateTimeOffset now)
        {
            var start = MonthStart(now);
            var random = new SeededRandom(seed, 501);
            var added = new List<(Follow Follow, Customer Customer)>();
            var number = 0;
            foreach (var channel in Channels)
            {
                var way = state.AddContactWay(2, channel.State, channel.Remark, channel.Users, Array.Empty<long>(), true, start.AddHours(-random.Next(24, 240)), seed);
                for (var i = 0; i < channel.Adds; i++)
                {
                    var customer = NewCustomer(state, seed, ref random, ++number);
                    var follow = new Follow(channel.Users[i % channel.Users.Length], start.AddSeconds(random.Next(30 * 86400)), 1, channel.State, customer.ExternalUserId);
                    added.Add((follow, customer));
                    state.ContactWays[way.ConfigId].Adds++;
                }
            }
            for (var i = 0; i < OtherRouteCustomers; i++)
            {
                var customer = NewCustomer(state, seed, ref random, ++number);
                var addWay = random.Pick(new[] { 2, 3, 6 });
                added.Add((new Follow(WeComDemo.Members[random.Next(WeComDemo.Members.Length)], start.AddSeconds(random.Next(30 * 86400)), addWay, null, customer.ExternalUserId), customer));
            }

            var specialId = FirstSpecialId;
            var ordered = added.OrderBy(a => a.Follow.CreateTime).ThenBy(a => a.Customer.ExternalUserId, StringComparer.Ordinal).ToList();
            foreach (var (follow, customer) in ordered)
            {
                if (follow.State != null && random.Chance(0.7)) follow.Description = "special_id=" + (specialId++).ToString(CultureInfo.InvariantCulture);
                customer.Follows.Add(follow);
            }
            Depart(state, ordered, seed, start.AddDays(30));
        }

        /// <summary>
        /// Departures of both kinds and on-job transfers, from their own random stream so the adds and special ids above
        /// stay as they were: each channel loses customers at its own rate, at 1 hour to 25 days after the add, and only
        /// departures before the month's end happen. A transfer ends one follow (DELETE_BY_TRANSFER) and starts another
        /// member's at the same second, so the customer stays; one transfer fails.
        /// </summary>
        private static void Depart(WeComState state, List<(Follow Follow, Customer Customer)> ordered, int seed, DateTimeOffset end)
        {
            var random = new SeededRandom(seed, 505);
            foreach (var (follow, customer) in ordered)
            {
                var channel = Channels.FirstOrDefault(c => c.State == follow.State);
                var leaveRate = channel == null ? 0.1 : channel.LeaveRate;
                var at = follow.CreateTime.AddSeconds(random.Next(3600, 25 * 86400));
                var dice = random.NextDouble();
                if (at >= end) continue;
                if (dice < leaveRate)
                {
                    follow.RemovedAt = at;
                    // WeCom documents a Source only for transfers.
                    follow.RemovedBy = random.Chance(0.6) ? "del_follow_user" : "del_external_contact";
                }
                else if (dice < leaveRate + 0.06)
                {
                    var others = WeComDemo.Members.Where(m => m != follow.UserId).ToArray();
                    follow.RemovedAt = at;
                    follow.RemovedBy = "del_external_contact";
                    follow.RemovedSource = "DELETE_BY_TRANSFER";
                    customer.Follows.Add(new Follow(random.Pick(others), at, 202, null, follow.UserId) { Description = follow.Description });
                }
            }
            var refused = ordered.First(a => a.Follow.RemovedAt is null && a.Follow.CreateTime.AddDays(1) < end);
            state.TransferFails.Add((refused.Follow.CreateTime.AddDays(1), refused.Follow.UserId, refused.Customer.ExternalUserId, "customer_refused"));
        }

        private static Customer NewCustomer(WeComState state, int seed, ref SeededRandom random, int number)
        {
            var id = "wm" + new SeededRandom(seed, 502, number).Alphanumeric(24) + number.ToString("D4", CultureInfo.InvariantCulture);
            var customer = new Customer(id, random.Pick(Surnames) + (random.Chance(0.5) ? "女士" : "先生"), random.Next(3));
            state.Customers.Add(customer);
            return customer;
        }
    }
}
