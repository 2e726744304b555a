using System.Net;
using System.Net.Sockets;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;
using Xunit;

namespace TaobaoTop.Core.Tests;

public class ClientTests
{
    private const string AppSecret = "s3cr3t-app-secret-value";
    private const string SessionText = "6100sessiontokenvalue0001";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static (TopClient Client, ScriptedGateway Gateway) Connect(TopSignMethod signMethod = TopSignMethod.HmacSha256, bool session = true)
    {
        var gateway = new ScriptedGateway();
        var options = new TopClientOptions("12345678", new Secret(AppSecret))
        {
            Endpoint = new Uri("http://gateway.test/router/rest"),
            SignMethod = signMethod,
            Session = session ? new Secret(SessionText) : null,
            Clock = () => Now,
            Qps = 0,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxBanWait = TimeSpan.FromSeconds(2),
        };
        return (new TopClient(options, gateway), gateway);
    }

    private const string TpwdOk = """{"tbk_tpwd_create_response":{"data":{"model":"￥AbCdEfGh123￥","password_simple":"￥AbCdEfGh123￥"},"request_id":"req-1"}}""";

    [Theory]
    [InlineData(TopSignMethod.Md5, "md5")]
    [InlineData(TopSignMethod.Hmac, "hmac")]
    [InlineData(TopSignMethod.HmacSha256, "hmac-sha256")]
    public async Task Sends_system_parameters_in_the_query_and_business_ones_in_the_body_signed_over_both(TopSignMethod method, string wireName)
    {
        var (client, gateway) = Connect(method);
        gateway.Answer(TpwdOk);

        var request = new TopRequest("taobao.tbk.tpwd.create").With("url", "https://s.click.taobao.com/t?e=1").With("text", "中文 & 符号").With("logo", "");
        await client.InvokeAsync(request);

        var sent = gateway.Received.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("application/x-www-form-urlencoded; charset=UTF-8", sent.ContentType);
        var query = sent.Query;
        Assert.Equal("taobao.tbk.tpwd.create", query["method"]);
        Assert.Equal("12345678", query["app_key"]);
        Assert.Equal(wireName, query["sign_method"]);
        Assert.Equal("2026-11-23 20:00:00", query["timestamp"]);
        Assert.Equal("json", query["format"]);
        Assert.Equal("2.0", query["v"]);
        Assert.Equal(SessionText, query["session"]);
        Assert.False(query.ContainsKey("simplify"));
        Assert.False(query.ContainsKey("target_app_key"));
        var form = sent.Form;
        Assert.Equal("中文 & 符号", form["text"]);
        Assert.False(form.ContainsKey("logo"));
        Assert.False(form.ContainsKey("method"));

        var all = query.Concat(form).Where(p => p.Key != "sign").Select(p => new KeyValuePair<string, string?>(p.Key, p.Value));
        Assert.Equal(TopSigner.Sign(all, AppSecret, method), query["sign"]);
    }

    [Fact]
    public async Task Unwraps_the_response_root_and_keeps_64_bit_ids_and_string_ids_exact()
    {
        var (client, gateway) = Connect();
        gateway.Answer("""{"item_seller_get_response":{"item":{"num_iid":700000000000000001,"item_id":"qeqscd1231-uqwenqe","price":"19.90"},"request_id":"abc"}}""");
        var response = await client.InvokeAsync(new TopRequest("taobao.item.seller.get").With("fields", "num_iid").With("num_iid", 700000000000000001L));
        Assert.Equal("abc", response.RequestId);
        var item = response.Body.GetProperty("item");
        Assert.Equal(700000000000000001L, item.GetProperty("num_iid").GetInt64());
        Assert.Equal("qeqscd1231-uqwenqe", item.GetProperty("item_id").GetString());
        Assert.Equal("700000000000000001", gateway.Received.Single().Form["num_iid"]);
    }

    [Fact]
    public async Task Reads_simplified_answers_without_a_root()
    {
        var (client, gateway) = Connect();
        client.Options.Simplify = true;
        gateway.Answer("""{"data":{"results":[{"trade_id":"1"}],"has_next":false},"request_id":"r9"}""");
        var response = await client.InvokeAsync(new TopRequest("taobao.tbk.order.details.get"));
        Assert.Equal("true", gateway.Received.Single().Query["simplify"]);
        Assert.Equal("r9", response.RequestId);
        Assert.Equal("1", response.Body.GetProperty("data").GetProperty("results")[0].GetProperty("trade_id").GetString());
    }

