using System.Management.Automation;
using TaobaoTop.Emulator;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

public class InvokeTaobaoApiTests
{
    // The module's own types are read through PowerShell's adapter: the tests never load a second copy of them.
    private static object? Property(object target, string name) => PSObject.AsPSObject(target).Properties[name].Value;

    private static string Connect(LoopbackGateway gateway, string signMethod = "hmac-sha256", string extra = "")
        => $"Connect-TaobaoTop -AppKey '{EmulatorDefaults.DemoAppKey}' -AppSecret '{EmulatorDefaults.DemoAppSecret}' -Session '{EmulatorDefaults.DemoSession}' -Endpoint '{gateway.Endpoint}' -SignMethod {signMethod} {extra}";

    [Theory]
    [InlineData("md5")]
    [InlineData("hmac")]
    [InlineData("hmac-sha256")]
    public void Calls_over_http_are_accepted_by_an_independent_gateway_with_each_sign_method(string signMethod)
    {
        using var gateway = new LoopbackGateway();
        using var session = new ModuleSession();
        var output = session.Ok(Connect(gateway, signMethod) + "\n" +
            "Invoke-TaobaoApi -Method taobao.item.add -Parameter @{ title = '中文标题 T恤'; price = 19.9; num = 5; type = 'fixed'; stuff_status = 'new'; desc = '纯棉短袖T恤，舒适透气'; 'location.state' = '浙江'; 'location.city' = '杭州'; cid = 50000436 }");
        var item = (PSObject)Assert.Single(output).Properties["item"].Value;
        Assert.IsType<long>(item.Properties["num_iid"].Value);
        Assert.Equal(0, gateway.Emulator.Stats.ErrorsByCode.Values.Sum());
    }

    [Fact]
    public void Sixty_four_bit_ids_come_back_exactly_and_raw_gives_the_json_text()
    {
        using var gateway = new LoopbackGateway();
        using var session = new ModuleSession();
        var output = session.Ok(Connect(gateway) + """

            $added = Invoke-TaobaoApi taobao.item.add @{ title = 'T恤'; price = '29.90'; num = 1; type = 'fixed'; stuff_status = 'new'; desc = '纯棉短袖T恤一件'; 'location.state' = '浙江'; 'location.city' = '杭州'; cid = 50000436 }
            $id = $added.item.num_iid
            $raw = Invoke-TaobaoApi taobao.item.seller.get @{ fields = 'num_iid,title,price'; num_iid = $id } -Raw
            $id
            $raw
            """);
        var id = Assert.IsType<long>(output[0].BaseObject);
        Assert.True(id > 1L << 53, "the emulator hands out ids above 2^53 so rounding through double would show");
        var raw = Assert.IsType<string>(output[1].BaseObject);
        Assert.Contains("\"num_iid\":" + id, raw);
        Assert.StartsWith("{\"item_seller_get_response\"", raw);
    }

    [Fact]
    public void Error_answers_are_non_terminating_errors_with_code_and_sub_code()
    {
        using var gateway = new LoopbackGateway();
        using var session = new ModuleSession();
        // The catalog lists no required parameter of taobao.itemcats.get (parent_cid or cids), so the gateway answers.
        var result = session.Run(Connect(gateway) + "\nInvoke-TaobaoApi taobao.itemcats.get @{ fields = 'cid' }\n'next statement ran'");
        var error = Assert.Single(result.Errors);
        Assert.Equal("next statement ran", result.Output.Single().BaseObject);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("taobao.itemcats.get", error.TargetObject);
        Assert.StartsWith("TopApiError40:isv.missing-parameter:cids", error.FullyQualifiedErrorId);
        Assert.Equal(40, Property(error.Exception, "Code"));
        Assert.Equal("isv.missing-parameter:cids", Property(error.Exception, "SubCode"));
        Assert.Equal("TopApiException", error.Exception.GetType().Name);
    }

