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
    public async Task Hourly_snapshots_find_the_departures_and_give_the_same_retention_as_the_events()
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

            // A snapshot knows a departure to within its hour: only a customer whose N-day mark falls inside that hour can differ.
            var departed = changes.Where(c => c.Change == "Departed").ToList();
            var ambiguous = 0;
            for (var k = 0; k < channels.Count; k++)
            {
                Assert.Equal(fromEvents[k].FirstAdds, fromSnapshots[k].FirstAdds);
                for (var n = 0; n < 3; n++)
                {
                    var mark = TimeSpan.FromDays(fromEvents[k].Retention[n].Days);
                    var inWindow = departed.Count(c => c.State == channels[k].State && c.AddedAt + mark > c.After && c.AddedAt + mark <= c.Before);
                    ambiguous += inWindow;
                    Assert.Equal(fromEvents[k].Retention[n].Eligible, fromSnapshots[k].Retention[n].Eligible);
                    Assert.InRange(fromSnapshots[k].Retention[n].Retained - fromEvents[k].Retention[n].Retained, 0, inWindow);
                    Assert.False(fromSnapshots[k].Retention[n].IsUnknown);
                }
            }
            Assert.InRange(ambiguous, 0, 2);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
