using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Emulator.Affiliate;

namespace TaobaoTop.Emulator.WeCom
{
    /// <summary>
    /// An offline <c>qyapi.weixin.qq.com</c> for the 客户联系 APIs: access tokens that expire, WeCom's errcodes and limits,
    /// contact ways, customers with follow info, corp tags. Starts with <see cref="SyntheticChannelMonth"/> seeded.
    /// </summary>
    public sealed class WeComEmulator
    {
        private const int InvalidParameter = 40058;

        private static readonly JsonSerializerOptions JsonOptions = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private readonly object _lock = new object();
        private readonly Dictionary<string, DateTimeOffset> _tokens = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        private readonly Dictionary<string, (long Minute, int Calls)> _minuteCalls = new Dictionary<string, (long, int)>(StringComparer.Ordinal);
        private WeComState _state = new WeComState();
        private long _tokenCounter;

        public WeComEmulator(WeComEmulatorOptions? options = null)
        {
            Options = options ?? new WeComEmulatorOptions();
            Reset();
        }

        public WeComEmulatorOptions Options { get; }

        /// <summary>Requests answered, gettoken included.</summary>
        public int Requests { get; private set; }

        /// <summary>gettoken calls that issued a token.</summary>
        public int TokensIssued { get; private set; }

        public HttpMessageHandler CreateHandler() => new Handler(this);

        /// <summary>Back to the seeded month as of the clock now; tokens are forgotten.</summary>
        public void Reset()
        {
            lock (_lock)
            {
                _state = new WeComState();
                _tokens.Clear();
                _minuteCalls.Clear();
                SyntheticChannelMonth.Seed(_state, Options.Seed, Options.Clock());
            }
        }

        /// <summary>Makes every issued token invalid, as WeCom may do early for operational reasons (the next call gets 40014).</summary>
        public void InvalidateTokens()
        {
            lock (_lock) _tokens.Clear();
        }

        /// <summary>
        /// Simulates <paramref name="count"/> new customers scanning the contact way now: each is followed by the code's
        /// members in turn, with add_way 1 and the code's state. Answers their external user ids.
        /// </summary>
        public IList<string> ScanContactWay(string configId, int count)
        {
            lock (_lock)
            {
                if (!_state.ContactWays.TryGetValue(configId, out var way)) throw new ArgumentException("No contact way " + configId, nameof(configId));
                var members = _state.Reach(way.Users, way.Parties);
                var ids = new List<string>();
                for (var i = 0; i < count; i++)
                {
                    var customer = new Customer(_state.NextId("wm", Options.Seed), "扫码客户" + (way.Adds + 1).ToString(CultureInfo.InvariantCulture), 0);
                    customer.Follows.Add(new Follow(members[way.Adds % members.Length], Options.Clock(), 1, way.State, customer.ExternalUserId));
                    _state.Customers.Add(customer);
                    way.Adds++;
                    ids.Add(customer.ExternalUserId);
                }
                return ids;
            }
        }

        private HttpResponseMessage Handle(HttpMethod method, Uri uri, string? body)
        {
            lock (_lock)
            {
                Requests++;
                var query = Query(uri);
                var path = uri.AbsolutePath;
                JsonObject answer;
                try
                {
                    if (path == "/cgi-bin/gettoken") answer = GetToken(query);
                    else
                    {
                        CheckToken(query);
                        CheckFrequency(path);
                        answer = Route(method, path, query, ParseBody(method, body));
                    }
                }
                catch (WeComError error)
                {
                    answer = Error(error.Code, error.Message);
                }
                catch (InvalidOperationException)
                {
                    // A field of the wrong JSON type, e.g. a tag name given as a number.
                    answer = Error(47001, "data format error");
                }
                var text = answer.ToJsonString(JsonOptions);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
            }
        }

        private JsonObject Error(int code, string message) => new JsonObject
        {
            ["errcode"] = code,
            ["errmsg"] = message + ", hint: [" + Options.Clock().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "_emulator], more info at https://open.work.weixin.qq.com/devtool/query?e=" + code.ToString(CultureInfo.InvariantCulture),
        };

