using System.Net;
using System.Net.Http.Headers;
using TaobaoTop.Emulator.WeCom;

namespace TaobaoTop.Callbacks.Tests;

public class ReceiverTests
{
    private static WeComCallbackSender Sender() => new(ReceiverHarness.Token, ReceiverHarness.AesKey, ReceiverHarness.CorpId);

    private static EmulatedContactEvent Add(string customer, int second = 0)
        => new(DateTimeOffset.FromUnixTimeSeconds(1_764_000_000 + second), "add_external_contact", "sales01", customer) { State = "xhs_note", WelcomeCode = "wc1" };

    [Fact]
    public async Task The_url_verification_answers_the_echostr_and_a_forged_one_gets_403()
    {
        await using var receiver = await ReceiverHarness.StartAsync();
        using var http = new HttpClient();
        var url = Sender().VerificationUrl(receiver.CallbackUrl, "1288432023552776189", out var expected);
        Assert.Equal(expected, await http.GetStringAsync(url));
        var forged = new Uri(url.ToString().Replace("msg_signature=", "msg_signature=0"));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task A_retried_event_is_stored_once_and_a_forged_post_is_refused_and_not_stored()
    {
        await using var receiver = await ReceiverHarness.StartAsync();
        using var http = new HttpClient();
        var sender = Sender();
        sender.DuplicateEvery = 1;
        sender.ForgeEvery = 1;
        var delivery = await sender.SendAsync(http, receiver.CallbackUrl, new[] { Add("wmA"), Add("wmB", 1) });
        Assert.Equal((2, 2, 2, 0), (delivery.Delivered, delivery.Duplicates, delivery.ForgedRefused, delivery.ForgedAccepted));
        var stored = await receiver.ReadAllAsync(http);
        Assert.Equal(new[] { "wmA", "wmB" }, stored.Select(e => e.GetProperty("externalUserId").GetString()));
        Assert.Equal("xhs_note", stored[0].GetProperty("state").GetString());
        Assert.EndsWith("+08:00", stored[0].GetProperty("time").GetString());
    }

    [Fact]
    public async Task The_read_endpoint_wants_the_bearer_token()
    {
        await using var receiver = await ReceiverHarness.StartAsync();
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri(receiver.BaseUrl, "/events"))).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri(receiver.BaseUrl, "/events"));
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "read-token-0123456780");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_gets_WeComs_retries()
    {
        using var listener = new HttpListenerStub();
        using var http = new HttpClient();
        var sender = Sender();
        sender.AnswerTimeout = TimeSpan.FromMilliseconds(300);
        sender.Delay = _ => Task.CompletedTask;
        var delivery = await sender.SendAsync(http, listener.Url, new[] { Add("wmA") });
        Assert.Equal((0, 1, 3), (delivery.Delivered, delivery.Undelivered, delivery.Retries));
        // The stub counts a request when it accepts the connection, which on a busy machine may come after the sender gave up.
        for (var waited = 0; listener.Requests < 4 && waited < 5000; waited += 50) await Task.Delay(50);
        Assert.Equal(4, listener.Requests);
    }

    [Fact]
    public void Missing_secrets_stop_the_receiver_with_a_message_naming_them()
    {
        var e = Assert.Throws<ArgumentException>(() => CallbackOptions.Parse(new[] { "--corp-id", "ww1" }, _ => null));
        Assert.Contains(CallbackOptions.TokenVariable, e.Message);
    }

    /// <summary>A TCP listener that accepts and never answers: WeCom's view of a stuck receiver.</summary>
    private sealed class HttpListenerStub : IDisposable
    {
        private readonly System.Net.Sockets.TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<System.Net.Sockets.TcpClient> _held = new();
        private int _requests;

        public HttpListenerStub()
        {
            _listener.Start();
            _ = AcceptLoop();
        }

        public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/wecom/callback");

        public int Requests => Volatile.Read(ref _requests);

        private async Task AcceptLoop()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync();
                    lock (_held) _held.Add(client);
                    Interlocked.Increment(ref _requests);
                }
            }
            catch (ObjectDisposedException)
            {
            }
            catch (System.Net.Sockets.SocketException)
            {
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            lock (_held) _held.ForEach(c => c.Dispose());
        }
    }
}

public class EventFeedTests
{
    [Fact]
    public async Task The_module_reads_the_receivers_events_page_by_page_and_a_wrong_token_is_refused_without_being_shown()
    {
        await using var receiver = await ReceiverHarness.StartAsync();
        using var http = new HttpClient();
        var sender = new WeComCallbackSender(ReceiverHarness.Token, ReceiverHarness.AesKey, ReceiverHarness.CorpId);
        var events = Enumerable.Range(0, 1205).Select(i => new EmulatedContactEvent(DateTimeOffset.FromUnixTimeSeconds(1_764_000_000 + i), i % 3 == 0 ? "del_follow_user" : "add_external_contact", "sales02", "wm" + i.ToString("D5")) { State = i % 3 == 0 ? null : "dy_feed" });
        await sender.SendAsync(http, receiver.CallbackUrl, events);

        var read = new List<WeComContactEvent>();
        using (var feed = new TaobaoTop.Core.WeCom.WeComEventFeed(receiver.BaseUrl, new TaobaoTop.Core.Protocol.Secret(ReceiverHarness.ReadToken)))
        {
            await feed.ForEachAsync(0, read.Add);
        }
        Assert.Equal(1205, read.Count);
        Assert.Equal(TimeSpan.FromHours(8), read[0].Time.Offset);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_764_000_000), read[0].Time);
        Assert.True(read[0].IsDeparture);
        Assert.Equal("dy_feed", read[1].State);

        using var wrong = new TaobaoTop.Core.WeCom.WeComEventFeed(receiver.BaseUrl, new TaobaoTop.Core.Protocol.Secret("not-the-read-token-at-all"));
        var e = await Assert.ThrowsAsync<IOException>(() => wrong.ForEachAsync(0, _ => { }));
        Assert.Contains("401", e.Message);
        Assert.DoesNotContain("not-the-read-token", e.ToString());
    }
}
