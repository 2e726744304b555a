using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using TaobaoTop.Core.Channels;
using TaobaoTop.Core.WeCom;
using TaobaoTop.Emulator;
using TaobaoTop.Emulator.Server;
using TaobaoTop.Emulator.WeCom;

namespace TaobaoTop.Callbacks.Tests;

/// <summary>
/// The acceptance: the emulator server posts the seeded month as encrypted callbacks (some twice, some forged) to
/// a running receiver; the report's retention from the stored events equals the table below.
/// </summary>
public class MonthAcceptanceTests
{
    // Worked out apart from the report's code (a Python script over the emulator's event list: per customer the first
    // add's channel and every follow's [add, delete) interval; retained at N if some interval holds add + N days),
    // at the month's end: (eligible, retained) for 7, 15 and 30 days. 30-day windows are all open at the month's end.
    private static readonly Dictionary<string, (int Adds, (int, int) D7, (int, int) D15, (int, int) D30)> Expected = new()
    {
        ["xhs_note"] = (40, (25, 25), (13, 10), (0, 0)),
        ["dy_feed"] = (60, (47, 41), (26, 19), (0, 0)),
        ["pyq_ad"] = (25, (19, 15), (16, 10), (0, 0)),
        ["elevator"] = (15, (11, 11), (7, 7), (0, 0)),
        ["store_counter"] = (20, (17, 17), (12, 12), (0, 0)),
        ["live_room"] = (30, (23, 20), (16, 9), (0, 0)),
    };

    [Fact]
    public async Task A_month_of_encrypted_callbacks_gives_the_retention_worked_out_by_hand()
    {
        var now = DateTimeOffset.UtcNow;
        var monthEnd = SyntheticChannelMonth.MonthStart(now).AddDays(30);
        await using var receiver = await ReceiverHarness.StartAsync();
        var serverOptions = ServerOptions.Parse(new[] { "--urls", "http://127.0.0.1:0" });
        using var top = new TopEmulator(serverOptions.Emulator);
        var weCom = new WeComEmulator(new WeComEmulatorOptions { Clock = () => now });
        await using var server = EmulatorServer.Build(serverOptions, top, weCom);
        await server.StartAsync();
        using var http = new HttpClient();
        var token = JsonNode.Parse(await http.GetStringAsync(new Uri(new Uri(server.Urls.Single()), $"/cgi-bin/gettoken?corpid={WeComDemo.CorpId}&corpsecret={WeComDemo.CorpSecret}")))!;
        Assert.Equal(0, (int)token["errcode"]!);

        var posted = await http.PostAsJsonAsync(new Uri(new Uri(server.Urls.Single()), "/emulator/wecom/callbacks"), new
        {
            url = receiver.CallbackUrl.ToString(),
            token = ReceiverHarness.Token,
            aesKey = ReceiverHarness.AesKey,
            corpId = ReceiverHarness.CorpId,
            duplicateEvery = 7,
            forgeEvery = 11,
        });
        posted.EnsureSuccessStatusCode();
        var delivery = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!;
        var sent = weCom.ContactEvents().Count;
        Assert.Equal(sent, (int)delivery["delivered"]!);
        Assert.Equal(sent / 7, (int)delivery["duplicates"]!);
        Assert.Equal(sent / 11, (int)delivery["forgedRefused"]!);
        Assert.Equal(0, (int)delivery["forgedAccepted"]!);

        var events = (await receiver.ReadAllAsync(http, pageSize: 50)).Select(WeComContactEvent.FromJson).ToList();
        Assert.Equal(sent, events.Count);
        Assert.DoesNotContain(events, e => e.ExternalUserId.StartsWith("wmforged", StringComparison.Ordinal));

        var channels = SyntheticChannelMonth.Channels.Select(c => new ChannelDefinition(c.Remark, c.State, Array.Empty<long>(), Array.Empty<long>(), 100m)).ToList();
        var rows = new ChannelReport(channels, new ChannelReportOptions { AsOf = monthEnd }).Compute(WeComContactHistory.ToCustomers(events), Array.Empty<TbkOrder>());

        var actual = rows.ToDictionary(r => r.State!, r => (r.FirstAdds, (r.Retention[0].Eligible, r.Retention[0].Retained), (r.Retention[1].Eligible, r.Retention[1].Retained), (r.Retention[2].Eligible, r.Retention[2].Retained)));
        Assert.Equal(Expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
        Assert.All(rows, r => Assert.All(r.Retention, x => Assert.False(x.IsUnknown)));
        Assert.All(rows, r => Assert.Contains("30d retention", r.OpenWindows));
    }
}