        private JsonObject GetToken(Dictionary<string, string> query)
        {
            if (!query.TryGetValue("corpid", out var corpId) || corpId.Length == 0) throw new WeComError(41002, "corpid missing");
            if (corpId != WeComDemo.CorpId) throw new WeComError(40013, "invalid corpid");
            if (!query.TryGetValue("corpsecret", out var secret) || secret.Length == 0) throw new WeComError(41004, "corpsecret missing");
            if (secret != WeComDemo.CorpSecret) throw new WeComError(40001, "invalid credential");
            var now = Options.Clock();
            // Within its validity gettoken answers the same token (WeCom's older documented behaviour).
            var current = _tokens.Where(t => t.Value > now).OrderByDescending(t => t.Value).FirstOrDefault();
            string token;
            if (current.Key != null) token = current.Key;
            else
            {
                token = "emu" + new SeededRandom(Options.Seed, 504, ++_tokenCounter).Alphanumeric(60);
                _tokens[token] = now + Options.TokenLifetime;
                TokensIssued++;
            }
            return Ok(new JsonObject
            {
                ["access_token"] = token,
                ["expires_in"] = (long)Math.Ceiling((_tokens[token] - now).TotalSeconds),
            });
        }

        private void CheckToken(Dictionary<string, string> query)
        {
            if (!query.TryGetValue("access_token", out var token) || token.Length == 0) throw new WeComError(41001, "access_token missing");
            if (!_tokens.TryGetValue(token, out var expiresAt)) throw new WeComError(40014, "invalid access_token");
            if (Options.Clock() >= expiresAt) throw new WeComError(42001, "access_token expired");
        }

        private void CheckFrequency(string path)
        {
            if (Options.CallsPerMinute <= 0) return;
            var minute = Options.Clock().ToUnixTimeSeconds() / 60;
            _minuteCalls.TryGetValue(path, out var seen);
            var calls = seen.Minute == minute ? seen.Calls + 1 : 1;
            _minuteCalls[path] = (minute, calls);
            if (calls > Options.CallsPerMinute) throw new WeComError(45009, "api freq out of limit");
        }

        private JsonObject Route(HttpMethod method, string path, Dictionary<string, string> query, JsonObject body)
        {
            const string Base = "/cgi-bin/externalcontact/";
            if (!path.StartsWith(Base, StringComparison.Ordinal)) throw new WeComError(404, "api not found");
            var name = path.Substring(Base.Length);
            if (name == "list" && method == HttpMethod.Get) return ListByMember(query);
            if (name == "get_follow_user_list" && method == HttpMethod.Get) return FollowUsers();
            if (method != HttpMethod.Post) throw new WeComError(InvalidParameter, "this api only accepts POST");
            switch (name)
            {
                case "add_contact_way": return AddContactWay(body);
                case "get_contact_way": return Ok(new JsonObject { ["contact_way"] = WayJson(FindWay(body)) });
                case "list_contact_way": return ListContactWays(body);
                case "update_contact_way": return UpdateContactWay(body);
                case "del_contact_way":
                    _state.ContactWays.Remove(FindWay(body).ConfigId);
                    return Ok(new JsonObject());
                case "batch/get_by_user": return CustomersByUser(body);
                case "get_corp_tag_list": return CorpTags();
                case "add_corp_tag": return AddCorpTag(body);
                case "mark_tag": return MarkTag(body);
                case "remark": return Remark(body);
                default: throw new WeComError(404, "api not found");
            }
        }

        private JsonObject AddContactWay(JsonObject body)
        {
            var type = Int(body, "type") ?? throw new WeComError(41037, "type missing");
            var scene = Int(body, "scene") ?? throw new WeComError(41038, "scene missing");
            if (type != 1 && type != 2) throw new WeComError(41039, "invalid contact way type");
            if (scene != 1 && scene != 2) throw new WeComError(41040, "invalid contact way scene");
            if (Bool(body, "is_temp") == true) throw new WeComError(48002, "api forbidden: temporary sessions are for medical-industry corps only");
            var users = Strings(body, "user");
            var parties = Longs(body, "party");
            if (type == 1 && (users.Length != 1 || parties.Length > 0)) throw new WeComError(InvalidParameter, "invalid parameter: a single-member contact way takes exactly one user");
            CheckTexts(body);
            CheckMembers(users, parties);
            var way = _state.AddContactWay(type, Text(body, "state"), Text(body, "remark"), users, parties, Bool(body, "skip_verify") ?? true, Options.Clock(), Options.Seed);
            way.Scene = scene;
            var answer = Ok(new JsonObject { ["config_id"] = way.ConfigId });
            if (scene == 2) answer["qr_code"] = way.QrCode;
            return answer;
        }

