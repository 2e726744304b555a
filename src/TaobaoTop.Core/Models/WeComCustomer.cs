using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop
{
    /// <summary>
    /// A customer (external contact) as one member follows them: who added them, when, how, through which channel
    /// <c>state</c>, and the corp tags that member put on them. A customer followed by two members is two objects.
    /// </summary>
    public sealed class WeComCustomer
    {
        public const string SpecialIdPrefix = "special_id=";

        public string ExternalUserId { get; set; } = string.Empty;

        public string? Name { get; set; }

        /// <summary>1 WeChat user, 2 WeCom user.</summary>
        public int Type { get; set; }

        /// <summary>0 unknown, 1 male, 2 female.</summary>
        public int Gender { get; set; }

        public string? CorpName { get; set; }

        /// <summary>The member (userid) who follows the customer.</summary>
        public string UserId { get; set; } = string.Empty;

        public string? Remark { get; set; }

        public string? Description { get; set; }

        /// <summary>When the member added the customer (follow_info.createtime), in +08:00.</summary>
        public DateTimeOffset AddedAt { get; set; }

        /// <summary>The add source (1 QR code scan, 2 phone search, 16 获客链接 …).</summary>
        public int AddWay { get; set; }

        public string AddWayText => AddWayTextOf(AddWay);

        /// <summary>The <c>state</c> of the contact way the customer added through; empty for other routes.</summary>
        public string? State { get; set; }

        /// <summary>Who started the add: the member, the customer, or a sharing / assigning member.</summary>
        public string? OperUserId { get; set; }

        /// <summary>Corp and strategy tag ids (batch/get_by_user returns no personal tags).</summary>
        public string[] TagIds { get; set; } = Array.Empty<string>();

        /// <summary>
        /// The affiliate 会员运营 id (special_id) recorded for this customer, read from a <c>special_id=N</c> word in the
        /// follower's description: WeCom has no field for it, so the operator writes it there when registering the member.
        /// </summary>
        public long? SpecialId { get; set; }

        /// <summary>
        /// When the customer and the member stopped being contacts, if known. WeCom's lists omit them, so Get-WeComCustomer
        /// never sets it: it comes from the del_external_contact / del_follow_user callbacks or an earlier export.
        /// </summary>
        public DateTimeOffset? RemovedAt { get; set; }

        /// <summary>
        /// True when the record comes from a source that sees departures (contact events, snapshots): a missing
        /// <see cref="RemovedAt"/> then means the relation was still there, not that nobody knows.
        /// </summary>
        public bool DeparturesKnown { get; set; }

        /// <summary>Reads one <c>external_contact_list</c> item of batch/get_by_user.</summary>
        public static WeComCustomer FromJson(JsonElement item)
        {
            var contact = item.Child("external_contact");
            var follow = item.Child("follow_info");
            var description = follow.Text("description");
            return new WeComCustomer
            {
                ExternalUserId = contact.Text("external_userid") ?? string.Empty,
                Name = contact.Text("name"),
                Type = contact.Int("type") ?? 0,
                Gender = contact.Int("gender") ?? 0,
                CorpName = contact.Text("corp_name"),
                UserId = follow.Text("userid") ?? string.Empty,
                Remark = follow.Text("remark"),
                Description = description,
                AddedAt = TopTime.ToTopZone(DateTimeOffset.FromUnixTimeSeconds(follow.Long("createtime") ?? 0)),
                AddWay = follow.Int("add_way") ?? 0,
                State = follow.Text("state"),
                OperUserId = follow.Text("oper_userid"),
                TagIds = follow.Child("tag_id").Items().Select(t => t.GetString() ?? string.Empty).ToArray(),
                SpecialId = ParseSpecialId(description),
            };
        }

        public static long? ParseSpecialId(string? description)
        {
            if (string.IsNullOrEmpty(description)) return null;
            foreach (var word in description!.Split(new[] { ' ', ';', ',', '，', '；' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.StartsWith(SpecialIdPrefix, StringComparison.Ordinal)
                    && long.TryParse(word.Substring(SpecialIdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    return id;
                }
            }
            return null;
        }

        public static string AddWayTextOf(int addWay)
        {
            switch (addWay)
            {
                case 1: return "扫描二维码";
                case 2: return "搜索手机号";
                case 3: return "名片分享";
                case 4: return "群聊";
                case 5: return "手机通讯录";
                case 6: return "微信联系人";
                case 8: return "安装第三方应用时自动添加的客服人员";
                case 9: return "搜索邮箱";
                case 10: return "视频号主页";
                case 11: return "日程参与人";
                case 12: return "会议参与人";
                case 13: return "添加微信好友对应的企业微信";
                case 14: return "智慧硬件专属客服";
                case 15: return "上门服务客服";
                case 16: return "获客链接";
                case 201: return "内部成员共享";
                case 202: return "管理员/负责人分配";
                default: return "未知来源";
            }
        }

        public override string ToString() => ExternalUserId + " " + Name;
    }
}
