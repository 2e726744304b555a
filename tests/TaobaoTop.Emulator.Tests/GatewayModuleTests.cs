using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Tests;

/// <summary>The module contract, exercised with a module written for the test.</summary>
public class GatewayModuleTests
{
    private sealed class ProbeModule : IApiModule
    {
        public List<ApiCall> Calls { get; } = new();

        public void Register(ApiRegistry registry)
        {
            registry.Add("taobao.probe.echo", needsSession: false, writes: false, call =>
            {
                Calls.Add(call);
                return new JsonObject { ["results"] = call.List("probe", new JsonNode[] { "a", "b" }) };
            });
            registry.Add("taobao.probe.broken", needsSession: false, writes: false, _ => throw new InvalidOperationException("probe failure"));
        }

        public void Reset(int seed, DateTimeOffset now) => Calls.Clear();

        public JsonNode? SaveState() => null;

        public void LoadState(JsonNode state)
        {
        }
    }

    private static (TopEmulator, TestCaller, ProbeModule) Create()
    {
        var probe = new ProbeModule();
        var emulator = new TopEmulator(new EmulatorOptions { Clock = () => TestClock.Start }, new[] { probe });
        return (emulator, new TestCaller(emulator), probe);
    }

    [Fact]
    public async Task Handler_gets_business_parameters_only_with_caller_and_clock()
    {
        var (emulator, caller, probe) = Create();
        using (emulator)
        {
            Answers.Success(await caller.CallAsync("taobao.probe.echo", new Dictionary<string, string> { ["x"] = "1", ["名"] = "值" }), "probe_echo_response");
            var call = probe.Calls.Single();
            Assert.Equal(new[] { "x", "名" }, call.Parameters.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(EmulatorDefaults.DemoAppKey, call.AppKey);
            Assert.Equal(EmulatorDefaults.DemoSellerNick, call.SessionUser);
            Assert.Equal(TestClock.Start, call.Now);
            Assert.Equal(TimeSpan.FromHours(8), call.Now.Offset);
        }
    }

    [Fact]
    public async Task List_is_wrapped_unless_simplified()
    {
        var (emulator, caller, _) = Create();
        using (emulator)
        {
            var wrapped = Answers.Success(await caller.CallAsync("taobao.probe.echo"), "probe_echo_response");
            Assert.Equal("[\"a\",\"b\"]", wrapped["results"]!["probe"]!.ToJsonString());
            var simplified = await caller.CallAsync("taobao.probe.echo", new Dictionary<string, string> { ["simplify"] = "true" });
            Assert.Equal("[\"a\",\"b\"]", simplified["results"]!.ToJsonString());
        }
    }

    [Fact]
    public async Task Unexpected_handler_failure_answers_an_isp_error_naming_the_cause()
    {
        var (emulator, caller, _) = Create();
        using (emulator)
        {
            var error = Answers.Error(await caller.CallAsync("taobao.probe.broken"));
            Assert.Equal(15, (int)error["code"]!);
            Assert.Equal("isp.unknown-error", (string?)error["sub_code"]);
            Assert.Contains("probe failure", (string)error["sub_msg"]!);
            Assert.Equal(1, emulator.Stats.ErrorsWithCode(15));
        }
    }
}