        private JsonObject UpdateContactWay(JsonObject body)
        {
            var way = FindWay(body);
            CheckTexts(body);
            var users = body.ContainsKey("user") ? Strings(body, "user") : way.Users;
            var parties = body.ContainsKey("party") ? Longs(body, "party") : way.Parties;
            if (way.Type == 1 && (users.Length != 1 || parties.Length > 0)) throw new WeComError(InvalidParameter, "invalid parameter: a single-member contact way takes exactly one user");
            CheckMembers(users, parties);
            way.Users = users;
            way.Parties = parties;
            if (body.ContainsKey("state")) way.State = Text(body, "state");
            if (body.ContainsKey("remark")) way.Remark = Text(body, "remark");
            if (Bool(body, "skip_verify") is bool skip) way.SkipVerify = skip;
            return Ok(new JsonObject());
        }

        private void CheckTexts(JsonObject body)
        {
            if (Text(body, "state") is string state && state.Length > 30) throw new WeComError(InvalidParameter, "invalid state: longer than 30 characters");
            if (Text(body, "remark") is string remark && remark.Length > 30) throw new WeComError(InvalidParameter, "invalid remark: longer than 30 characters");
        }

        private void CheckMembers(string[] users, long[] parties)
        {
            var unknownUser = users.FirstOrDefault(u => !_state.Members.Contains(u));
            if (unknownUser != null) throw new WeComError(40003, "invalid userid " + unknownUser);
            var unknownParty = parties.Where(p => !_state.Departments.ContainsKey(p)).Select(p => (long?)p).FirstOrDefault();
            if (unknownParty != null) throw new WeComError(60123, "invalid party id " + unknownParty.Value.ToString(CultureInfo.InvariantCulture));
            if (users.Length + parties.Length == 0) throw new WeComError(InvalidParameter, "invalid parameter: user and party are both empty");
            if (users.Length + parties.Sum(p => _state.Departments[p].Length) > 100) throw new WeComError(41041, "too many users in contact way");
        }

        private ContactWay FindWay(JsonObject body)
        {
            var configId = Text(body, "config_id");
            if (string.IsNullOrEmpty(configId)) throw new WeComError(41043, "config_id missing");
            return _state.ContactWays.TryGetValue(configId!, out var way) ? way : throw new WeComError(41044, "invalid config_id");
        }

        private static JsonObject WayJson(ContactWay way)
        {
            var json = new JsonObject
            {
                ["config_id"] = way.ConfigId,
                ["type"] = way.Type,
                ["scene"] = way.Scene,
                ["remark"] = way.Remark ?? string.Empty,
                ["skip_verify"] = way.SkipVerify,
                ["state"] = way.State ?? string.Empty,
                ["user"] = new JsonArray(way.Users.Select(u => (JsonNode)JsonValue.Create(u)!).ToArray()),
                ["party"] = new JsonArray(way.Parties.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray()),
                ["is_temp"] = false,
            };
            if (way.Scene == 2) json["qr_code"] = way.QrCode;
            return json;
        }

        private JsonObject ListContactWays(JsonObject body)
        {
            var now = Options.Clock();
            var start = Long(body, "start_time") is long s ? DateTimeOffset.FromUnixTimeSeconds(s) : now.AddDays(-90);
            var end = Long(body, "end_time") is long e ? DateTimeOffset.FromUnixTimeSeconds(e) : now;
            var limit = Int(body, "limit") ?? 100;
            if (limit < 1 || limit > 1000) throw new WeComError(InvalidParameter, "invalid limit: 1 to 1000");
            var ways = _state.ContactWays.Values.Where(w => w.CreatedAt >= start && w.CreatedAt <= end).OrderBy(w => w.CreatedAt).ThenBy(w => w.ConfigId, StringComparer.Ordinal).ToList();
            var offset = Cursor(body);
            var page = ways.Skip(offset).Take(limit).ToList();
            return Ok(new JsonObject
            {
                ["contact_way"] = new JsonArray(page.Select(w => (JsonNode)new JsonObject { ["config_id"] = w.ConfigId }).ToArray()),
                ["next_cursor"] = offset + page.Count < ways.Count ? NextCursor(offset + page.Count) : string.Empty,
            });
        }

