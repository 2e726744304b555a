using System.Management.Automation;
using System.Text.RegularExpressions;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>Invoke-TaobaoApi on the OAuth token APIs: tokens only ever appear as SecureStrings, so they are masked here.</summary>
public sealed class TokenMaskingTests
{
    /// <summary>A token field followed by anything but the mask, in plain JSON or in token_result's escaped JSON.</summary>
    private static readonly Regex ClearToken = new("(access_token|refresh_token)\\\\?\"\\s*:\\s*\\\\?\"(?!\\*{8})", RegexOptions.CultureInvariant);

    private static string Flatten(object? value) => value switch
    {
        null => "",
        PSObject ps when ps.BaseObject is string text => text,
        PSObject ps when ps.BaseObject is PSCustomObject => string.Join(",", ps.Properties.Select(p => "\"" + p.Name + "\":\"" + Flatten(p.Value) + "\"")),
        PSObject ps => Flatten(ps.BaseObject),
        System.Collections.IEnumerable list and not string => string.Join(",", list.Cast<object?>().Select(Flatten)),
        _ => value.ToString() ?? "",
    };

    [Theory]
    [InlineData("")]
    [InlineData("-Raw")]
    public void Token_create_answers_show_the_tokens_masked_and_say_how_to_get_them(string raw)
    {
        using var session = new ModuleSession();
        session.Ok("Connect-TaobaoTop -Emulator");
        var result = session.Run($"Invoke-TaobaoApi taobao.top.auth.token.create @{{ code = 'demo-auth-code' }} {raw}");
        Assert.Empty(result.Errors);
        var text = Flatten(Assert.Single(result.Output));
        Assert.Contains("access_token", text);
        Assert.DoesNotMatch(ClearToken, text);
        Assert.Contains(result.Warnings, w => w.Contains("New-TaobaoTopToken"));
    }
}
