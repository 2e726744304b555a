using System.Management.Automation;
using TaobaoTop.Emulator.WeCom;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.WeCom;

public class WeComCmdletTests
{
    [Fact]
    public void The_state_of_a_created_code_shows_up_on_the_customers_who_added_through_it()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            $wecom = Connect-WeCom -Emulator -PassThru
            $code = New-WeComContactWay -State 'dy_feed_1124' -User sales01, sales02 -Remark '抖音 11/24' -SkipVerify
            $scanned = $wecom.Emulator.ScanContactWay($code.ConfigId, 4)
            $customers = @(Get-WeComCustomer -User sales01, sales02 -State 'dy_feed_1124')
            $code.GetType().FullName
            $code.QrCode
            (Get-WeComContactWay -ConfigId $code.ConfigId).Remark
            $customers.Count
            (@($customers | ForEach-Object ExternalUserId | Where-Object { $scanned -contains $_ })).Count
            $users = [string[]]@($customers | ForEach-Object UserId); [Array]::Sort($users)
            [System.Linq.Enumerable]::Distinct($users) -join ','
            $customers[0].AddWayText
            $customers[0].AddedAt.Offset.TotalHours
            """);
        Assert.Equal("TaobaoTop.WeComContactWay", output[0].BaseObject);
        Assert.StartsWith("https://wework.qpic.cn/", (string)output[1].BaseObject);
        Assert.Equal("抖音 11/24", output[2].BaseObject);
        Assert.Equal(4, output[3].BaseObject);
        Assert.Equal(4, output[4].BaseObject);
        Assert.Equal("sales01,sales02", output[5].BaseObject);
        Assert.Equal("扫描二维码", output[6].BaseObject);
        Assert.Equal(8.0, output[7].BaseObject);
    }

    [Fact]
    public void Every_current_customer_streams_once_per_follower_with_its_channel()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-WeCom -Emulator
            $byState = @{}
            Get-WeComCustomer -User sales01, sales02, sales03, sales04, sales05, sales06 -PageSize 7 | ForEach-Object { $byState["$($_.State)"] += 1 }
            # What WeCom told about the month, follow by follow: still there unless a deletion event ended it.
            $open = @{}
            foreach ($e in Get-WeComContactEvent -Emulator) {
                $key = $e.UserId + '|' + $e.ExternalUserId
                if ($e.ChangeType -eq 'add_external_contact') { $open[$key] = "$($e.State)" } elseif ($e.ChangeType -like 'del_*') { $open.Remove($key) }
            }
            $expected = @{}
            foreach ($state in $open.Values) { $expected[$state] += 1 }
            foreach ($key in $expected.Keys) { '{0}={1}/{2}' -f $key, $byState[$key], $expected[$key] }
            '{0}/{1}' -f @(Get-WeComCustomer).Count, $open.Count
            """).Select(o => (string)o.BaseObject).ToList();
        var counts = output.Take(output.Count - 1).ToDictionary(t => t.Split('=')[0], t => t.Split('=')[1]);
        foreach (var pair in counts) Assert.True(pair.Value.Split('/')[0] == pair.Value.Split('/')[1], $"state '{pair.Key}': listed/expected {pair.Value}");
        foreach (var channel in SyntheticChannelMonth.Channels) Assert.InRange(int.Parse(counts[channel.State].Split('/')[0]), 1, channel.Adds);
        Assert.True(SyntheticChannelMonth.Channels.Any(c => int.Parse(counts[c.State].Split('/')[0]) < c.Adds), "some channel lost customers");
        // Without -User: the members of the six codes, who between them follow every current customer.
        Assert.Equal(output.Last().Split('/')[1], output.Last().Split('/')[0]);
    }

    [Fact]
    public void Limits_are_checked_before_the_call_and_a_bad_record_does_not_stop_the_others()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            $wecom = Connect-WeCom -Emulator -PassThru
            $before = $wecom.Emulator.Requests
            @(
                [pscustomobject]@{ State = 'a_state_that_is_much_longer_than_thirty'; User = @('sales01') }
                [pscustomobject]@{ State = 'ok_state'; User = @('sales01') }
                [pscustomobject]@{ State = 'nobody'; User = @() }
            ) | New-WeComContactWay | ForEach-Object State
            $wecom.Emulator.Requests - $before
            """);
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal("a_state_that_is_much_longer_than_thirty", result.Errors[0].TargetObject);
        Assert.Contains("at most 30", result.Errors[0].Exception.Message);
        Assert.Equal(ErrorCategory.InvalidArgument, result.Errors[0].CategoryInfo.Category);
        Assert.Equal("nobody", result.Errors[1].TargetObject);
        Assert.Equal("ok_state", result.Output[0].BaseObject);
        // gettoken, add_contact_way and get_contact_way for the one good record.
        Assert.Equal(3, result.Output[1].BaseObject);
    }

    [Fact]
    public void WhatIf_changes_nothing_and_removing_deletes_only_what_exists()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-WeCom -Emulator
            $code = New-WeComContactWay -State 'to_remove' -User sales01
            New-WeComContactWay -State 'never' -User sales01 -WhatIf
            Remove-WeComContactWay -ConfigId $code.ConfigId -WhatIf
            @(Get-WeComContactWay | Where-Object State -in 'to_remove', 'never').Count
            Remove-WeComContactWay -ConfigId 'no-such-code', $code.ConfigId -Confirm:$false
            @(Get-WeComContactWay | Where-Object State -eq 'to_remove').Count
            """);
        Assert.Equal(1, result.Output[0].BaseObject);
        Assert.Equal(0, result.Output[1].BaseObject);
        var error = Assert.Single(result.Errors);
        Assert.Equal("WeComError41044,TaobaoTop.Cmdlets.WeCom.RemoveWeComContactWayCommand", error.FullyQualifiedErrorId);
        Assert.Equal("no-such-code", error.TargetObject);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    [Fact]
    public void Set_changes_only_what_is_given()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-WeCom -Emulator
            $code = New-WeComContactWay -State 'before' -User sales01, sales02 -Remark 'keep me'
            $after = Set-WeComContactWay -ConfigId $code.ConfigId -State 'after' -User sales03 -PassThru
            $after.State; $after.Remark; $after.User -join ','
            """);
        Assert.Equal(new object[] { "after", "keep me", "sales03" }, output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Tags_are_created_once_and_a_customer_the_member_does_not_follow_is_an_error_naming_it()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            $wecom = Connect-WeCom -Emulator -PassThru
            $customers = @(Get-WeComCustomer -User sales01 -State pyq_ad)
            $stranger = [pscustomobject]@{ ExternalUserId = $customers[0].ExternalUserId; UserId = 'sales06' }
            @($customers[0], $stranger, $customers[1]) | Add-WeComCustomerTag -Tag '朋友圈'
            $tagged = @(Get-WeComCustomer -User sales01 -State pyq_ad | Where-Object { $_.TagIds.Count -eq 1 })
            $tagged.Count
            [System.Collections.Generic.HashSet[string]]::new([string[]]@($tagged | ForEach-Object { $_.TagIds[0] })).Count
            """);
        var error = Assert.Single(result.Errors);
        Assert.Contains("sales06", (string)error.TargetObject);
        Assert.StartsWith("WeComError84061", error.FullyQualifiedErrorId);
        Assert.Equal(2, result.Output[0].BaseObject);
        Assert.Equal(1, result.Output[1].BaseObject);
    }

    [Fact]
    public void The_secret_never_shows_even_when_the_corp_cannot_be_reached()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            $c = Connect-WeCom -CorpId 'ww1234' -Secret 'sekrit-value-98765' -Endpoint 'http://127.0.0.1:9/' -MaxRetries 0 -PassThru -Verbose
            "$c"
            Get-WeComContactWay -ConfigId abc -Verbose
            """);
        Assert.NotEmpty(result.Errors);
        Assert.Contains("gettoken", result.AllText);
        Assert.DoesNotContain("sekrit-value-98765", result.AllText);
    }

    [Fact]
    public void Without_a_connection_the_cmdlets_say_how_to_connect()
    {
        using var session = new ModuleSession();
        var result = session.Run("Get-WeComCustomer");
        var error = Assert.Single(result.Errors);
        Assert.Contains("Connect-WeCom", error.Exception.Message);
        Assert.StartsWith("NotConnected", error.FullyQualifiedErrorId);
    }
}
