using TaobaoTop.Tests.Items;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Server;

namespace TaobaoTop.Emulator.Tests;

public class ServerTests
{
    [Fact]
    public void Options_map_every_flag()
    {
        var options = ServerOptions.Parse(new[]
        {
            "--urls", "http://127.0.0.1:9999", "--app", "k1:s1:sess1", "--app", "k2:s2", "--loose", "--seed", "7", "--qps", "40",
            "--daily-quota", "10000", "--latency-ms", "25", "--fault-isp", "0.1", "--fault-502", "0.2", "--fault-503", "0.3",
            "--fault-drop", "0.4", "--fault-lost-answer", "0.5", "--state-file", "state.json", "--orders-per-day", "1700",
        });
        var e = options.Emulator;
        Assert.Equal("http://127.0.0.1:9999", options.Urls);
        Assert.Equal(1700, e.OrdersPerDay);
        Assert.Contains(e.Apps, a => a.AppKey == "k1" && a.AppSecret == "s1" && a.Session == "sess1");
        Assert.Contains(e.Apps, a => a.AppKey == "k2" && a.Session == null);
        Assert.Contains(e.Apps, a => a.AppKey == EmulatorDefaults.DemoAppKey);
        Assert.False(e.Strict);
        Assert.Equal(7, e.Seed);
        Assert.Equal(40, e.QpsLimit);
        Assert.Equal(10000, e.DailyQuota);
        Assert.Equal(TimeSpan.FromMilliseconds(25), e.Latency);
        Assert.Equal((0.1, 0.2, 0.3, 0.4, 0.5), (e.IspErrorRate, e.Http502Rate, e.Http503Rate, e.DropConnectionRate, e.LostAnswerRate));
        Assert.Equal("state.json", e.StatePath);
    }

    [Fact]
    public void Defaults_are_strict_and_loopback()
    {
        var options = ServerOptions.Parse(Array.Empty<string>());
        Assert.Equal("http://127.0.0.1:8730", options.Urls);
        Assert.True(options.Emulator.Strict);
    }

    [Theory]
    [InlineData("--fault-isp", "1.5")]
    [InlineData("--qps", "-1")]
    [InlineData("--seed", "abc")]
    [InlineData("--app", "only-a-key")]
    [InlineData("--verbose", null)]
    [InlineData("--urls", null)]
    public void Bad_options_are_refused(string name, string? value)
    {
        var args = value == null ? new[] { name } : new[] { name, value };
        var error = Assert.Throws<ArgumentException>(() => ServerOptions.Parse(args));
        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void Banner_shows_demo_credentials_but_not_secrets_of_other_apps()
    {
        var options = ServerOptions.Parse(new[] { "--app", "k1:private-secret:private-session", "--app", EmulatorDefaults.DemoAppKey + ":other-secret" });
        var banner = EmulatorServer.Banner(options);
        Assert.Contains(EmulatorDefaults.DemoAppSecret, banner);
        Assert.Contains(EmulatorDefaults.DemoSession, banner);
        Assert.Contains("k1", banner);
        Assert.DoesNotContain("private-secret", banner);
        Assert.DoesNotContain("private-session", banner);
        Assert.DoesNotContain("other-secret", banner);
    }

    private static async Task<(WebApplication App, TopEmulator Emulator, string Url)> StartAsync(params string[] args)
    {
        var options = ServerOptions.Parse(args.Concat(new[] { "--urls", "http://127.0.0.1:0" }).ToArray());
        var emulator = new TopEmulator(options.Emulator);
        var app = EmulatorServer.Build(options, emulator);
        await app.StartAsync();
        return (app, emulator, app.Urls.Single());
    }

    private static string RunPython(string url, string mode)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "independent_client.py");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, url, EmulatorDefaults.DemoAppKey, EmulatorDefaults.DemoAppSecret, EmulatorDefaults.DemoSession, mode })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "python3 failed: " + error);
        return output;
    }

    [Theory]
    [InlineData("md5")]
    [InlineData("hmac")]
    [InlineData("hmac-sha256")]
    public async Task Server_answers_a_request_signed_by_an_independent_Python_client(string signMethod)
    {
        var (app, emulator, url) = await StartAsync();
        await using (app)
        using (emulator)
        {
            var answer = JsonNode.Parse(RunPython(url, signMethod))!;
            var items = answer["items_onsale_get_response"]!["items"]!["item"]!.AsArray();
            Assert.All(items, i => Assert.Contains("T恤", (string)i!["title"]!));
            Assert.Equal(1, emulator.Stats.Successes);
        }
    }

    [Fact]
    public async Task Server_rejects_a_tampered_request_from_the_Python_client()
    {
        var (app, emulator, url) = await StartAsync();
        await using (app)
        using (emulator)
        {
            var answer = JsonNode.Parse(RunPython(url, "tampered"))!;
            Assert.Equal(25, (int)answer["error_response"]!["code"]!);
        }
    }

    [Fact]
    public async Task Stats_and_reset_endpoints()
    {
        var (app, emulator, url) = await StartAsync("--loose");
        await using (app)
        using (emulator)
        using (var http = new HttpClient { BaseAddress = new Uri(url) })
        {
            using (var answer = await http.GetAsync("/router/rest?method=taobao.itemcats.get&app_key=" + EmulatorDefaults.DemoAppKey + "&v=2.0&format=json&parent_cid=0"))
            {
                Assert.True(answer.Headers.Contains(TopEmulator.LooseModeHeader));
                Assert.Contains("itemcats_get_response", await answer.Content.ReadAsStringAsync());
            }
            var stats = JsonNode.Parse(await http.GetStringAsync("/emulator/stats"))!;
            Assert.Equal(1, (long)stats["requests"]!);
            Assert.Equal(1, (long)stats["calls_by_method"]!["taobao.itemcats.get"]!);

            using var reset = await http.PostAsync("/emulator/reset?seed=5", null);
            reset.EnsureSuccessStatusCode();
            Assert.Equal(0, (long)JsonNode.Parse(await http.GetStringAsync("/emulator/stats"))!["requests"]!);
        }
    }

    [Fact]
    public async Task Dropped_connection_aborts_the_socket()
    {
        var (app, emulator, url) = await StartAsync("--loose", "--fault-drop", "1");
        await using (app)
        using (emulator)
        using (var http = new HttpClient { BaseAddress = new Uri(url) })
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/router/rest?method=taobao.itemcats.get"));
            Assert.Equal(1, emulator.Stats.Faults(FaultKinds.DropConnection));
        }
    }

    [Fact]
    public async Task Server_answers_multipart_uploads()
    {
        var (app, emulator, url) = await StartAsync();
        await using (app)
        using (emulator)
        {
            var caller = new TestCaller(new HttpClientHandler(), url) { Clock = () => DateTimeOffset.Now };
            var answer = await caller.UploadAsync("taobao.picture.upload",
                new Dictionary<string, string> { ["picture_category_id"] = "0", ["image_input_title"] = "a.png" }, "img", "a.png", TestPictures.Png(31, 17));
            Assert.Equal("31x17", (string?)Answers.Success(answer, "picture_upload_response")["picture"]!["pixel"]);
        }
    }
}