        private JsonObject ListByMember(Dictionary<string, string> query)
        {
            if (!query.TryGetValue("userid", out var userId) || !_state.Members.Contains(userId)) throw new WeComError(40003, "invalid userid");
            var now = Options.Clock();
            var ids = _state.Customers.Where(c => c.Follows.Any(f => f.UserId == userId && f.IsActiveAt(now))).Select(c => (JsonNode)JsonValue.Create(c.ExternalUserId)!).ToArray();
            if (ids.Length == 0) throw new WeComError(84061, "not external contact");
            return Ok(new JsonObject { ["external_userid"] = new JsonArray(ids) });
        }

        private JsonObject CustomersByUser(JsonObject body)
        {
            var users = Strings(body, "userid_list");
            if (users.Length == 0) throw new WeComError(InvalidParameter, "invalid parameter: userid_list is empty");
            if (users.Length > 100) throw new WeComError(InvalidParameter, "invalid parameter: userid_list takes at most 100 userids");
            var unknown = users.FirstOrDefault(u => !_state.Members.Contains(u));
            if (unknown != null) throw new WeComError(40003, "invalid userid " + unknown);
            var limit = Math.Min(Int(body, "limit") ?? 50, 100);
            if (limit < 1) throw new WeComError(InvalidParameter, "invalid limit");
            var wanted = new HashSet<string>(users, StringComparer.Ordinal);
            var now = Options.Clock();
            var items = _state.Customers
                .SelectMany(c => c.Follows.Where(f => wanted.Contains(f.UserId) && f.IsActiveAt(now)).Select(f => (Customer: c, Follow: f)))
                .ToList();
            var offset = Cursor(body);
            var page = items.Skip(offset).Take(limit).ToList();
            return Ok(new JsonObject
            {
                ["external_contact_list"] = new JsonArray(page.Select(i => (JsonNode)new JsonObject
                {
                    ["external_contact"] = new JsonObject
                    {
                        ["external_userid"] = i.Customer.ExternalUserId,
                        ["name"] = i.Customer.Name,
                        ["type"] = 1,
                        ["gender"] = i.Customer.Gender,
                        ["avatar"] = "http://wx.qlogo.cn/mmhead/emulator/0",
                    },
                    ["follow_info"] = new JsonObject
                    {
                        ["userid"] = i.Follow.UserId,
                        ["remark"] = i.Follow.Remark,
                        ["description"] = i.Follow.Description,
                        ["createtime"] = i.Follow.CreateTime.ToUnixTimeSeconds(),
                        ["tag_id"] = new JsonArray(i.Follow.TagIds.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
                        ["remark_corp_name"] = string.Empty,
                        ["remark_mobiles"] = new JsonArray(),
                        ["oper_userid"] = i.Follow.OperUserId,
                        ["add_way"] = i.Follow.AddWay,
                        ["state"] = i.Follow.State ?? string.Empty,
                    },
                }).ToArray()),
                ["next_cursor"] = offset + page.Count < items.Count ? NextCursor(offset + page.Count) : string.Empty,
            });
        }

        private JsonObject CorpTags()
            => Ok(new JsonObject { ["tag_group"] = new JsonArray(_state.TagGroups.Select(g => (JsonNode)GroupJson(g)).ToArray()) });

        private JsonObject AddCorpTag(JsonObject body)
        {
            var names = (body["tag"] as JsonArray ?? new JsonArray()).Select(t => t?["name"]?.GetValue<string>() ?? string.Empty).ToArray();
            if (names.Length == 0) throw new WeComError(InvalidParameter, "invalid parameter: tag is empty");
            if (names.Any(n => n.Length == 0 || n.Length > 30)) throw new WeComError(InvalidParameter, "invalid tag name: 1 to 30 characters");
            var groupName = Text(body, "group_name") ?? string.Empty;
            if (groupName.Length > 30) throw new WeComError(InvalidParameter, "invalid group name: longer than 30 characters");
            var now = Options.Clock();
            var group = _state.TagGroups.FirstOrDefault(g => g.GroupId == Text(body, "group_id"))
                ?? _state.TagGroups.FirstOrDefault(g => g.GroupName == groupName);
            if (group == null)
            {
                if (groupName.Length == 0) throw new WeComError(InvalidParameter, "invalid parameter: group_name or group_id required");
                group = new TagGroup { GroupId = _state.NextId("et", Options.Seed), GroupName = groupName, CreateTime = now };
                _state.TagGroups.Add(group);
            }
            var fresh = names.Distinct(StringComparer.Ordinal).Where(n => group.Tags.All(t => t.Name != n)).ToList();
            if (_state.CorpTagCount + fresh.Count > WeComState.MaxCorpTags) throw new WeComError(InvalidParameter, "corp tag count exceeds 3000");
            foreach (var name in fresh) group.Tags.Add((_state.NextId("et", Options.Seed), name, now));
            return Ok(new JsonObject { ["tag_group"] = GroupJson(group) });
        }

        private JsonObject MarkTag(JsonObject body)
        {
            var userId = Text(body, "userid") ?? string.Empty;
            if (!_state.Members.Contains(userId)) throw new WeComError(40003, "invalid userid");
            var externalUserId = Text(body, "external_userid") ?? string.Empty;
            var customer = _state.Customers.FirstOrDefault(c => c.ExternalUserId == externalUserId) ?? throw new WeComError(40096, "invalid external userid");
            var follow = ActiveFollow(customer, userId);
            var add = Strings(body, "add_tag");
            var remove = Strings(body, "remove_tag");
            if (add.Length + remove.Length == 0) throw new WeComError(InvalidParameter, "invalid parameter: add_tag and remove_tag are both empty");
            var bad = add.Concat(remove).FirstOrDefault(t => !_state.TagExists(t));
            if (bad != null) throw new WeComError(40068, "invalid tagid " + bad);
            foreach (var tag in add.Where(t => !follow.TagIds.Contains(t)))
            {
                if (follow.TagIds.Count >= 3000) throw new WeComError(InvalidParameter, "a member can put at most 3000 tags on a customer");
                follow.TagIds.Add(tag);
            }
            follow.TagIds.RemoveAll(t => remove.Contains(t));
            return Ok(new JsonObject());
        }

        private Follow ActiveFollow(Customer customer, string userId)
            => customer.Follows.FirstOrDefault(f => f.UserId == userId && f.IsActiveAt(Options.Clock())) ?? throw new WeComError(84061, "not external contact");

        /// <summary>externalcontact/remark: the member's remark and description of a customer (description ≤150 characters).</summary>
        private JsonObject Remark(JsonObject body)
        {
            var userId = Text(body, "userid") ?? string.Empty;
            if (!_state.Members.Contains(userId)) throw new WeComError(40003, "invalid userid");
            var externalUserId = Text(body, "external_userid") ?? string.Empty;
            var customer = _state.Customers.FirstOrDefault(c => c.ExternalUserId == externalUserId) ?? throw new WeComError(40096, "invalid external userid");
            var follow = ActiveFollow(customer, userId);
            var remark = Text(body, "remark");
            var description = Text(body, "description");
            if (remark != null && remark.Length > 20) throw new WeComError(InvalidParameter, "invalid remark: longer than 20 characters");
            if (description != null && description.Length > 150) throw new WeComError(InvalidParameter, "invalid description: longer than 150 characters");
            if (remark != null) follow.Remark = remark;
            if (description != null) follow.Description = description;
            return Ok(new JsonObject());
        }

        /// <summary>get_follow_user_list: the members with 客户联系 enabled.</summary>
        private JsonObject FollowUsers()
            => Ok(new JsonObject { ["follow_user"] = new JsonArray(WeComDemo.Members.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()) });

        /// <summary>
        /// The change_external_contact events WeCom would have sent for the state up to the clock, oldest first: each add
        /// with its state, each departure or transfer, each failed transfer. Changes made through the API fire none.
        /// </summary>
        public IList<EmulatedContactEvent> ContactEvents()
        {
            lock (_lock)
            {
                var now = Options.Clock();
                var events = new List<EmulatedContactEvent>();
                foreach (var customer in _state.Customers)
                {
                    foreach (var follow in customer.Follows)
                    {
                        if (follow.CreateTime <= now) events.Add(new EmulatedContactEvent(follow.CreateTime, "add_external_contact", follow.UserId, customer.ExternalUserId) { State = follow.State, WelcomeCode = "wc" + customer.ExternalUserId.Substring(2, 10) });
                        if (follow.RemovedAt is DateTimeOffset removed && removed <= now) events.Add(new EmulatedContactEvent(removed, follow.RemovedBy!, follow.UserId, customer.ExternalUserId) { Source = follow.RemovedSource });
                    }
                }
                foreach (var fail in _state.TransferFails.Where(f => f.Time <= now)) events.Add(new EmulatedContactEvent(fail.Time, "transfer_fail", fail.UserId, fail.ExternalUserId) { FailReason = fail.Reason });
                return events.OrderBy(e => e.Time).ThenBy(e => e.ExternalUserId, StringComparer.Ordinal).ToList();
            }
        }

        private static JsonObject GroupJson(TagGroup group) => new JsonObject
        {
            ["group_id"] = group.GroupId,
            ["group_name"] = group.GroupName,
            ["create_time"] = group.CreateTime.ToUnixTimeSeconds(),
            ["order"] = 0,
            ["tag"] = new JsonArray(group.Tags.Select(t => (JsonNode)new JsonObject
            {
                ["id"] = t.Id,
                ["name"] = t.Name,
                ["create_time"] = t.CreateTime.ToUnixTimeSeconds(),
                ["order"] = 0,
            }).ToArray()),
        };

        private static JsonObject Ok(JsonObject fields)
        {
            var answer = new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" };
            foreach (var field in fields.ToList())
            {
                fields.Remove(field.Key);
                answer[field.Key] = field.Value;
            }
            return answer;
        }

        private static string NextCursor(int offset) => "c" + Base62.Encode(offset + 1000);

        private static int Cursor(JsonObject body)
        {
            var cursor = Text(body, "cursor");
            if (string.IsNullOrEmpty(cursor)) return 0;
            if (cursor![0] != 'c' || !Base62.TryDecode(cursor.Substring(1), out var value) || value < 1000) throw new WeComError(InvalidParameter, "invalid cursor");
            return (int)(value - 1000);
        }

        private static JsonObject ParseBody(HttpMethod method, string? body)
        {
            if (method != HttpMethod.Post) return new JsonObject();
            try
            {
                return JsonNode.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body!) as JsonObject ?? throw new WeComError(47001, "data format error");
            }
            catch (JsonException)
            {
                throw new WeComError(47001, "data format error");
            }
        }

