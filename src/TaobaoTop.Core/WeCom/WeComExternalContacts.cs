using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.WeCom
{
    /// <summary>The 客户联系 APIs this module uses: contact ways, customers with follow info, corp tags.</summary>
    public sealed class WeComExternalContacts
    {
        public const int MaxUsersPerCustomerQuery = 100;
        public const int MaxCustomerPageSize = 100;
        public const int MaxContactWayPageSize = 1000;

        private const string Base = "/cgi-bin/externalcontact/";

        private readonly WeComClient _client;
        private readonly Action<WeComCallEvent>? _observer;

        public WeComExternalContacts(WeComClient client, Action<WeComCallEvent>? observer = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _observer = observer;
        }

        /// <summary>Creates a QR-code contact way (scene 2) and reads it back, so the caller has every field.</summary>
        public async Task<WeComContactWay> AddContactWayAsync(string? state, IReadOnlyCollection<string> users, IReadOnlyCollection<long> parties, string? remark, bool skipVerify, CancellationToken cancellationToken = default)
        {
            var problems = ContactWayRules.Check(state, remark, users, parties, creating: true);
            if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
            var type = ContactWayRules.TypeFor(users, parties);
            var body = new JsonObject
            {
                ["type"] = type,
                ["scene"] = 2,
                ["skip_verify"] = skipVerify,
            };
            if (state != null) body["state"] = state;
            if (remark != null) body["remark"] = remark;
            if (users.Count > 0) body["user"] = new JsonArray(users.Select(u => (JsonNode)JsonValue.Create(u)!).ToArray());
            if (type == 2 && parties.Count > 0) body["party"] = new JsonArray(parties.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray());
            var answer = await _client.PostAsync(Base + "add_contact_way", body, idempotent: false, _observer, cancellationToken).ConfigureAwait(false);
            var configId = answer.Text("config_id")
                ?? throw new WeComException(Base + "add_contact_way", CoreText.Get("WeComNoConfigId"), null,
                    new Errors.ErrorVerdict(Errors.ServiceErrorKind.MayHaveBeenApplied, mayHaveBeenApplied: true));
            return await GetContactWayAsync(configId, cancellationToken).ConfigureAwait(false);
        }

        public async Task<WeComContactWay> GetContactWayAsync(string configId, CancellationToken cancellationToken = default)
        {
            var answer = await _client.PostAsync(Base + "get_contact_way", new JsonObject { ["config_id"] = configId }, idempotent: true, _observer, cancellationToken).ConfigureAwait(false);
            return WeComContactWay.FromJson(answer.Child("contact_way"));
        }

        /// <summary>Config ids of contact ways created in the range (WeCom's default: the last 90 days), every page followed.</summary>
        public async Task<IList<string>> ListContactWayIdsAsync(DateTimeOffset? start, DateTimeOffset? end, int pageSize = MaxContactWayPageSize, CancellationToken cancellationToken = default)
        {
            var ids = new List<string>();
            var cursor = string.Empty;
            do
            {
                var body = new JsonObject { ["limit"] = Math.Min(Math.Max(pageSize, 1), MaxContactWayPageSize), ["cursor"] = cursor };
                if (start.HasValue) body["start_time"] = start.Value.ToUnixTimeSeconds();
                if (end.HasValue) body["end_time"] = end.Value.ToUnixTimeSeconds();
                var answer = await _client.PostAsync(Base + "list_contact_way", body, idempotent: true, _observer, cancellationToken).ConfigureAwait(false);
                foreach (var way in answer.Child("contact_way").Items()) ids.Add(way.Text("config_id") ?? string.Empty);
                cursor = answer.Text("next_cursor") ?? string.Empty;
            }
            while (cursor.Length > 0);
            return ids;
        }

        /// <summary>Changes what is given (null leaves a field as it is; users and parties replace the whole list).</summary>
        public Task UpdateContactWayAsync(string configId, string? state, string? remark, bool? skipVerify, IReadOnlyCollection<string>? users, IReadOnlyCollection<long>? parties, CancellationToken cancellationToken = default)
        {
            var problems = ContactWayRules.Check(state, remark, users, parties, creating: false);
            if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
            var body = new JsonObject { ["config_id"] = configId };
            if (state != null) body["state"] = state;
            if (remark != null) body["remark"] = remark;
            if (skipVerify.HasValue) body["skip_verify"] = skipVerify.Value;
            if (users != null) body["user"] = new JsonArray(users.Select(u => (JsonNode)JsonValue.Create(u)!).ToArray());
            if (parties != null) body["party"] = new JsonArray(parties.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray());
            return _client.PostAsync(Base + "update_contact_way", body, idempotent: true, _observer, cancellationToken);
        }

        public Task DeleteContactWayAsync(string configId, CancellationToken cancellationToken = default)
            => _client.PostAsync(Base + "del_contact_way", new JsonObject { ["config_id"] = configId }, idempotent: true, _observer, cancellationToken);

        /// <summary>Customers of the members (one item per customer and follower), page by page through batch/get_by_user.</summary>
        public async Task ForEachCustomerAsync(IReadOnlyList<string> userIds, Action<WeComCustomer> each, int pageSize = MaxCustomerPageSize, CancellationToken cancellationToken = default)
        {
            for (var offset = 0; offset < userIds.Count; offset += MaxUsersPerCustomerQuery)
            {
                var batch = userIds.Skip(offset).Take(MaxUsersPerCustomerQuery).ToArray();
                var cursor = string.Empty;
                do
                {
                    var body = new JsonObject
                    {
                        ["userid_list"] = new JsonArray(batch.Select(u => (JsonNode)JsonValue.Create(u)!).ToArray()),
                        ["cursor"] = cursor,
                        ["limit"] = Math.Min(Math.Max(pageSize, 1), MaxCustomerPageSize),
                    };
                    var answer = await _client.PostAsync(Base + "batch/get_by_user", body, idempotent: true, _observer, cancellationToken).ConfigureAwait(false);
                    foreach (var item in answer.Child("external_contact_list").Items()) each(WeComCustomer.FromJson(item));
                    cursor = answer.Text("next_cursor") ?? string.Empty;
                }
                while (cursor.Length > 0);
            }
        }

        /// <summary>Every corp tag, flattened with its group.</summary>
        public async Task<IList<WeComTag>> GetCorpTagsAsync(CancellationToken cancellationToken = default)
        {
            var answer = await _client.PostAsync(Base + "get_corp_tag_list", new JsonObject(), idempotent: true, _observer, cancellationToken).ConfigureAwait(false);
            return answer.Child("tag_group").Items().SelectMany(TagsOf).ToList();
        }

        /// <summary>Adds tags to the named group (created when new; WeCom adds to an existing group of that name).</summary>
        public async Task<IList<WeComTag>> AddCorpTagsAsync(string groupName, IReadOnlyCollection<string> tagNames, CancellationToken cancellationToken = default)
        {
            var body = new JsonObject
            {
                ["group_name"] = groupName,
                ["tag"] = new JsonArray(tagNames.Select(n => (JsonNode)new JsonObject { ["name"] = n }).ToArray()),
            };
            var answer = await _client.PostAsync(Base + "add_corp_tag", body, idempotent: false, _observer, cancellationToken).ConfigureAwait(false);
            return TagsOf(answer.Child("tag_group")).ToList();
        }

        public Task MarkTagAsync(string userId, string externalUserId, IReadOnlyCollection<string> addTagIds, CancellationToken cancellationToken = default)
        {
            var body = new JsonObject
            {
                ["userid"] = userId,
                ["external_userid"] = externalUserId,
                ["add_tag"] = new JsonArray(addTagIds.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
            };
            return _client.PostAsync(Base + "mark_tag", body, idempotent: true, _observer, cancellationToken);
        }

        /// <summary>Members with 客户联系 enabled (get_follow_user_list): every member who can have customers.</summary>
        public async Task<IList<string>> GetFollowUsersAsync(CancellationToken cancellationToken = default)
        {
            var answer = await _client.GetAsync(Base + "get_follow_user_list", null, _observer, cancellationToken).ConfigureAwait(false);
            return answer.Child("follow_user").Items().Select(u => u.GetString() ?? string.Empty).Where(u => u.Length > 0).ToList();
        }

        /// <summary>Sets the member's remark and/or description of a customer (externalcontact/remark); null leaves a field as it is.</summary>
        public Task RemarkAsync(string userId, string externalUserId, string? remark, string? description, CancellationToken cancellationToken = default)
        {
            var body = new JsonObject { ["userid"] = userId, ["external_userid"] = externalUserId };
            if (remark != null) body["remark"] = remark;
            if (description != null) body["description"] = description;
            return _client.PostAsync(Base + "remark", body, idempotent: true, _observer, cancellationToken);
        }

        private static IEnumerable<WeComTag> TagsOf(JsonElement group)
        {
            var groupId = group.Text("group_id") ?? string.Empty;
            var groupName = group.Text("group_name") ?? string.Empty;
            return group.Child("tag").Items().Select(tag => new WeComTag
            {
                Id = tag.Text("id") ?? string.Empty,
                Name = tag.Text("name") ?? string.Empty,
                GroupId = groupId,
                GroupName = groupName,
                CreateTime = Protocol.TopTime.ToTopZone(DateTimeOffset.FromUnixTimeSeconds(tag.Long("create_time") ?? 0)),
            }).ToList();
        }
    }
}
