using System;
using System.Collections.Generic;
using System.Linq;
using TaobaoTop.Emulator.Affiliate;

namespace TaobaoTop.Emulator.WeCom
{
    internal sealed class ContactWay
    {
        public string ConfigId = string.Empty;
        public int Type;
        public int Scene;
        public string? State;
        public string? Remark;
        public bool SkipVerify;
        public string[] Users = Array.Empty<string>();
        public long[] Parties = Array.Empty<long>();
        public string QrCode = string.Empty;
        public DateTimeOffset CreatedAt;
        public int Adds;
    }

    internal sealed class Customer
    {
        public Customer(string externalUserId, string name, int gender)
        {
            ExternalUserId = externalUserId;
            Name = name;
            Gender = gender;
        }

        public string ExternalUserId { get; }
        public string Name { get; }
        public int Gender { get; }
        public List<Follow> Follows { get; } = new List<Follow>();
    }

    /// <summary>One member following one customer: WeCom's follow_info.</summary>
    internal sealed class Follow
    {
        public Follow(string userId, DateTimeOffset createTime, int addWay, string? state, string operUserId)
        {
            UserId = userId;
            CreateTime = createTime;
            AddWay = addWay;
            State = state;
            OperUserId = operUserId;
        }

        public string UserId { get; }
        public DateTimeOffset CreateTime { get; }
        public int AddWay { get; }
        public string? State { get; }
        public string OperUserId { get; }
        public string Description { get; set; } = string.Empty;
        public string Remark { get; set; } = string.Empty;
        public List<string> TagIds { get; } = new List<string>();

        /// <summary>When the relation ended, and how: del_external_contact (with <see cref="RemovedSource"/>) or del_follow_user.</summary>
        public DateTimeOffset? RemovedAt { get; set; }
        public string? RemovedBy { get; set; }
        public string? RemovedSource { get; set; }

        public bool IsActiveAt(DateTimeOffset at) => CreateTime <= at && (RemovedAt is null || RemovedAt > at);
    }

    internal sealed class TagGroup
    {
        public string GroupId = string.Empty;
        public string GroupName = string.Empty;
        public DateTimeOffset CreateTime;
        public List<(string Id, string Name, DateTimeOffset CreateTime)> Tags = new List<(string, string, DateTimeOffset)>();
    }

    internal sealed class WeComState
    {
        public const int MaxCorpTags = 3000;

        private long _counter;

        public Dictionary<string, ContactWay> ContactWays { get; } = new Dictionary<string, ContactWay>(StringComparer.Ordinal);

        public List<Customer> Customers { get; } = new List<Customer>();

        public List<TagGroup> TagGroups { get; } = new List<TagGroup>();

        /// <summary>Failed transfers: (time, member, customer, reason).</summary>
        public List<(DateTimeOffset Time, string UserId, string ExternalUserId, string Reason)> TransferFails { get; } = new List<(DateTimeOffset, string, string, string)>();

        /// <summary>Members per department; the sales department holds every demo member.</summary>
        public Dictionary<long, string[]> Departments { get; } = new Dictionary<long, string[]> { [1] = new[] { "boss" }, [WeComDemo.SalesParty] = WeComDemo.Members };

        public HashSet<string> Members { get; } = new HashSet<string>(WeComDemo.Members.Append("boss"), StringComparer.Ordinal);

        public string NextId(string prefix, int seed)
        {
            var n = ++_counter;
            return prefix + new SeededRandom(seed, 503, n).Alphanumeric(22) + Base62.Encode(n);
        }

        public ContactWay AddContactWay(int type, string? state, string? remark, string[] users, long[] parties, bool skipVerify, DateTimeOffset at, int seed)
        {
            var configId = NextId("cw", seed).ToLowerInvariant();
            var way = new ContactWay
            {
                ConfigId = configId,
                Type = type,
                Scene = 2,
                State = state,
                Remark = remark,
                Users = users,
                Parties = parties,
                SkipVerify = skipVerify,
                QrCode = "https://wework.qpic.cn/wwpic/" + configId.Substring(2, 12) + "/0",
                CreatedAt = at,
            };
            ContactWays[configId] = way;
            return way;
        }

        /// <summary>Members a contact way reaches: its users and its departments' members, each once.</summary>
        public string[] Reach(IEnumerable<string> users, IEnumerable<long> parties)
            => users.Concat(parties.SelectMany(p => Departments.TryGetValue(p, out var m) ? m : Array.Empty<string>())).Distinct(StringComparer.Ordinal).ToArray();

        public int CorpTagCount => TagGroups.Sum(g => g.Tags.Count);

        public bool TagExists(string tagId) => TagGroups.Any(g => g.Tags.Any(t => t.Id == tagId));
    }
}
