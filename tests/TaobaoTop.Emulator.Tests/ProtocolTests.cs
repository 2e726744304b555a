using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace TaobaoTop.Emulator.Tests;

public class ProtocolTests
{
    private static readonly Dictionary<string, string> RootCategories = new() { ["parent_cid"] = "0" };

    [Fact]
    public async Task Error_body_has_TOP_shape_with_HTTP_200_and_no_sub_code_when_none_applies()
    {
        using var harness = new Harness();
        harness.Caller.Secret = "wrong";
        using var response = await harness.Caller.SendAsync("taobao.itemcats.get", RootCategories);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Matches("^\\{\"error_response\":\\{\"code\":25,\"msg\":\"Invalid signature\",\"request_id\":\"[0-9a-z]{13}\"\\}\\}$", body);
    }

    [Fact]
    public async Task Error_with_sub_code_lists_code_msg_sub_code_sub_msg_request_id_in_order()
    {
        using var harness = new Harness();
        var answer = await harness.Caller.CallAsync("taobao.item.seller.get", new Dictionary<string, string> { ["fields"] = "title" });
        var error = Answers.Error(answer);
        Assert.Equal(new[] { "code", "msg", "sub_code", "sub_msg", "request_id" }, error.Select(p => p.Key));
        Assert.Equal(40, (int)error["code"]!);
        Assert.Equal("isv.missing-parameter:num_iid", (string?)error["sub_code"]);
    }

