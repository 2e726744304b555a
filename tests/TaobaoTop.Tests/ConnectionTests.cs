using TaobaoTop.Emulator;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

public class ConnectionTests
{
    [Fact]
    public void Calling_without_a_connection_says_to_run_Connect_TaobaoTop()
    {
        using var session = new ModuleSession();
        var result = session.Run("Invoke-TaobaoApi -Method taobao.tbk.tpwd.create -Parameter @{ url = 'https://s.click.taobao.com/x' }");
        var error = Assert.Single(result.Errors);
        Assert.Contains("Connect-TaobaoTop", error.Exception.Message);
        Assert.StartsWith("NotConnected", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void The_context_shows_the_connection_but_never_the_secret_or_session()
    {
        using var session = new ModuleSession();
        var context = session.Ok("Connect-TaobaoTop -Emulator; Get-TaobaoTopContext").Single();
        Assert.Equal(EmulatorDefaults.DemoAppKey, context.Properties["AppKey"].Value);
        Assert.Equal(true, context.Properties["HasSession"].Value);
        Assert.Equal(true, context.Properties["IsEmulator"].Value);
        Assert.Equal("HmacSha256", context.Properties["SignMethod"].Value);

        var shown = session.Run(ShowEverything.Script("(Get-TaobaoTopContext)") + "\n" + ShowEverything.Script("(Get-TaobaoTopContext).Connection"));
        var text = shown.ThrowOnError().AllText + session.Host.Console;
        Assert.DoesNotContain(EmulatorDefaults.DemoAppSecret, text);
        Assert.DoesNotContain(EmulatorDefaults.DemoSession, text);
        Assert.Contains(EmulatorDefaults.DemoAppKey, text);
    }

    [Fact]
    public void Disconnect_forgets_the_connection()
    {
        using var session = new ModuleSession();
        var result = session.Run("Connect-TaobaoTop -Emulator; Disconnect-TaobaoTop; Get-TaobaoTopContext");
        Assert.Empty(result.Output);
        Assert.Contains(result.Warnings, w => w.Contains("no Taobao connection"));
    }

    [Fact]
    public void Credentials_come_from_the_environment_when_none_are_given()
    {
        using var gateway = new LoopbackGateway();
        using var session = new ModuleSession();
        var output = session.Ok($$"""
            $env:TAOBAOTOP_APPKEY = '{{EmulatorDefaults.DemoAppKey}}'
            $env:TAOBAOTOP_APPSECRET = '{{EmulatorDefaults.DemoAppSecret}}'
            $env:TAOBAOTOP_SESSION = '{{EmulatorDefaults.DemoSession}}'
            try {
                Connect-TaobaoTop -Endpoint '{{gateway.Endpoint}}'
                (Get-TaobaoTopContext).HasSession
                Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0; fields = 'cid,name' } | ForEach-Object { $_.item_cats.item_cat.Count -gt 0 }
            } finally {
                'TAOBAOTOP_APPKEY', 'TAOBAOTOP_APPSECRET', 'TAOBAOTOP_SESSION' | ForEach-Object { [Environment]::SetEnvironmentVariable($_, $null) }
            }
            """);
        Assert.Equal(new object[] { true, true }, output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Without_any_credentials_connect_says_what_to_pass()
    {
        using var session = new ModuleSession();
        var result = session.Run("Connect-TaobaoTop");
        var error = Assert.Single(result.Errors);
        Assert.Contains("-AppKey", error.Exception.Message);
        Assert.Contains("TAOBAOTOP_APPKEY", error.Exception.Message);
    }

    [Fact]
    public void A_credential_object_connects_with_its_user_name_as_app_key()
    {
        using var gateway = new LoopbackGateway();
        using var session = new ModuleSession();
        var output = session.Ok($$"""
            $secret = [securestring]::new()
            '{{EmulatorDefaults.DemoAppSecret}}'.ToCharArray() | ForEach-Object { $secret.AppendChar($_) }
            $credential = [pscredential]::new('{{EmulatorDefaults.DemoAppKey}}', $secret)
            Connect-TaobaoTop -Credential $credential -Endpoint '{{gateway.Endpoint}}' -PassThru | ForEach-Object AppKey
            Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0 } | ForEach-Object request_id
            """);
        Assert.Equal(EmulatorDefaults.DemoAppKey, output[0].BaseObject);
        Assert.False(string.IsNullOrEmpty(output[1].BaseObject as string));
    }

    [Fact]
    public void Runspaces_keep_their_own_connections()
    {
        using var first = new ModuleSession();
        using var second = new ModuleSession();
        first.Ok("Connect-TaobaoTop -Emulator");
        Assert.Empty(second.Run("Get-TaobaoTopContext").Output);
        Assert.Single(first.Ok("Get-TaobaoTopContext"));
    }

    [Fact]
    public void A_connection_kept_with_PassThru_keeps_working_after_connecting_again()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            $first = Connect-TaobaoTop -Emulator -PassThru
            Connect-TaobaoTop -Emulator -Seed 7
            Disconnect-TaobaoTop
            (Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0 } -Connection $first).request_id -ne $null
            """);
        Assert.Equal(true, output.Single().BaseObject);
    }

    [Fact]
    public void A_folder_given_as_a_file_is_a_read_error_naming_the_api()
    {
        using var session = new ModuleSession();
        var result = session.Run($"Connect-TaobaoTop -Emulator; Invoke-TaobaoApi taobao.picture.upload @{{ picture_category_id = 0 }} -File @{{ img = '{Path.GetTempPath()}' }}");
        var error = Assert.Single(result.Errors);
        Assert.Equal(System.Management.Automation.ErrorCategory.ReadError, error.CategoryInfo.Category);
        Assert.Equal("taobao.picture.upload", error.TargetObject);
    }
}
