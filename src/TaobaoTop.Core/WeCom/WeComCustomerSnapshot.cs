using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.WeCom
{
    /// <summary>
    /// Every follow a sync has seen, kept in a JSON file: current ones, and ended ones with the window they ended in.
    /// Comparing WeCom's list with it finds adds and departures without a callback server, and recovers lost callbacks.
    /// </summary>
    public sealed class WeComCustomerSnapshot
    {
        private readonly Dictionary<(string User, string Customer), WeComCustomer> _current = new Dictionary<(string, string), WeComCustomer>();
        private readonly List<(WeComCustomer Follow, DateTimeOffset After)> _ended = new List<(WeComCustomer, DateTimeOffset)>();

        /// <summary>When the last sync listed the customers; null before the first.</summary>
        public DateTimeOffset? TakenAt { get; private set; }

        /// <exception cref="InvalidDataException">The file is not a snapshot.</exception>
        public static WeComCustomerSnapshot Load(string path)
        {
            var snapshot = new WeComCustomerSnapshot();
            if (!File.Exists(path)) return snapshot;
            try
            {
                using (var document = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8)))
                {
                    var root = document.RootElement;
                    if (root.Int("version") != 1) throw new InvalidDataException(CoreText.Format("SnapshotVersion", path));
                    snapshot.TakenAt = Instant(root.Long("takenAt"));
                    foreach (var item in root.Child("follows").Items())
                    {
                        var follow = new WeComCustomer
                        {
                            ExternalUserId = item.Text("externalUserId") ?? string.Empty,
                            UserId = item.Text("userId") ?? string.Empty,
                            AddedAt = Instant(item.Long("addedAt")) ?? default,
                            State = item.Text("state"),
                            Description = item.Text("description"),
                            SpecialId = WeComCustomer.ParseSpecialId(item.Text("description")),
                            RemovedAt = Instant(item.Long("removedAt")),
                            DeparturesKnown = true,
                        };
                        if (follow.RemovedAt.HasValue) snapshot._ended.Add((follow, Instant(item.Long("removedAfter")) ?? follow.RemovedAt.Value));
                        else snapshot._current[(follow.UserId, follow.ExternalUserId)] = follow;
                    }
                }
            }
            catch (JsonException e)
            {
                throw new InvalidDataException(CoreText.Format("SnapshotNotJson", path, e.Message), e);
            }
            return snapshot;
        }

        /// <summary>Takes the list WeCom gave at <paramref name="takenAt"/>; answers what changed since the last one.</summary>
        public IList<WeComCustomerChange> Update(IEnumerable<WeComCustomer> listed, DateTimeOffset takenAt)
        {
            takenAt = TopTime.ToTopZone(takenAt);
            var changes = new List<WeComCustomerChange>();
            var seen = new HashSet<(string, string)>();
            foreach (var customer in listed)
            {
                var key = (customer.UserId, customer.ExternalUserId);
                if (!seen.Add(key)) continue;
                if (_current.TryGetValue(key, out var known))
                {
                    known.Description = customer.Description;
                    known.SpecialId = customer.SpecialId;
                    continue;
                }
                var follow = new WeComCustomer
                {
                    ExternalUserId = customer.ExternalUserId,
                    UserId = customer.UserId,
                    AddedAt = TopTime.ToTopZone(customer.AddedAt),
                    State = string.IsNullOrEmpty(customer.State) ? null : customer.State,
                    Description = customer.Description,
                    SpecialId = customer.SpecialId,
                    DeparturesKnown = true,
                };
                _current[key] = follow;
                changes.Add(new WeComCustomerChange { Change = "Added", ExternalUserId = follow.ExternalUserId, UserId = follow.UserId, State = follow.State, AddedAt = follow.AddedAt, After = follow.AddedAt, Before = follow.AddedAt });
            }
            foreach (var gone in _current.Where(p => !seen.Contains(p.Key)).ToList())
            {
                var follow = gone.Value;
                var after = TakenAt ?? follow.AddedAt;
                // The follow ended somewhere between the last sync that saw it and this one. Stamping it at this sync
                // made every departure late and so kept customers "retained" past a day mark that fell inside the
                // window; the middle of the window is as likely early as late, so the snapshot route agrees with the
                // callback events except for a mark within half a sync interval of the departure.
                follow.RemovedAt = after + TimeSpan.FromTicks((takenAt - after).Ticks / 2);
                _current.Remove(gone.Key);
                _ended.Add((follow, after));
                changes.Add(new WeComCustomerChange { Change = "Departed", ExternalUserId = follow.ExternalUserId, UserId = follow.UserId, State = follow.State, AddedAt = follow.AddedAt, After = after, Before = takenAt });
            }
            TakenAt = takenAt;
            return changes;
        }

        /// <summary>Every follow seen, ended ones with RemovedAt in the middle of the window they ended in: what the channel report reads.</summary>
        public IList<WeComCustomer> History() => _current.Values.Concat(_ended.Select(e => e.Follow)).OrderBy(f => f.AddedAt).ToList();

        /// <summary>Writes the file through a temporary one, so a crash leaves the old snapshot whole.</summary>
        public void Save(string path)
        {
            JsonNode Follow(WeComCustomer f, DateTimeOffset? after)
            {
                var json = new JsonObject
                {
                    ["externalUserId"] = f.ExternalUserId,
                    ["userId"] = f.UserId,
                    ["addedAt"] = f.AddedAt.ToUnixTimeSeconds(),
                    ["state"] = f.State,
                    ["description"] = f.Description,
                };
                if (f.RemovedAt is DateTimeOffset removed)
                {
                    json["removedAfter"] = after!.Value.ToUnixTimeSeconds();
                    json["removedAt"] = removed.ToUnixTimeSeconds();
                }
                return json;
            }
            var root = new JsonObject
            {
                ["version"] = 1,
                ["takenAt"] = TakenAt?.ToUnixTimeSeconds(),
                ["follows"] = new JsonArray(_current.Values.Select(f => Follow(f, null)).Concat(_ended.Select(e => Follow(e.Follow, e.After))).ToArray()),
            };
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), new UTF8Encoding(false));
            if (File.Exists(path)) File.Replace(temporary, path, null);
            else File.Move(temporary, path);
        }

        private static DateTimeOffset? Instant(long? seconds) => seconds is long s ? TopTime.ToTopZone(DateTimeOffset.FromUnixTimeSeconds(s)) : (DateTimeOffset?)null;
    }
}