    [Fact]
    public async Task Error_responses_become_typed_exceptions_and_caller_errors_are_not_retried()
    {
        var (client, gateway) = Connect();
        gateway.Answer("""{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.invalid-parameter:num_iids","sub_msg":"非法参数","request_id":"r-err"}}""");
        var ex = await Assert.ThrowsAsync<TopApiException>(() => client.InvokeAsync(new TopRequest("taobao.tbk.item.info.get")));
        Assert.Equal(15, ex.Code);
        Assert.Equal("Remote service error", ex.ErrorMessage);
        Assert.Equal("isv.invalid-parameter:num_iids", ex.SubCode);
        Assert.Equal("非法参数", ex.SubMessage);
        Assert.Equal("r-err", ex.RequestId);
        Assert.Equal("taobao.tbk.item.info.get", ex.Api);
        Assert.True(ex.IsCallerError);
        Assert.Contains("isv.invalid-parameter:num_iids", ex.Message);
        Assert.Single(gateway.Received);
    }

    [Fact]
    public async Task A_bad_signature_is_not_retried_and_says_what_to_check()
    {
        var (client, gateway) = Connect();
        gateway.Answer("""{"error_response":{"code":25,"msg":"Invalid signature","request_id":"r"}}""");
        var ex = await Assert.ThrowsAsync<TopApiException>(() => client.InvokeAsync(new TopRequest("taobao.tbk.tpwd.create")));
        Assert.Equal(25, ex.Code);
        Assert.Contains("secret", ex.Message);
        Assert.Single(gateway.Received);
    }

    [Fact]
    public async Task A_short_code_7_ban_is_waited_out_and_retried_with_a_fresh_timestamp_and_signature()
    {
        var (client, gateway) = Connect();
        var clockCalls = 0;
        client.Options.Clock = () => Now.AddSeconds(clockCalls++);
        gateway.Answer("""{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 1 more seconds","request_id":"r1"}}""")
               .Answer(TpwdOk);
        var events = new List<TopCallEvent>();

        var response = await client.InvokeAsync(new TopRequest("taobao.tbk.tpwd.create"), events.Add);

        Assert.Equal("req-1", response.RequestId);
        Assert.Equal(2, gateway.Received.Count);
        Assert.NotEqual(gateway.Received[0].Query["timestamp"], gateway.Received[1].Query["timestamp"]);
        Assert.NotEqual(gateway.Received[0].Query["sign"], gateway.Received[1].Query["sign"]);
        var retry = Assert.Single(events, e => e.Kind == CallEventKind.Retrying);
        Assert.True(retry.Delay >= TimeSpan.FromSeconds(1));
        Assert.Contains("code 7", retry.ToString());
        var done = events.Last();
        Assert.Equal(CallEventKind.Succeeded, done.Kind);
        Assert.Contains("req-1", done.ToString());
        Assert.Contains("1 retry", done.ToString());
        Assert.Equal(1, client.Statistics.Retries);
    }

    [Fact]
    public async Task A_long_ban_fails_at_once_with_a_quota_error_that_says_when_it_resets()
    {
        var (client, gateway) = Connect();
        gateway.Answer("""{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 31062 more seconds","request_id":"r1"}}""");
        var ex = await Assert.ThrowsAsync<TopQuotaException>(() => client.InvokeAsync(new TopRequest("taobao.tbk.tpwd.create")));
        Assert.Single(gateway.Received);
        Assert.Equal(TimeSpan.FromSeconds(31062), ex.Ban);
        Assert.Equal(Now.AddSeconds(31062), ex.ResetsAt);
        Assert.Equal(TimeSpan.FromHours(8), ex.ResetsAt!.Value.Offset);
        Assert.Contains("resets at 2026-11-24 04:37:42 +08:00", ex.Message);
        Assert.Equal(1, client.Statistics.QuotaErrors);
    }

