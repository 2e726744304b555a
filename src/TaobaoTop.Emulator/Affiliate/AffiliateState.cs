using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Affiliate
{
    internal sealed class Adzone
    {
        public Adzone(long adzoneId, long siteId, string name, DateTimeOffset? created)
        {
            AdzoneId = adzoneId;
            SiteId = siteId;
            Name = name;
            Created = created;
        }

        public long AdzoneId { get; }
        public long SiteId { get; }
        public string Name { get; }

        /// <summary>Null for the seeded adzones, which existed before any order.</summary>
        public DateTimeOffset? Created { get; }
        public string Pid => "mm_" + EmulatorDefaults.DemoMemberId + "_" + SiteId + "_" + AdzoneId;
    }

    internal enum PublisherKind
    {
        /// <summary>渠道 (relation_id), info_type 1.</summary>
        Relation = 1,

        /// <summary>会员 (special_id), info_type 2.</summary>
        Special = 2,
    }

    internal sealed class Publisher
    {
        public PublisherKind Kind { get; set; }
        public long Id { get; set; }
        public string AccountName { get; set; } = "";
        public string RelationApp { get; set; } = "common";
        public string? InviterCode { get; set; }
        public DateTimeOffset CreateDate { get; set; }

        /// <summary>Null for seeded publishers, which count as channels for the whole order history.</summary>
        public DateTimeOffset? RegisteredAt { get; set; }
        public string? OnlineScene { get; set; }
        public string? OfflineScene { get; set; }
        public string? Note { get; set; }
        public string? RelationFrom { get; set; }
        public string? ExternalId { get; set; }
    }

    internal sealed class StoredPassword
    {
        public StoredPassword(string code, string url, DateTimeOffset created)
        {
            Code = code;
            Url = url;
            Created = created;
        }

        public string Code { get; }
        public string Url { get; }
        public DateTimeOffset Created { get; }
    }

    internal sealed class InviteCode
    {
        public InviteCode(string code, string relationApp, int codeType, long? relationId)
        {
            Code = code;
            RelationApp = relationApp;
            CodeType = codeType;
            RelationId = relationId;
        }

        public string Code { get; }
        public string RelationApp { get; }

        /// <summary>1 渠道邀请, 2 渠道裂变, 3 会员邀请.</summary>
        public int CodeType { get; }
        public long? RelationId { get; }
    }

    /// <summary>What the affiliate account owns: sites, adzones, 淘口令, short links, invite codes, registered publishers.</summary>
    internal sealed class AffiliateState
    {
        public const long SecondSiteId = 2000002;

        public const long FirstMemberGroupId = 5000001;

        public Dictionary<long, string> Sites { get; } = new Dictionary<long, string>();
        public List<Adzone> Adzones { get; } = new List<Adzone>();
        public Dictionary<string, StoredPassword> Passwords { get; } = new Dictionary<string, StoredPassword>(StringComparer.Ordinal);
        public Dictionary<string, string> ShortLinks { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
        public Dictionary<string, InviteCode> InviteCodes { get; } = new Dictionary<string, InviteCode>(StringComparer.Ordinal);
        public List<Publisher> Publishers { get; } = new List<Publisher>();
        public List<GiftMoney> GiftMoney { get; } = new List<GiftMoney>();

        /// <summary>A tool service provider's member groups (member组): id → Taobao numeric ids; one is seeded.</summary>
        public SortedDictionary<long, List<string>> MemberGroups { get; } = new SortedDictionary<long, List<string>>();

        public static AffiliateState Seeded(int seed, DateTimeOffset now)
        {
            var state = new AffiliateState();
            state.Sites[EmulatorDefaults.DemoSiteId] = "演示导购网站";
            state.Sites[SecondSiteId] = "演示导购APP";
            state.Adzones.Add(new Adzone(EmulatorDefaults.DemoAdzoneId, EmulatorDefaults.DemoSiteId, "默认推广位", null));
            state.Adzones.Add(new Adzone(EmulatorDefaults.DemoAdzoneId + 1, EmulatorDefaults.DemoSiteId, "微信群推广位", null));
            state.Adzones.Add(new Adzone(EmulatorDefaults.DemoAdzoneId + 2, SecondSiteId, "APP首页推广位", null));
            // The seeded channels' 淘口令, posted when the WeCom month began: the channel report's reach.
            foreach (var channel in WeCom.SyntheticChannelMonth.Channels)
            {
                var url = "https://uland.taobao.com/coupon/edetail?e=" + channel.State + "&pid=" + state.Adzones[0].Pid;
                state.Passwords[channel.TaoPassword] = new StoredPassword(channel.TaoPassword, url, WeCom.SyntheticChannelMonth.MonthStart(now));
            }
            state.MemberGroups[FirstMemberGroupId] = new List<string> { "2201234567801", "2201234567802", "2201234567803" };
            var random = new SeededRandom(seed, 3);
            for (var i = 0; i < 6; i++)
            {
                state.Publishers.Add(new Publisher
                {
                    Kind = PublisherKind.Relation,
                    Id = 2700000001L + i,
                    AccountName = "渠道" + random.Alphanumeric(6).ToLowerInvariant(),
                    CreateDate = now.AddDays(-random.Next(100, 400)),
                    OnlineScene = "1",
                    Note = "微信群" + (i + 1),
                });
            }
            for (var i = 0; i < 4; i++)
            {
                state.Publishers.Add(new Publisher
                {
                    Kind = PublisherKind.Special,
                    Id = 1300000001L + i,
                    AccountName = "会员" + random.Alphanumeric(6).ToLowerInvariant(),
                    CreateDate = now.AddDays(-random.Next(100, 400)),
                });
            }
            // The WeCom month's customers who became members: their orders start once they have added.
            foreach (var (specialId, addedAt) in WeCom.SyntheticChannelMonth.Members(seed, now))
            {
                state.Publishers.Add(new Publisher
                {
                    Kind = PublisherKind.Special,
                    Id = specialId,
                    AccountName = "会员" + specialId.ToString(System.Globalization.CultureInfo.InvariantCulture).Substring(6),
                    CreateDate = addedAt,
                    RegisteredAt = addedAt,
                });
            }
            return state;
        }

        public Adzone? FindAdzone(long adzoneId) => Adzones.FirstOrDefault(a => a.AdzoneId == adzoneId);

        public Publisher? FindPublisher(PublisherKind kind, long id) => Publishers.FirstOrDefault(p => p.Kind == kind && p.Id == id);

        public long NextAdzoneId() => Adzones.Max(a => a.AdzoneId) + 1;

        public long NextPublisherId(PublisherKind kind) => Publishers.Where(p => p.Kind == kind).Max(p => p.Id) + 1;

        /// <summary>Only what calls created: the seeded part comes back from the seed.</summary>
        public JsonObject Save()
        {
            return new JsonObject
            {
                ["adzones"] = new JsonArray(Adzones.Where(a => a.Created != null).Select(a => (JsonNode)new JsonObject
                {
                    ["adzone_id"] = a.AdzoneId,
                    ["site_id"] = a.SiteId,
                    ["name"] = a.Name,
                    ["created"] = TopTime.ToText(a.Created!.Value),
                }).ToArray()),
                ["passwords"] = new JsonArray(Passwords.Values.Select(p => (JsonNode)new JsonObject
                {
                    ["code"] = p.Code,
                    ["url"] = p.Url,
                    ["created"] = TopTime.ToText(p.Created),
                }).ToArray()),
                ["short_links"] = new JsonObject(ShortLinks.Select(l => new KeyValuePair<string, JsonNode?>(l.Key, l.Value))),
                ["invite_codes"] = new JsonArray(InviteCodes.Values.Select(c => (JsonNode)new JsonObject
                {
                    ["code"] = c.Code,
                    ["relation_app"] = c.RelationApp,
                    ["code_type"] = c.CodeType,
                    ["relation_id"] = c.RelationId,
                }).ToArray()),
                ["publishers"] = new JsonArray(Publishers.Where(p => p.RegisteredAt != null || p.ExternalId != null).Select(p => (JsonNode)new JsonObject
                {
                    ["kind"] = (int)p.Kind,
                    ["id"] = p.Id,
                    ["account_name"] = p.AccountName,
                    ["relation_app"] = p.RelationApp,
                    ["inviter_code"] = p.InviterCode,
                    ["create_date"] = TopTime.ToText(p.CreateDate),
                    ["registered_at"] = p.RegisteredAt == null ? null : TopTime.ToText(p.RegisteredAt.Value),
                    ["online_scene"] = p.OnlineScene,
                    ["offline_scene"] = p.OfflineScene,
                    ["note"] = p.Note,
                    ["relation_from"] = p.RelationFrom,
                    ["external_id"] = p.ExternalId,
                }).ToArray()),
                ["gift_money"] = new JsonArray(GiftMoney.Select(g => (JsonNode)new JsonObject
                {
                    ["rights_id"] = g.RightsId,
                    ["adzone_id"] = g.AdzoneId,
                    ["item_id"] = g.ItemId,
                    ["name"] = g.Name,
                    ["per_face"] = TopFormat.Money(g.PerFace),
                    ["total_num"] = g.TotalNum,
                    ["send_start"] = TopTime.ToText(g.SendStart),
                    ["send_end"] = TopTime.ToText(g.SendEnd),
                    ["created"] = TopTime.ToText(g.Created),
                    ["stopped"] = g.Stopped == null ? null : TopTime.ToText(g.Stopped.Value),
                }).ToArray()),
                ["member_groups"] = new JsonArray(MemberGroups.Select(g => (JsonNode)new JsonObject
                {
                    ["member_group_id"] = g.Key,
                    ["tb_num_ids"] = string.Join(",", g.Value),
                }).ToArray()),
            };
        }

        public void Load(JsonNode saved)
        {
            foreach (var a in Items(saved, "adzones"))
            {
                var adzoneId = (long)a["adzone_id"]!;
                if (FindAdzone(adzoneId) == null)
                    Adzones.Add(new Adzone(adzoneId, (long)a["site_id"]!, (string)a["name"]!, Time(a["created"])));
            }
            foreach (var p in Items(saved, "passwords"))
            {
                var code = (string)p["code"]!;
                Passwords[code] = new StoredPassword(code, (string)p["url"]!, Time(p["created"]) ?? DateTimeOffset.MinValue);
            }
            if (saved["short_links"] is JsonObject links)
            {
                foreach (var link in links) ShortLinks[link.Key] = (string)link.Value!;
            }
            foreach (var c in Items(saved, "invite_codes"))
            {
                var code = (string)c["code"]!;
                InviteCodes[code] = new InviteCode(code, (string)c["relation_app"]!, (int)c["code_type"]!, (long?)c["relation_id"]);
            }
            foreach (var p in Items(saved, "publishers"))
            {
                var kind = (PublisherKind)(int)p["kind"]!;
                var id = (long)p["id"]!;
                var publisher = FindPublisher(kind, id);
                if (publisher == null)
                {
                    publisher = new Publisher { Kind = kind, Id = id };
                    Publishers.Add(publisher);
                }
                publisher.AccountName = (string)p["account_name"]!;
                publisher.RelationApp = (string)p["relation_app"]!;
                publisher.InviterCode = (string?)p["inviter_code"];
                publisher.CreateDate = Time(p["create_date"]) ?? publisher.CreateDate;
                publisher.RegisteredAt = Time(p["registered_at"]);
                publisher.OnlineScene = (string?)p["online_scene"];
                publisher.OfflineScene = (string?)p["offline_scene"];
                publisher.Note = (string?)p["note"];
                publisher.RelationFrom = (string?)p["relation_from"];
                publisher.ExternalId = (string?)p["external_id"];
            }
            LoadGiftMoney(saved);
            foreach (var g in Items(saved, "member_groups"))
            {
                MemberGroups[(long)g["member_group_id"]!] = ((string)g["tb_num_ids"]!).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).ToList();
            }
        }

        private void LoadGiftMoney(JsonNode saved)
        {
            foreach (var g in Items(saved, "gift_money"))
            {
                var rightsId = (string)g["rights_id"]!;
                if (GiftMoney.Any(existing => existing.RightsId == rightsId)) continue;
                GiftMoney.Add(new GiftMoney
                {
                    RightsId = rightsId,
                    AdzoneId = (long)g["adzone_id"]!,
                    ItemId = (string)g["item_id"]!,
                    Name = (string)g["name"]!,
                    PerFace = decimal.Parse((string)g["per_face"]!, System.Globalization.CultureInfo.InvariantCulture),
                    TotalNum = (long)g["total_num"]!,
                    SendStart = Time(g["send_start"]) ?? DateTimeOffset.MinValue,
                    SendEnd = Time(g["send_end"]) ?? DateTimeOffset.MinValue,
                    Created = Time(g["created"]) ?? DateTimeOffset.MinValue,
                    Stopped = Time(g["stopped"]),
                });
            }
        }

        private static IEnumerable<JsonObject> Items(JsonNode saved, string name)
            => saved[name] is JsonArray array ? array.OfType<JsonObject>() : Enumerable.Empty<JsonObject>();

        private static DateTimeOffset? Time(JsonNode? node)
            => node != null && TopTime.TryParse((string)node!, out var time) ? time : (DateTimeOffset?)null;
    }
}