        private static Dictionary<string, string> Query(Uri uri)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in uri.Query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var at = pair.IndexOf('=');
                var key = Uri.UnescapeDataString(at < 0 ? pair : pair.Substring(0, at));
                result[key] = at < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(at + 1).Replace('+', ' '));
            }
            return result;
        }

        private static string? Text(JsonObject body, string name) => body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

        private static int? Int(JsonObject body, string name) => body[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : (int?)null;

        private static long? Long(JsonObject body, string name) => body[name] is JsonValue value && value.TryGetValue<long>(out var number) ? number : (long?)null;

        private static bool? Bool(JsonObject body, string name) => body[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : (bool?)null;

        private static string[] Strings(JsonObject body, string name)
        {
            if (body[name] is null) return Array.Empty<string>();
            if (!(body[name] is JsonArray array)) throw new WeComError(47001, "data format error: " + name + " must be an array");
            return array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new WeComError(47001, "data format error: " + name)).ToArray();
        }

        private static long[] Longs(JsonObject body, string name)
        {
            if (body[name] is null) return Array.Empty<long>();
            if (!(body[name] is JsonArray array)) throw new WeComError(47001, "data format error: " + name + " must be an array");
            return array.Select(n => n is JsonValue v && v.TryGetValue<long>(out var l) ? l : throw new WeComError(47001, "data format error: " + name)).ToArray();
        }

        private sealed class WeComError : Exception
        {
            public WeComError(int code, string message)
                : base(message)
            {
                Code = code;
            }

            public int Code { get; }
        }

        private sealed class Handler : HttpMessageHandler
        {
            private readonly WeComEmulator _emulator;

            public Handler(WeComEmulator emulator) => _emulator = emulator;

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var body = request.Content is null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
                var response = _emulator.Handle(request.Method, request.RequestUri!, body);
                response.RequestMessage = request;
                return response;
            }
        }
    }
}