    [Fact]
    public async Task Isp_errors_and_http_5xx_are_retried_until_the_retry_budget_runs_out()
    {
        var (client, gateway) = Connect();
        client.Options.MaxRetries = 2;
        gateway.Answer("""{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.top-remote-service-unavailable","sub_msg":"服务不可用"}}""")
               .Then(_ => ScriptedGateway.Json("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", HttpStatusCode.BadGateway))
               .Then(_ => ScriptedGateway.Json("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", HttpStatusCode.BadGateway));
        var ex = await Assert.ThrowsAsync<TopTransportException>(() => client.InvokeAsync(new TopRequest("taobao.tbk.item.info.get")));
        Assert.Equal(3, gateway.Received.Count);
        Assert.Equal(502, ex.HttpStatus);
        Assert.Contains("HTTP 502", ex.Message);
        Assert.Contains("502 Bad Gateway", ex.Message);
    }

    [Fact]
    public async Task An_html_page_with_status_200_is_a_clear_error()
    {
        var (client, gateway) = Connect();
        gateway.Answer("<html><head><title>Access denied by proxy</title></head></html>");
        var ex = await Assert.ThrowsAsync<TopResponseException>(() => client.InvokeAsync(new TopRequest("taobao.tbk.tpwd.create")));
        Assert.Contains("HTML page titled \"Access denied by proxy\"", ex.Message);
    }

    [Theory]
    [InlineData("", "empty body")]
    [InlineData("""{"tbk_tpwd_create_response":{"data":{"model":"￥Ab""", "cut off")]
    [InlineData("not json at all", "not valid JSON")]
    public async Task Bodies_that_are_not_top_answers_say_what_came_back(string body, string expected)
    {
        var (client, gateway) = Connect();
        gateway.Answer(body);
        var ex = await Assert.ThrowsAsync<TopResponseException>(() => client.InvokeAsync(new TopRequest("taobao.tbk.tpwd.create")));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public async Task The_answer_is_read_from_the_root_the_catalog_names()
    {
        var (client, gateway) = Connect();
        gateway.Answer("""{"error_trace_response":{"trace":"x"},"tbk_tpwd_create_response":{"data":{"model":"￥AbCdEfGh123￥"},"request_id":"r1"}}""");

        var response = await client.InvokeAsync(new TopRequest("taobao.tbk.tpwd.create"));

        Assert.Equal("r1", response.RequestId);
        Assert.Equal("￥AbCdEfGh123￥", response.Body.GetProperty("data").GetProperty("model").GetString());
    }

    [Fact]
    public async Task A_write_whose_answer_was_lost_is_not_sent_twice()
    {
        var (client, gateway) = Connect();
        gateway.Throw(new TaskCanceledException("lost", new TimeoutException()));
        var ex = await Assert.ThrowsAsync<TopTransportException>(() => client.InvokeAsync(new TopRequest("taobao.item.add").With("title", "t")));
        Assert.True(ex.MayHaveBeenApplied);
        Assert.Contains("may have been carried out", ex.Message);
        Assert.Single(gateway.Received);
    }

    [Fact]
    public async Task A_read_whose_answer_was_lost_is_retried()
    {
        var (client, gateway) = Connect();
        gateway.Throw(new HttpRequestException("connection reset")).Answer("""{"item_seller_get_response":{"item":{},"request_id":"r2"}}""");
        var response = await client.InvokeAsync(new TopRequest("taobao.item.seller.get"));
        Assert.Equal("r2", response.RequestId);
        Assert.Equal(2, gateway.Received.Count);
    }

    [Theory]
    [InlineData("taobao.tbk.relation.refund")]
    [InlineData("taobao.tbk.dg.newuser.order.sum")]
    [InlineData("taobao.tbk.item.click.extract")]
    public async Task A_read_the_catalog_knows_is_sent_again_after_a_lost_answer_whatever_its_name(string method)
    {
        var (client, gateway) = Connect();
        gateway.Throw(new HttpRequestException("connection reset")).Answer("""{"x_response":{"request_id":"r2"}}""");

        var response = await client.InvokeAsync(new TopRequest(method));

        Assert.Equal("r2", response.RequestId);
        Assert.Equal(2, gateway.Received.Count);
    }

    [Theory]
    [InlineData("taobao.tbk.tpwd.convert")]
    [InlineData("taobao.some.future.thing.get")]
    public async Task A_write_or_an_api_the_catalog_does_not_know_is_not_sent_twice_after_a_lost_answer(string method)
    {
        var (client, gateway) = Connect();
        gateway.Throw(new HttpRequestException("connection reset")).Answer("""{"x_response":{"request_id":"r2"}}""");

        var error = await Assert.ThrowsAsync<TopTransportException>(() => client.InvokeAsync(new TopRequest(method)));

        Assert.True(error.MayHaveBeenApplied);
        Assert.Single(gateway.Received);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_even_for_writes()
    {
        var (client, gateway) = Connect();
        gateway.Throw(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)))
               .Answer("""{"item_add_response":{"item":{"num_iid":1},"request_id":"r3"}}""");
        var response = await client.InvokeAsync(new TopRequest("taobao.item.add"));
        Assert.Equal("r3", response.RequestId);
    }

