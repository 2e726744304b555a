using System.Net;
using System.Text.Json.Nodes;

namespace TaobaoTop.Emulator.Tests;

public class KnobTests
{
    private static readonly Dictionary<string, string> RootCategories = new() { ["parent_cid"] = "0" };

    private static Dictionary<string, string> NewItem(string title = "测试商品 T恤") => new()
    {
        ["num"] = "10", ["price"] = "19.90", ["type"] = "fixed", ["stuff_status"] = "new", ["title"] = title,
        ["desc"] = "<p>一件测试用的商品</p>", ["location.state"] = "浙江", ["location.city"] = "杭州", ["cid"] = "50000436",
    };

    [Fact]
    public async Task Qps_limit_answers_code_7_with_a_ban_and_stats_count_it()
    {
        using var harness = new Harness(o => o.QpsLimit = 5);
        var answers = new List<JsonObject>();
        for (var i = 0; i < 8; i++) answers.Add(await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories));

        Assert.All(answers.Take(5), a => Answers.Success(a, "itemcats_get_response"));
        foreach (var answer in answers.Skip(5))
        {
            var error = Answers.Error(answer);
            Assert.Equal(7, (int)error["code"]!);
            Assert.Equal("App Call Limited", (string?)error["msg"]);
            Assert.Equal("accesscontrol.limited-by-app-access-count", (string?)error["sub_code"]);
            Assert.Equal("This ban will last for 1 more seconds", (string?)error["sub_msg"]);
        }
        Assert.Equal(3, harness.Emulator.Stats.CallLimitedAnswers);
        Assert.Equal(5, harness.Emulator.Stats.Successes);

        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        Answers.Success(await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories), "itemcats_get_response");
    }

    [Fact]
    public async Task Qps_limit_is_per_app_key()
    {
        using var harness = new Harness(o => o.QpsLimit = 1);
        var second = harness.NewCaller();
        second.AppKey = EmulatorDefaults.SecondAppKey;
        second.Secret = EmulatorDefaults.SecondAppSecret;
        second.Session = null;
        Answers.Success(await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories), "itemcats_get_response");
        Answers.Success(await second.CallAsync("taobao.itemcats.get", RootCategories), "itemcats_get_response");
        Answers.AssertError(await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories), 7);
    }

    [Fact]
    public async Task Without_limits_a_burst_gets_no_code_7()
    {
        using var harness = new Harness();
        for (var i = 0; i < 200; i++) await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories);
        Assert.Equal(0, harness.Emulator.Stats.CallLimitedAnswers);
        Assert.Equal(200, harness.Emulator.Stats.CallsTo("taobao.itemcats.get"));
    }

    [Fact]
    public async Task Daily_quota_bans_until_midnight_GMT_plus_8()
    {
        using var harness = new Harness(o => o.DailyQuota = 3);
        harness.Clock.Now = new DateTimeOffset(2026, 3, 14, 20, 0, 0, TimeSpan.FromHours(8));
        for (var i = 0; i < 3; i++)
        {
            harness.Clock.Advance(TimeSpan.FromSeconds(10));
            Answers.Success(await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories), "itemcats_get_response");
        }
        harness.Clock.Now = new DateTimeOffset(2026, 3, 14, 20, 0, 0, TimeSpan.FromHours(8));
        var error = Answers.Error(await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories));
        Assert.Equal(7, (int)error["code"]!);
        Assert.Equal("This ban will last for 14400 more seconds", (string?)error["sub_msg"]);

        harness.Clock.Now = new DateTimeOffset(2026, 3, 15, 0, 0, 1, TimeSpan.FromHours(8));
        Answers.Success(await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories), "itemcats_get_response");
    }

    [Fact]
    public async Task Latency_delays_the_answer()
    {
        using var harness = new Harness(o => o.Latency = TimeSpan.FromHours(1));
        using var cancel = new CancellationTokenSource();
        using var http = new HttpClient(harness.Emulator.CreateHandler());
        var pending = http.GetAsync("http://emulator.test/router/rest", cancel.Token);
        await Task.Yield();
        Assert.False(pending.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task Latency_is_a_round_trip_the_gateway_sees_the_call_half_way_and_counts_it_then()
    {
        // Wide margins: other tests run alongside and may hold the thread pool up for a second.
        using var harness = new Harness(o => o.Latency = TimeSpan.FromSeconds(4));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var answer = harness.Caller.CallAsync("taobao.time.get");
        while (harness.Emulator.Stats.CallsTo("taobao.time.get") == 0 && clock.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(10);
        var seen = clock.Elapsed;
        Assert.False(answer.IsCompleted, "The call was counted only when it was answered.");
        await answer;
        Assert.True(clock.Elapsed - seen >= TimeSpan.FromSeconds(0.5), "The call was counted only as it was answered.");
        Assert.True(seen >= TimeSpan.FromSeconds(1.9), "The gateway saw the call before half its round trip.");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(3.9), "The answer came before its round trip was over.");
    }

    [Fact]
    public async Task Isp_fault_answers_a_retryable_service_error()
    {
        using var harness = new Harness(o => o.IspErrorRate = 1);
        var codes = new HashSet<int>();
        for (var i = 0; i < 20; i++)
        {
            var error = Answers.Error(await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories));
            Assert.Equal("isp.top-remote-service-unavailable", (string?)error["sub_code"]);
            codes.Add((int)error["code"]!);
        }
        Assert.Subset(new HashSet<int> { 15, 50 }, codes);
        Assert.Equal(20, harness.Emulator.Stats.Faults(FaultKinds.Isp));
    }

    [Fact]
    public async Task Isp_fault_comes_after_the_protocol_checks()
    {
        using var harness = new Harness(o => o.IspErrorRate = 1);
        harness.Caller.Secret = "wrong";
        Answers.AssertError(await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories), 25);
    }

    [Theory]
    [InlineData(502, "502 Bad Gateway")]
    [InlineData(503, "503 Service Temporarily Unavailable")]
    public async Task Http_faults_answer_an_nginx_like_html_page(int status, string title)
    {
        using var harness = new Harness(o => { if (status == 502) o.Http502Rate = 1; else o.Http503Rate = 1; });
        using var response = await harness.Caller.SendAsync("taobao.itemcats.get", RootCategories);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>" + title + "</title>", html);
        Assert.Contains("Tengine", html);
        Assert.Equal(1, harness.Emulator.Stats.Faults(status == 502 ? FaultKinds.Http502 : FaultKinds.Http503));
        Assert.Equal(1, harness.Emulator.Stats.CallsTo("taobao.itemcats.get"));
    }

    [Fact]
    public async Task Dropped_connection_throws_HttpRequestException_and_runs_nothing()
    {
        using var harness = new Harness(o => o.DropConnectionRate = 1);
        await Assert.ThrowsAsync<HttpRequestException>(() => harness.Caller.SendAsync("taobao.item.add", NewItem()));
        harness.Emulator.Options.DropConnectionRate = 0;
        var titles = await OnSaleTitles(harness);
        Assert.DoesNotContain("测试商品 T恤", titles);
        Assert.Equal(1, harness.Emulator.Stats.Faults(FaultKinds.DropConnection));
        Assert.Equal(1, harness.Emulator.Stats.CallsTo("taobao.item.add"));
    }

    [Fact]
    public async Task Lost_answer_times_out_after_the_write_happened()
    {
        using var harness = new Harness(o => o.LostAnswerRate = 1);
        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => harness.Caller.SendAsync("taobao.item.add", NewItem("丢失回答的商品")));
        Assert.IsType<TimeoutException>(error.InnerException);
        harness.Emulator.Options.LostAnswerRate = 0;
        Assert.Contains("丢失回答的商品", await OnSaleTitles(harness));
        Assert.Equal(1, harness.Emulator.Stats.Faults(FaultKinds.LostAnswer));
    }

    [Fact]
    public async Task Lost_answer_never_hits_reads()
    {
        using var harness = new Harness(o => o.LostAnswerRate = 1);
        for (var i = 0; i < 10; i++) Answers.Success(await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories), "itemcats_get_response");
        Assert.Equal(0, harness.Emulator.Stats.Faults(FaultKinds.LostAnswer));
    }

    [Fact]
    public async Task Same_seed_gives_the_same_fault_sequence()
    {
        async Task<string> Run(int seed)
        {
            using var harness = new Harness(o => { o.Seed = seed; o.IspErrorRate = 0.3; o.Http502Rate = 0.2; o.DropConnectionRate = 0.1; });
            var outcomes = new List<string>();
            for (var i = 0; i < 60; i++)
            {
                try
                {
                    using var response = await harness.Caller.SendAsync("taobao.itemcats.get", RootCategories);
                    var body = await response.Content.ReadAsStringAsync();
                    outcomes.Add(response.StatusCode != HttpStatusCode.OK ? ((int)response.StatusCode).ToString()
                        : body.Contains("error_response") ? "isp" + JsonNode.Parse(body)!["error_response"]!["code"] : "ok");
                }
                catch (HttpRequestException)
                {
                    outcomes.Add("drop");
                }
            }
            return string.Join(",", outcomes);
        }

        var first = await Run(7);
        Assert.Equal(first, await Run(7));
        Assert.NotEqual(first, await Run(8));
        Assert.Contains("ok", first);
        Assert.Contains("drop", first);
        Assert.Contains("502", first);
        Assert.Contains("isp", first);
    }

    private static async Task<List<string>> OnSaleTitles(Harness harness)
    {
        var answer = await harness.Caller.CallAsync("taobao.items.onsale.get", new Dictionary<string, string> { ["fields"] = "title", ["page_size"] = "200" });
        return Answers.Success(answer, "items_onsale_get_response")["items"]!["item"]!.AsArray().Select(i => (string)i!["title"]!).ToList();
    }
}