    [Fact]
    public void A_wrong_secret_is_an_authentication_error_that_does_not_show_the_secret()
    {
        using var gateway = new LoopbackGateway();
        using var session = new ModuleSession();
        var result = session.Run($"Connect-TaobaoTop -AppKey '{EmulatorDefaults.DemoAppKey}' -AppSecret 'wrong-secret-value' -Endpoint '{gateway.Endpoint}'\n" +
                                 "Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0 } -Verbose");
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Equal(25, Property(error.Exception, "Code"));
        Assert.DoesNotContain("wrong-secret-value", result.AllText + session.Host.Console);
    }

    [Fact]
    public void A_code_7_ban_is_waited_out_and_the_call_succeeds()
    {
        using var gateway = new LoopbackGateway(new EmulatorOptions { QpsLimit = 1 });
        using var session = new ModuleSession();
        var result = session.Run(Connect(gateway, extra: "-Qps 0") + "\n" +
            "1..2 | ForEach-Object { Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0 } -Verbose } | ForEach-Object request_id");
        result.ThrowOnError();
        Assert.Equal(2, result.Output.Count);
        Assert.Contains(result.Verbose, v => v.Contains("code 7") && v.Contains("retrying"));
        Assert.Contains(result.Verbose, v => v.Contains("succeeded") && v.Contains("1 retry"));
        Assert.True(gateway.Emulator.Stats.CallLimitedAnswers >= 1);
    }

    [Fact]
    public void The_client_quota_keeps_the_gateway_from_ever_answering_code_7()
    {
        using var gateway = new LoopbackGateway(new EmulatorOptions { QpsLimit = 5 });
        using var session = new ModuleSession();
        session.Ok(Connect(gateway, extra: "-Qps 4") + "\n1..8 | ForEach-Object { $null = Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0 } }");
        Assert.Equal(0, gateway.Emulator.Stats.CallLimitedAnswers);
    }