    [Fact]
    public async Task Success_is_wrapped_in_the_method_root_with_a_request_id()
    {
        using var harness = new Harness();
        var answer = await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories);
        Assert.Single(answer);
        var inner = Answers.Success(answer, "itemcats_get_response");
        Assert.Matches("^[0-9a-z]{13}$", (string)inner["request_id"]!);
        Assert.NotEmpty(inner["item_cats"]!["item_cat"]!.AsArray());
    }

    [Fact]
    public async Task Simplify_drops_the_root_and_the_list_wrappers()
    {
        using var harness = new Harness();
        var answer = await harness.Caller.CallAsync("taobao.itemcats.get", new Dictionary<string, string> { ["parent_cid"] = "0", ["simplify"] = "true" });
        Assert.False(answer.ContainsKey("itemcats_get_response"));
        Assert.NotNull((string?)answer["request_id"]);
        var categories = answer["item_cats"]!.AsArray();
        Assert.Contains(categories, c => (long)c!["cid"]! == 16);
    }

    [Fact]
    public async Task Parameters_may_come_from_query_or_body_and_a_GET_works()
    {
        using var harness = new Harness();
        var system = harness.Caller.SystemParameters("taobao.itemcats.get");
        system["parent_cid"] = "30";
        system["sign"] = TestCaller.Sign(system, EmulatorDefaults.DemoAppSecret, "md5");
        using var http = new HttpClient(harness.Emulator.CreateHandler());
        var body = await http.GetStringAsync("http://emulator.test/router/rest?" + TestCaller.Encode(system));
        var cats = JsonNode.Parse(body)!["itemcats_get_response"]!["item_cats"]!["item_cat"]!.AsArray();
        Assert.Contains(cats, c => (long)c!["cid"]! == 50000436);
    }

    [Fact]
    public async Task Everything_in_the_body_is_signed_too()
    {
        using var harness = new Harness();
        var all = harness.Caller.SystemParameters("taobao.itemcats.get");
        all["parent_cid"] = "0";
        all["sign"] = TestCaller.Sign(all, EmulatorDefaults.DemoAppSecret, "md5");
        using var http = new HttpClient(harness.Emulator.CreateHandler());
        using var signed = await http.PostAsync("http://emulator.test/router/rest", new FormUrlEncodedContent(all));
        Answers.Success(JsonNode.Parse(await signed.Content.ReadAsStringAsync())!.AsObject(), "itemcats_get_response");

        all["extra"] = "not signed";
        using var unsigned = await http.PostAsync("http://emulator.test/router/rest", new FormUrlEncodedContent(all));
        Answers.AssertError(JsonNode.Parse(await unsigned.Content.ReadAsStringAsync())!.AsObject(), 25);
    }

    [Fact]
    public async Task Parameters_sent_empty_are_left_out_of_the_signature_as_the_SDKs_do()
    {
        using var harness = new Harness();
        var answer = await harness.Caller.CallAsync("taobao.itemcats.get", new Dictionary<string, string> { ["parent_cid"] = "0", ["fields"] = "" });
        Answers.Success(answer, "itemcats_get_response");
    }

    public static TheoryData<string, string?, int> SystemParameterErrors => new()
    {
        { "method", null, 21 },
        { "method", "taobao.no.such.api", 22 },
        { "format", "yaml", 23 },
        { "app_key", null, 28 },
        { "app_key", "99999999", 29 },
        { "timestamp", null, 30 },
        { "timestamp", "2026/03/14 15:09:26", 31 },
        { "v", null, 32 },
        { "v", "1.0", 33 },
        { "session", "no-such-session", 27 },
    };

    [Theory]
    [MemberData(nameof(SystemParameterErrors))]
    public async Task Bad_system_parameters_get_their_platform_code(string name, string? value, int code)
    {
        using var harness = new Harness();
        var answer = await harness.Caller.CallAsync("taobao.items.onsale.get", new Dictionary<string, string> { ["fields"] = "num_iid" },
            system => { if (value == null) system.Remove(name); else system[name] = value; });
        Answers.AssertError(answer, code);
    }

    [Fact]
    public async Task Absent_format_means_xml_on_TOP_which_the_emulator_refuses_with_23()
    {
        using var harness = new Harness();
        var answer = await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories, system => system.Remove("format"));
        Answers.AssertError(answer, 23, "isv.emulator-xml-not-modelled");
        Assert.Contains("json", (string)Answers.Error(answer)["sub_msg"]!);
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(-11, false)]
    [InlineData(9, true)]
    [InlineData(-9, true)]
    public async Task Timestamp_may_be_up_to_10_minutes_off(int minutesOff, bool accepted)
    {
        using var harness = new Harness();
        var skewed = harness.NewCaller();
        skewed.Clock = () => harness.Clock.Now.AddMinutes(minutesOff);
        var answer = await skewed.CallAsync("taobao.itemcats.get", RootCategories);
        if (accepted) Answers.Success(answer, "itemcats_get_response");
        else Answers.AssertError(answer, 31);
    }

    [Fact]
    public async Task Timestamp_is_read_as_GMT_plus_8()
    {
        using var harness = new Harness();
        var answer = await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories,
            system => system["timestamp"] = harness.Clock.Now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"));
        Answers.AssertError(answer, 31);
    }

    [Fact]
    public async Task Epoch_millisecond_timestamp_is_accepted()
    {
        using var harness = new Harness();
        var answer = await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories,
            system => system["timestamp"] = harness.Clock.Now.ToUnixTimeMilliseconds().ToString());
        Answers.Success(answer, "itemcats_get_response");
    }

    [Fact]
    public async Task Api_that_needs_a_session_answers_26_without_one()
    {
        using var harness = new Harness();
        harness.Caller.Session = null;
        Answers.AssertError(await harness.Caller.CallAsync("taobao.items.onsale.get", new Dictionary<string, string> { ["fields"] = "num_iid" }), 26);
    }

    [Fact]
    public async Task Api_without_session_works_without_one()
    {
        using var harness = new Harness();
        harness.Caller.Session = null;
        Answers.Success(await harness.Caller.CallAsync("taobao.itemcats.get", RootCategories), "itemcats_get_response");
    }

    [Fact]
    public async Task Session_of_another_app_is_invalid()
    {
        using var harness = new Harness();
        harness.Caller.Session = EmulatorDefaults.SecondSession;
        var error = Answers.Error(await harness.Caller.CallAsync("taobao.items.onsale.get", new Dictionary<string, string> { ["fields"] = "num_iid" }));
        Assert.Equal(27, (int)error["code"]!);
        Assert.Equal("Invalid session", (string?)error["msg"]);
    }

    [Fact]
    public async Task Catalog_api_that_is_not_modelled_answers_a_clear_isv_error()
    {
        using var harness = new Harness();
        var error = Answers.Error(await harness.Caller.CallAsync("taobao.tbk.data.report", new Dictionary<string, string> { ["date"] = "2026-03-14" }));
        Assert.Equal(15, (int)error["code"]!);
        Assert.Equal("isv.emulator-not-modelled", (string?)error["sub_code"]);
        Assert.Contains("taobao.tbk.data.report", (string)error["sub_msg"]!);
    }

    [Fact]
    public async Task Every_catalog_api_answers_either_for_real_or_not_modelled_never_invalid_method()
    {
        using var harness = new Harness();
        harness.Caller.Session = null;
        foreach (var method in Gateway.ApiCatalog.All.Keys)
        {
            var answer = await harness.Caller.CallAsync(method);
            if (answer.ContainsKey("error_response"))
            {
                var code = (int)answer["error_response"]!["code"]!;
                Assert.True(code != 22 && code != 25, method + " answered " + answer.ToJsonString());
            }
            var modelled = harness.Emulator.ModelledMethods.Contains(method);
            var notModelled = (string?)answer["error_response"]?["sub_code"] == "isv.emulator-not-modelled";
            Assert.True(modelled != notModelled, method + ": modelled=" + modelled + " answer " + answer.ToJsonString());
        }
    }

    [Fact]
    public async Task Modelled_apis_ask_for_a_session_exactly_when_the_catalog_says_so()
    {
        using var harness = new Harness();
        harness.Caller.Session = null;
        var mismatches = new List<string>();
        foreach (var method in harness.Emulator.ModelledMethods)
        {
            if (!Gateway.ApiCatalog.TryGet(method, out var entry) || entry.Session is not ("required" or "none")) continue;
            var answer = await harness.Caller.CallAsync(method);
            var missingSession = (int?)answer["error_response"]?["code"] == 26;
            if (missingSession != (entry.Session == "required")) mismatches.Add(method + " (catalog: " + entry.Session + ")");
        }
        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task Http_verbs_other_than_GET_and_POST_answer_code_9()
    {
        using var harness = new Harness();
        var system = harness.Caller.SystemParameters("taobao.itemcats.get");
        system["parent_cid"] = "0";
        system["sign"] = TestCaller.Sign(system, EmulatorDefaults.DemoAppSecret, "md5");
        using var http = new HttpClient(harness.Emulator.CreateHandler());
        using var response = await http.PutAsync("http://emulator.test/router/rest?" + TestCaller.Encode(system), null);
        Answers.AssertError(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), 9);
    }

    [Theory]
    [InlineData("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1")]
    [InlineData("multipart/form-data; boundary=x", "no boundary anywhere")]
    public async Task Unreadable_multipart_body_answers_43(string contentType, string body)
    {
        using var harness = new Harness();
        var system = harness.Caller.SystemParameters("taobao.itemcats.get");
        system["sign"] = TestCaller.Sign(system, EmulatorDefaults.DemoAppSecret, "md5");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var http = new HttpClient(harness.Emulator.CreateHandler());
        using var response = await http.PostAsync("http://emulator.test/router/rest?" + TestCaller.Encode(system), content);
        Answers.AssertError(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), 43, "isv.invalid-multipart");
    }

    [Fact]
    public async Task Other_paths_are_404()
    {
        using var harness = new Harness();
        using var http = new HttpClient(harness.Emulator.CreateHandler());
        using var response = await http.GetAsync("http://emulator.test/router/batch");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Loose_mode_skips_signature_and_timestamp_and_says_so_on_every_answer()
    {
        using var harness = new Harness(o => o.Strict = false);
        harness.Caller.Secret = "wrong";
        harness.Caller.Clock = () => TestClock.Start.AddDays(-3);
        using var response = await harness.Caller.SendAsync("taobao.itemcats.get", RootCategories, system => system.Remove("timestamp"));
        Assert.Equal(TopEmulator.LooseModeHeaderValue, response.Headers.GetValues(TopEmulator.LooseModeHeader).Single());
        Answers.Success(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), "itemcats_get_response");

        using var error = await harness.Caller.SendAsync("taobao.no.such.api");
        Assert.True(error.Headers.Contains(TopEmulator.LooseModeHeader));
    }

    [Fact]
    public async Task Strict_mode_sets_no_loose_header()
    {
        using var harness = new Harness();
        using var response = await harness.Caller.SendAsync("taobao.itemcats.get", RootCategories);
        Assert.False(response.Headers.Contains(TopEmulator.LooseModeHeader));
    }

    [Fact]
    public async Task Chinese_text_round_trips_as_UTF8_and_is_signed_raw()
    {
        using var harness = new Harness();
        var answer = await harness.Caller.CallAsync("taobao.items.onsale.get", new Dictionary<string, string> { ["fields"] = "title", ["q"] = "牛仔裤" });
        var items = Answers.Success(answer, "items_onsale_get_response")["items"]!["item"]!.AsArray();
        Assert.All(items, i => Assert.Contains("牛仔裤", (string)i!["title"]!));
    }

    [Fact]
    public async Task Answers_carry_Chinese_as_UTF8_not_escapes()
    {
        using var harness = new Harness();
        using var response = await harness.Caller.SendAsync("taobao.itemcats.get", RootCategories);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Contains("女装/女士精品", Encoding.UTF8.GetString(bytes));
    }
}
