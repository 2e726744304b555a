using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Seller
{
    /// <summary>
    /// TOP's message service (TMC) over HTTP: taobao.tmc.user.permit lets a user's messages flow to the app,
    /// taobao.tmc.messages.consume hands out the oldest messages the group has not confirmed, and
    /// taobao.tmc.messages.confirm confirms them. TMC hands a consumed message out again when its lease runs out
    /// unconfirmed; here the lease ends at the group's next consume, so a receiver that stopped before confirming gets
    /// its messages again at once. The seller module publishes the item topics as items change.
    /// </summary>
    internal sealed class MessageService : IApiModule
    {
        public const long FirstMessageId = 7100000000000000001;
        public const int MaxQuantity = 200;

        private readonly object _lock = new object();
        private readonly List<Message> _messages = new List<Message>();
        // app key → user nick → topics permitted (empty: every topic).
        private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _permits = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
        // app key + group → ids confirmed.
        private readonly Dictionary<string, HashSet<long>> _confirmed = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        private long _nextId;

        public void Register(ApiRegistry registry)
        {
            registry.Add("taobao.tmc.user.permit", needsSession: true, writes: true, Permit);
            registry.Add("taobao.tmc.messages.consume", needsSession: false, writes: true, Consume);
            registry.Add("taobao.tmc.messages.confirm", needsSession: false, writes: true, Confirm);
        }

        public void Reset(int seed, DateTimeOffset now)
        {
            lock (_lock)
            {
                _messages.Clear();
                _permits.Clear();
                _confirmed.Clear();
                _nextId = FirstMessageId;
            }
        }

        /// <summary>Messages, permits and each group's confirmations: a receiver restarted with the emulator gets what it did not confirm.</summary>
        public JsonNode? SaveState()
        {
            lock (_lock)
            {
                var permits = new JsonObject();
                foreach (var app in _permits)
                {
                    var users = new JsonObject();
                    foreach (var user in app.Value) users[user.Key] = new JsonArray(user.Value.Select(t => (JsonNode)t).ToArray());
                    permits[app.Key] = users;
                }
                var confirmed = new JsonObject();
                foreach (var group in _confirmed) confirmed[group.Key] = new JsonArray(group.Value.OrderBy(id => id).Select(id => (JsonNode)id).ToArray());
                return new JsonObject
                {
                    ["next_id"] = _nextId,
                    ["messages"] = new JsonArray(_messages.Select(m => (JsonNode)m.ToState()).ToArray()),
                    ["permits"] = permits,
                    ["confirmed"] = confirmed,
                };
            }
        }

        public void LoadState(JsonNode state)
        {
            lock (_lock)
            {
                _messages.Clear();
                _permits.Clear();
                _confirmed.Clear();
                _nextId = (long)state["next_id"]!;
                foreach (var node in state["messages"]!.AsArray()) _messages.Add(Message.FromState(node!));
                foreach (var app in state["permits"]!.AsObject())
                {
                    _permits[app.Key] = app.Value!.AsObject().ToDictionary(
                        u => u.Key, u => new HashSet<string>(u.Value!.AsArray().Select(t => (string)t!), StringComparer.Ordinal), StringComparer.Ordinal);
                }
                foreach (var group in state["confirmed"]!.AsObject()) _confirmed[group.Key] = new HashSet<long>(group.Value!.AsArray().Select(id => (long)id!));
            }
        }

        /// <summary>A message about one of <paramref name="nick"/>'s items, for every app the user permitted the topic to.</summary>
        public void Publish(string nick, string topic, JsonObject content, DateTimeOffset now)
        {
            lock (_lock)
            {
                foreach (var app in _permits)
                {
                    if (!app.Value.TryGetValue(nick, out var topics) || (topics.Count > 0 && !topics.Contains(topic))) continue;
                    _messages.Add(new Message(_nextId++, app.Key, topic, nick, content.ToJsonString(), now));
                }
            }
        }

        private JsonObject Permit(ApiCall call)
        {
            var topics = call.Optional("topics")?.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0) ?? Enumerable.Empty<string>();
            lock (_lock)
            {
                if (!_permits.TryGetValue(call.AppKey, out var users)) _permits[call.AppKey] = users = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
                users[call.SessionUser!] = new HashSet<string>(topics, StringComparer.Ordinal);
            }
            return new JsonObject { ["is_success"] = true };
        }

        private JsonObject Consume(ApiCall call)
        {
            var group = call.Optional("group_name") ?? "default";
            var quantity = (int)(ItemRules.OptionalLong(call, "quantity", 1, MaxQuantity) ?? 100);
            List<Message> batch;
            lock (_lock)
            {
                var confirmed = Confirmed(call.AppKey, group);
                batch = _messages.Where(m => m.AppKey == call.AppKey && !confirmed.Contains(m.Id)).Take(quantity).ToList();
            }
            var answer = new JsonObject();
            if (batch.Count > 0) answer["messages"] = call.List("tmc_message", batch.Select(m => (JsonNode)m.ToJson(call.Now)));
            return answer;
        }

        private JsonObject Confirm(ApiCall call)
        {
            var group = call.Optional("group_name") ?? "default";
            var ids = (call.Optional("s_message_ids") ?? string.Empty).Split(',').Where(t => t.Trim().Length > 0)
                .Select(t => ItemRules.Long("s_message_ids", t.Trim(), 1, long.MaxValue)).ToList();
            lock (_lock)
            {
                var confirmed = Confirmed(call.AppKey, group);
                foreach (var id in ids) confirmed.Add(id);
            }
            return new JsonObject { ["is_success"] = true };
        }

        private HashSet<long> Confirmed(string appKey, string group)
        {
            var key = appKey + "/" + group;
            if (!_confirmed.TryGetValue(key, out var ids)) _confirmed[key] = ids = new HashSet<long>();
            return ids;
        }

        private sealed class Message
        {
            public Message(long id, string appKey, string topic, string nick, string content, DateTimeOffset published)
            {
                Id = id;
                AppKey = appKey;
                Topic = topic;
                Nick = nick;
                Content = content;
                Published = published;
            }

            public long Id { get; }
            public string AppKey { get; }
            public string Topic { get; }
            public string Nick { get; }
            public string Content { get; }
            public DateTimeOffset Published { get; }

            public JsonObject ToState() => new JsonObject
            {
                ["id"] = Id,
                ["app_key"] = AppKey,
                ["topic"] = Topic,
                ["nick"] = Nick,
                ["content"] = Content,
                ["published"] = Published.ToString("o", CultureInfo.InvariantCulture),
            };

            public static Message FromState(JsonNode node) => new Message(
                (long)node["id"]!, (string)node["app_key"]!, (string)node["topic"]!, (string)node["nick"]!, (string)node["content"]!, DateTimeOffset.Parse((string)node["published"]!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

            public JsonObject ToJson(DateTimeOffset now) => new JsonObject
            {
                ["id"] = Id,
                ["topic"] = Topic,
                ["pub_app_key"] = "12497914",
                ["pub_time"] = TopTime.ToText(Published),
                ["outgoing_time"] = TopTime.ToText(now),
                ["user_id"] = SessionStore.UserIdOf(Nick),
                ["user_nick"] = Nick,
                ["content"] = Content,
            };
        }
    }
}