    [Fact]
    public void An_html_502_page_gives_a_clear_error()
    {
        using var gateway = new LoopbackGateway(new EmulatorOptions { Http502Rate = 1.0 });
        using var session = new ModuleSession();
        var result = session.Run(Connect(gateway, extra: "-MaxRetries 0") + "\nInvoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0 }");
        var error = Assert.Single(result.Errors);
        Assert.Contains("HTTP 502", error.Exception.Message);
        Assert.Equal("TopHttpError502,TaobaoTop.Cmdlets.Api.InvokeTaobaoApiCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ProtocolError, error.CategoryInfo.Category);
    }

    [Fact]
    public void Verbose_tells_the_api_the_milliseconds_the_request_id_and_the_retries()
    {
        using var session = new ModuleSession();
        var result = session.Run("Connect-TaobaoTop -Emulator\nInvoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0 } -Verbose | ForEach-Object request_id");
        result.ThrowOnError();
        var requestId = (string)result.Output.Single().BaseObject;
        Assert.Contains(result.Verbose, v => v.StartsWith("taobao.itemcats.get: succeeded in ") && v.Contains(" ms") && v.Contains(requestId) && v.Contains("0 retries"));
    }

    [Fact]
    public void An_api_that_needs_a_session_fails_before_sending_when_there_is_none()
    {
        using var gateway = new LoopbackGateway();
        using var session = new ModuleSession();
        var result = session.Run($"Connect-TaobaoTop -AppKey '{EmulatorDefaults.DemoAppKey}' -AppSecret '{EmulatorDefaults.DemoAppSecret}' -Endpoint '{gateway.Endpoint}'\n" +
                                 "Invoke-TaobaoApi taobao.items.onsale.get @{ fields = 'num_iid' }");
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("session", error.Exception.Message);
        Assert.Equal(0, gateway.Emulator.Stats.Requests);
    }

    [Fact]
    public void An_unknown_method_warns_and_still_goes_to_the_gateway()
    {
        using var session = new ModuleSession();
        var result = session.Run("Connect-TaobaoTop -Emulator\nInvoke-TaobaoApi taobao.brand.new.api.get @{ x = 1 }");
        Assert.Contains(result.Warnings, w => w.Contains("taobao.brand.new.api.get") && w.Contains("not in TaobaoTop's API catalog"));
        var error = Assert.Single(result.Errors);
        Assert.Equal(22, Property(error.Exception, "Code"));
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        using var gateway = new LoopbackGateway();
        using var session = new ModuleSession();
        var result = session.Run(Connect(gateway) + "\nInvoke-TaobaoApi taobao.item.delete @{ num_iid = 1 } -WhatIf");
        result.ThrowOnError();
        Assert.Empty(result.Output);
        Assert.Equal(0, gateway.Emulator.Stats.Requests);
        Assert.Contains("What if", session.Host.Console);
    }

    [Theory]
    [InlineData("taobao.item.delete", "changes data")]
    [InlineData("taobao.items.onsale.get", "only reads")]
    [InlineData("taobao.some.future.api", "not in the catalog")]
    public void WhatIf_says_whether_the_catalog_knows_the_api_as_a_write(string method, string said)
    {
        using var gateway = new LoopbackGateway();
        using var session = new ModuleSession();
        session.Run(Connect(gateway) + "\nInvoke-TaobaoApi " + method + " @{ fields = 'title'; num_iid = 1 } -WhatIf 3>$null");
        Assert.Contains(said, session.Host.Console);
        Assert.Equal(0, gateway.Emulator.Stats.Requests);
    }

    [Fact]
    public void Secrets_never_appear_in_any_stream_even_with_verbose_and_debug()
    {
        using var gateway = new LoopbackGateway(new EmulatorOptions { IspErrorRate = 0.5, Seed = 7 });
        using var session = new ModuleSession();
        var result = session.Run(Connect(gateway, extra: "-MaxRetries 1") + """

            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
            1..6 | ForEach-Object { Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0 } }
            Invoke-TaobaoApi taobao.item.seller.get @{ fields = 'title'; num_iid = 1 }
            $Error | ForEach-Object { $_; $_.Exception; $_.Exception.InnerException; $_.ErrorDetails } | Out-Default
            """ + ShowEverything.Script("(Get-TaobaoTopContext)") + "\n" + ShowEverything.Script("(Get-TaobaoTopContext).Connection"));
        var everything = result.AllText + session.Host.Console;
        Assert.DoesNotContain(EmulatorDefaults.DemoAppSecret, everything);
        Assert.DoesNotContain(EmulatorDefaults.DemoSession, everything);
        Assert.Contains("taobao.itemcats.get", everything);
    }

    [Fact]
    public void Lists_hashtables_and_dates_are_sent_in_top_form()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator
            Invoke-TaobaoApi taobao.itemcats.get @{ cids = 16, 30; fields = 'cid', 'name' } | ForEach-Object { $_.item_cats.item_cat.cid }
            """);
        Assert.Equal(new object[] { 16L, 30L }, output.Select(o => o.BaseObject).OrderBy(x => x));
    }

    [Fact]
    public void Get_TaobaoApi_finds_apis_by_chinese_title_and_name()
    {
        using var session = new ModuleSession();
        var byTitle = session.Ok("Get-TaobaoApi -Title '*淘口令*' | ForEach-Object Method").Select(o => o.ToString()).ToList();
        Assert.Contains("taobao.tbk.tpwd.create", byTitle);
        var byName = session.Ok("Get-TaobaoApi 'taobao.item.*' -Role seller | ForEach-Object { $_.PSObject.TypeNames[0] + ' ' + $_.Method }").Select(o => o.ToString()).ToList();
        Assert.Contains("TaobaoTop.TaobaoApi taobao.item.add", byName);
        Assert.True(session.Ok("(Get-TaobaoApi).Count").Single().BaseObject is int count && count > 150);
    }
}
