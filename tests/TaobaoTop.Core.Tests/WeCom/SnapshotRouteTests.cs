using TaobaoTop.Core.Channels;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.WeCom;
using TaobaoTop.Emulator.WeCom;
using Xunit;

namespace TaobaoTop.Core.Tests.WeCom;

/// <summary>Without a callback server: hourly snapshots of every member's customers over the seeded month.</summary>
public class SnapshotRouteTests
{
    private DateTimeOffset _now = new(2026, 11, 23, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Hourly_snapshots_find_the_departures_and_give_the_same_follows_and_retention_as_the_events()
    {
        var reference = _now;
        var emulator = new WeComEmulator(new WeComEmulatorOptions { Clock = () => _now });
        var client = new WeComClient(
            new WeComClientOptions(WeComDemo.CorpId, new Secret(WeComDemo.CorpSecret)) { Endpoint = new Uri("http://wecom.emulator.invalid/"), Qps = 0, Clock = () => _now },
            emulator.CreateHandler());
        var contacts = new WeComExternalContacts(client);
        var monthStart = SyntheticChannelMonth.MonthStart(reference);
        var monthEnd = monthStart.AddDays(30);
        var path = Path.Combine(Path.GetTempPath(), "taobaotop-snapshot-" + Guid.NewGuid().ToString("N") + ".json");
        var changes = new List<WeComCustomerChange>();
        try
        {
            for (_now = monthStart; _now <= monthEnd; _now = _now.AddHours(1))
            {
                var snapshot = WeComCustomerSnapshot.Load(path);
                var listed = new List<WeComCustomer>();
                await contacts.ForEachCustomerAsync((await contacts.GetFollowUsersAsync()).ToList(), listed.Add);
                changes.AddRange(snapshot.Update(listed, _now));
                snapshot.Save(path);
            }
            var history = WeComCustomerSnapshot.Load(path).History();

            _now = reference;
            var events = emulator.ContactEvents();
            var departures = events.Count(e => e.ChangeType.StartsWith("del_", StringComparison.Ordinal));
            Assert.Equal(departures, changes.Count(c => c.Change == "Departed"));
            Assert.All(changes.Where(c => c.Change == "Departed"), c => Assert.Equal(TimeSpan.FromHours(1), c.Before - c.After));

            var channels = SyntheticChannelMonth.Channels.Select(c => new ChannelDefinition(c.Remark, c.State, Array.Empty<long>(), Array.Empty<long>(), 100m)).ToList();
            IList<ChannelReportRow> Rows(IEnumerable<WeComCustomer> records) => new ChannelReport(channels, new ChannelReportOptions { AsOf = monthEnd }).Compute(records, Array.Empty<TbkOrder>());
            var fromEvents = Rows(WeComContactHistory.ToCustomers(events.Select(e => new WeComContactEvent
            {
                Time = e.Time, ChangeType = e.ChangeType, UserId = e.UserId, ExternalUserId = e.ExternalUserId, State = e.State, Source = e.Source, CorpId = WeComDemo.CorpId,
            })));
            var fromSnapshots = Rows(history);

            var differences = new List<string>();
            for (var k = 0; k < channels.Count; k++)
            {
                Assert.Equal(fromEvents[k].FirstAdds, fromSnapshots[k].FirstAdds);
                for (var n = 0; n < 3; n++)
                {
                    var fromEvent = fromEvents[k].Retention[n];
                    var snapshots = fromSnapshots[k].Retention[n];
                    Assert.False(snapshots.IsUnknown);
                    if (fromEvent.Eligible != snapshots.Eligible || fromEvent.Retained != snapshots.Retained)
                        differences.Add($"{channels[k].State} {fromEvent.Days}d: events {fromEvent.Retained}/{fromEvent.Eligible}, snapshots {snapshots.Retained}/{snapshots.Eligible}");
                }
            }
            // Every follow the same on both routes: its channel, its add, whether it ended.
            var byKey = history.ToLookup(h => (h.UserId, h.ExternalUserId));
            foreach (var e in WeComContactHistory.ToCustomers(events.Select(e => new WeComContactEvent { Time = e.Time, ChangeType = e.ChangeType, UserId = e.UserId, ExternalUserId = e.ExternalUserId, State = e.State, Source = e.Source, CorpId = WeComDemo.CorpId })))
            {
                var s = byKey[(e.UserId, e.ExternalUserId)].ToList();
                if (s.Count != 1 || s[0].AddedAt != e.AddedAt || (s[0].RemovedAt.HasValue != e.RemovedAt.HasValue) || s[0].State != e.State)
                    differences.Add($"{e.UserId}/{e.ExternalUserId} {e.State}: events {e.AddedAt:O}..{e.RemovedAt:O}; snapshots " + string.Join(" | ", s.Select(x => $"{x.State} {x.AddedAt:O}..{x.RemovedAt:O}")));
            }
            Assert.True(differences.Count == 0, string.Join("\n", differences));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
