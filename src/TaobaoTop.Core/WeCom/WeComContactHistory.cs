using System;
using System.Collections.Generic;
using System.Linq;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.WeCom
{
    /// <summary>Turns contact events into the follow records the channel report reads: one per add, closed by its departure or transfer.</summary>
    public static class WeComContactHistory
    {
        public static IList<WeComCustomer> ToCustomers(IEnumerable<WeComContactEvent> events)
        {
            var open = new Dictionary<(string User, string Customer), WeComCustomer>();
            var records = new List<WeComCustomer>();
            // Each event once (a receiver export and a file may overlap), in time order.
            foreach (var e in events.GroupBy(e => e.Key, StringComparer.Ordinal).Select(g => g.First()).OrderBy(e => e.Time))
            {
                var pair = (e.UserId, e.ExternalUserId);
                switch (e.ChangeType)
                {
                    case WeComContactEvent.Add:
                    case WeComContactEvent.AddHalf:
                        if (open.ContainsKey(pair)) break;
                        var record = new WeComCustomer
                        {
                            ExternalUserId = e.ExternalUserId,
                            UserId = e.UserId,
                            AddedAt = TopTime.ToTopZone(e.Time),
                            State = e.State,
                            DeparturesKnown = true,
                        };
                        open[pair] = record;
                        records.Add(record);
                        break;
                    case WeComContactEvent.DeleteByMember:
                    case WeComContactEvent.DeleteByCustomer:
                        if (open.TryGetValue(pair, out var follow))
                        {
                            follow.RemovedAt = TopTime.ToTopZone(e.Time);
                            open.Remove(pair);
                        }
                        break;
                }
            }
            return records;
        }
    }
}