    [Fact]
    public async Task An_api_that_needs_a_session_fails_before_sending_when_there_is_none()
    {
        var (client, gateway) = Connect(session: false);
        var ex = await Assert.ThrowsAsync<TopSessionRequiredException>(() => client.InvokeAsync(new TopRequest("taobao.item.add")));
        Assert.Contains("Connect with -Session", ex.Message);
        Assert.Empty(gateway.Received);
    }

    [Fact]
    public async Task A_file_goes_as_a_multipart_part_and_is_not_signed()
    {
        var (client, gateway) = Connect(TopSignMethod.Md5);
        gateway.Answer("""{"picture_upload_response":{"picture":{"picture_id":1},"request_id":"r4"}}""");
        var request = new TopRequest("taobao.picture.upload").With("picture_category_id", 0).With("image_input_title", "主图.jpg");
        request.Files["img"] = new TopFile("主图.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 });
        await client.InvokeAsync(request);

        var sent = gateway.Received.Single();
        Assert.StartsWith("multipart/form-data", sent.ContentType);
        var body = System.Text.Encoding.UTF8.GetString(sent.Body);
        Assert.Contains("name=\"img\"", body);
        Assert.Contains("name=\"image_input_title\"", body);
        Assert.Contains("image/jpeg", body);
        var signed = sent.Query.Where(p => p.Key != "sign").Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))
            .Append(new("picture_category_id", "0")).Append(new("image_input_title", "主图.jpg"));
        Assert.Equal(TopSigner.Sign(signed, AppSecret, TopSignMethod.Md5), sent.Query["sign"]);
    }

    [Fact]
    public async Task Secrets_never_appear_in_errors_or_events_even_when_a_proxy_echoes_the_request()
    {
        var (client, gateway) = Connect();
        client.Options.MaxRetries = 1;
        gateway.Then(r => ScriptedGateway.Json("<html><title>Bad</title>" + r.RequestUri + " secret=" + AppSecret + "</html>", HttpStatusCode.BadGateway))
               .Then(r => ScriptedGateway.Json("<html>" + r.RequestUri + "</html>"));
        var events = new List<TopCallEvent>();
        var ex = await Assert.ThrowsAnyAsync<TopException>(() => client.InvokeAsync(new TopRequest("taobao.tbk.tpwd.create"), events.Add));

        var everything = string.Join("\n", events.Select(e => e.ToString())) + ex + client.Options + client.Options.AppSecret + client.Options.Session;
        Assert.DoesNotContain(AppSecret, everything);
        Assert.DoesNotContain(SessionText, everything);
        Assert.Contains("********", ex.Message);
    }

    [Fact]
    public void Clients_of_one_app_key_share_one_pacer()
    {
        var a = RateLimitPolicy.For("app-1", "eco.taobao.com");
        var b = RateLimitPolicy.For("app-1", "eco.taobao.com");
        var other = RateLimitPolicy.For("app-2", "eco.taobao.com");
        Assert.Same(a, b);
        Assert.NotSame(a, other);
    }

    [Fact]
    public void Backoff_grows_exponentially_and_stays_under_the_cap()
    {
        var baseDelay = TimeSpan.FromMilliseconds(500);
        var cap = TimeSpan.FromSeconds(30);
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var ceiling = Math.Min(cap.TotalMilliseconds, 500 * Math.Pow(2, attempt - 1));
            var delay = ResponseClassifier.Backoff(attempt, baseDelay, cap).TotalMilliseconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
    }
}
