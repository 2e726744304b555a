using System.Management.Automation;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Affiliate;

public class AffiliateCmdletTests
{
    private static object? Property(object target, string name) => PSObject.AsPSObject(target).Properties[name]?.Value;

    private static string Text(object target, string name) => Property(target, name)?.ToString() ?? string.Empty;

    [Fact]
    public void A_share_text_with_a_look_alike_symbol_resolves_and_converts_to_the_callers_own_link()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator
            $item = Find-TbkItem -Keyword 耳机 -First 1
            $password = $item | ConvertTo-TbkLink | New-TbkPassword -Text '好物推荐'
            $code = $password.Password.Trim('￥')
            $share = "【淘宝】限时优惠 €$code€ 复制打开手机淘宝"
            $converted = Resolve-TbkPassword $share -Convert -Pid mm_1000001_2000001_3000002
            $own = $converted.NewPassword | Resolve-TbkPassword
            [pscustomobject]@{ ItemId = $item.ItemId; Converted = $converted; Own = $own }
            """);
        var result = output.Single();
        var converted = Property(result, "Converted")!;
        Assert.Contains("pid=mm_1000001_2000001_3000002", Text(Property(result, "Own")!, "Url"));
        Assert.Equal(Text(result, "ItemId"), Text(converted, "ItemId"));
        Assert.Contains("pid=mm_1000001_2000001_3000002", Text(converted, "ClickUrl"));
        Assert.Equal("mm_1000001_2000001_3000001", Text(converted, "OriginPid"));
    }

    [Fact]
    public void A_promotion_position_given_to_parse_a_readable_password_is_said_to_go_unused_rather_than_ignored_silently()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator
            $password = (Find-TbkItem -Keyword 耳机 -First 1 | ConvertTo-TbkLink | New-TbkPassword).Password
            $password, $password | Resolve-TbkPassword -Pid mm_1000001_2000001_3000002
            $password.Trim('￥') | Resolve-TbkPassword -Pid mm_1000001_2000001_3000001
            """).ThrowOnError();
        Assert.Equal(3, result.Output.Count);
        Assert.DoesNotContain("pid=mm_1000001_2000001_3000002", Text(result.Output[0], "Url"));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("-Convert", warning);
        Assert.Contains("-Pid", warning);
    }

    [Fact]
    public void An_unknown_password_and_text_without_one_are_errors_naming_them_while_the_good_one_resolves()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator
            $good = Find-TbkItem -Keyword 坚果 -First 1 | ConvertTo-TbkLink | New-TbkPassword
            '￥AAAAAAAAAAA￥', 'no password here', $good.Password | Resolve-TbkPassword
            """);
        var resolved = Assert.Single(result.Output);
        Assert.NotEmpty(Text(resolved, "ItemId"));
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal("￥AAAAAAAAAAA￥", result.Errors[0].TargetObject);
        Assert.Contains("淘口令无效", result.Errors[0].ToString());
        Assert.Equal("no password here", result.Errors[1].TargetObject);
        Assert.Equal("NoPasswordInText,TaobaoTop.Cmdlets.Affiliate.ResolveTbkPasswordCommand", result.Errors[1].FullyQualifiedErrorId);
    }

    [Fact]
    public void Test_TbkPid_says_per_PID_whether_it_is_valid_and_why_not_and_Quiet_is_one_boolean_for_all()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator
            'mm_1000001_2000001_3000001', 'mm_1_2', 'mm_1000001_2000001_9999999' | Test-TbkPid | ForEach-Object { "$($_.Pid) $($_.IsValid) $($_.Reason)" }
            'mm_1000001_2000001_3000001', 'mm_1000001_2000001_9999999', 'mm_1000001_2000002_3000001' | Test-TbkPid -Online | ForEach-Object { "$($_.Pid) $($_.IsValid)" }
            'mm_1000001_2000001_3000001', 'mm_1000001_2000001_9999999' | Test-TbkPid -Online -Quiet
            'mm_1000001_2000001_3000001' | Test-TbkPid -Online -Quiet
            """);
        Assert.Equal(new object[]
        {
            "mm_1000001_2000001_3000001 True ",
            "mm_1_2 False 'mm_1_2' is not a PID: expected mm_<member>_<site>_<adzone> with three numbers, e.g. mm_1000001_2000001_3000001 (Alimama console, 推广位管理).",
            "mm_1000001_2000001_9999999 True ",
            "mm_1000001_2000001_3000001 True", "mm_1000001_2000001_9999999 False", "mm_1000001_2000002_3000001 False",
            false, true,
        }, output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Link_inputs_of_every_kind_convert_in_order_and_each_bad_one_is_an_error_naming_it()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator
            $items = Find-TbkItem -Keyword 手机 -First 2
            $shop = 'https://shop' + $items[0].SellerId + '.taobao.com'
            $inputs = @(
                $items[0].ItemId
                '600000000000'
                "https://item.taobao.com/item.htm?id=$($items[1].ItemId)"
                'nothing-like-an-item-0000000000'
                $shop
                'https://pages.tmall.com/wow/a/act/tmall/dailygroup/1234/wupr?pageId=20150318019'
            )
            $inputs | ConvertTo-TbkLink -RelationId 2700000001
            """);
        var links = result.Output;
        Assert.Equal(new[] { "Item", "Item", "Shop", "Page" }, links.Select(l => Text(l, "MaterialType")));
        Assert.All(links, l => Assert.Contains("relationId=2700000001", Text(l, "LongUrl")));
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal("600000000000", result.Errors[0].TargetObject);
        Assert.Contains("ConvertTo-TbkItemId", result.Errors[0].ToString());
        Assert.Equal("nothing-like-an-item-0000000000", result.Errors[1].TargetObject);
    }

    [Fact]
    public void Links_are_converted_in_batches_of_twenty()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator
            $items = Find-TbkItem -Keyword 手机 -First 45
            $before = (Get-TaobaoTopContext).Calls
            $links = $items | ConvertTo-TbkLink
            [pscustomobject]@{ Links = $links.Count; Calls = (Get-TaobaoTopContext).Calls - $before; Same = (($links | ForEach-Object ItemId) -join ',') -eq (($items | ForEach-Object ItemId) -join ',') }
            """);
        var result = output.Single();
        Assert.Equal(45, Property(result, "Links"));
        Assert.Equal(3L, Convert.ToInt64(Property(result, "Calls")));
        Assert.Equal(true, Property(result, "Same"));
    }

    [Fact]
    public void Item_details_are_fetched_twenty_ids_a_call_in_input_order()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator
            $ids = (Find-TbkItem -Keyword 手机 -First 45).ItemId
            $before = (Get-TaobaoTopContext).Calls
            $details = $ids | Get-TbkItem
            [pscustomobject]@{ Calls = (Get-TaobaoTopContext).Calls - $before; Same = ($details.ItemId -join ',') -eq ($ids -join ',') }
            """);
        var result = output.Single();
        Assert.Equal(3L, Convert.ToInt64(Property(result, "Calls")));
        Assert.Equal(true, Property(result, "Same"));
    }

    [Fact]
    public void Search_pages_through_results_for_First_and_All_and_applies_the_filters()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator
            $firstPage = Find-TbkItem -Keyword 手机
            $first = Find-TbkItem -Keyword 手机 -First 130
            $all = Find-TbkItem -Keyword 手机 -All -PageSize 50
            $filtered = Find-TbkItem -Keyword 手机 -All -CouponOnly -TmallOnly -MinPrice 100.5 -MaxPrice 800 -MinCommissionRate 5 -Sort FinalPriceAscending
            [pscustomobject]@{ FirstPage = $firstPage.Count; First = $first.Count; FirstIds = [System.Collections.Generic.HashSet[string]]::new([string[]]$first.ItemId).Count; All = $all.Count; Filtered = $filtered }
            """);
        var result = output.Single();
        Assert.Equal(20, Property(result, "FirstPage"));
        Assert.Equal(130, Property(result, "First"));
        Assert.Equal(130, Property(result, "FirstIds"));
        var all = (int)Property(result, "All")!;
        Assert.True(all > 130, $"the emulator has more than 130 phones ({all})");
        var filtered = ((object[])Property(result, "Filtered")!).ToList();
        Assert.NotEmpty(filtered);
        Assert.All(filtered, i =>
        {
            Assert.True((bool)Property(i, "IsTmall")!);
            Assert.True((bool)Property(i, "HasCoupon")!);
            Assert.InRange((decimal)Property(i, "FinalPrice")!, 100.5m, 800m);
            Assert.True((decimal)Property(i, "CommissionRate")! >= 5m);
        });
        var prices = filtered.Select(i => (decimal)Property(i, "FinalPrice")!).ToList();
        Assert.Equal(prices.OrderBy(p => p), prices);
    }

    [Fact]
    public void Item_details_take_ids_urls_passwords_and_objects_and_name_the_inputs_they_cannot_use()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator
            $items = Find-TbkItem -Keyword 大米 -First 3
            $password = $items[2] | ConvertTo-TbkLink | New-TbkPassword
            $items[0], "https://detail.tmall.com/item.htm?id=$($items[1].ItemId)", $password.ShareText, 'aaaaaaaaaa-bbbbbbbbbbbbbbb', '600000000000' | Get-TbkItem -Detailed
            [pscustomobject]@{ Expected = $items.ItemId }
            """);
        var expected = (object[])Property(result.Output.Last(), "Expected")!;
        var details = result.Output.Take(result.Output.Count - 1).ToList();
        Assert.Equal(expected.Select(e => e.ToString()), details.Select(d => Text(d, "ItemId")));
        Assert.All(details, d => Assert.NotEmpty((System.Collections.IEnumerable)Property(d, "SmallImages")!));
        // The old id is refused at once; the unknown one when its batch is answered.
        Assert.Equal(new object[] { "600000000000", "aaaaaaaaaa-bbbbbbbbbbbbbbb" }, result.Errors.Select(e => e.TargetObject));
        Assert.Contains("ConvertTo-TbkItemId", result.Errors[0].ToString());
        Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[1].CategoryInfo.Category);
    }

    [Fact]
    public void Old_numeric_ids_convert_to_string_ids_that_get_the_same_item()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator
            '600000000042', '600000007961', '123' | ConvertTo-TbkItemId | Get-TbkItem
            """);
        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Output, item => Assert.DoesNotMatch("^[0-9]+$", Text(item, "ItemId")));
        var error = Assert.Single(result.Errors);
        Assert.Equal("123", error.TargetObject);
    }

    [Fact]
    public void Coupons_short_links_shop_links_and_adzones()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator
            $item = Find-TbkItem -Keyword 面膜 -CouponOnly -First 1
            $coupon = $item | Get-TbkCoupon
            $short = 'https://uland.taobao.com/coupon/edetail?e=abc', 'ftp://example.com/x' | New-TbkShortLink
            $shop = $item | ConvertTo-TbkShopLink
            $adzone = New-TbkAdzone -Name '抖音推广位'
            $linked = $item | ConvertTo-TbkLink -Pid $adzone.Pid
            [pscustomobject]@{ Item = $item; Coupon = $coupon; Short = $short; Shop = $shop; Adzone = $adzone; Linked = $linked }
            """);
        var output = result.Output.Single();
        var item = Property(output, "Item")!;
        var coupon = Property(output, "Coupon")!;
        Assert.Equal(Text(item, "CouponActivityId"), Text(coupon, "ActivityId"));
        Assert.Equal(Property(item, "CouponAmount"), Property(coupon, "Amount"));
        Assert.Equal(TimeSpan.FromHours(8), ((DateTimeOffset)Property(coupon, "EndTime")!).Offset);
        Assert.StartsWith("https://s.click.taobao.com/", Text(Property(output, "Short")!, "ShortUrl"));
        var error = Assert.Single(result.Errors);
        Assert.Equal("ftp://example.com/x", error.TargetObject);
        Assert.Contains("sellerId=" + Text(item, "SellerId"), Text(Property(output, "Shop")!, "Url"));
        var adzone = Property(output, "Adzone")!;
        Assert.Matches("^mm_1000001_2000001_[0-9]+$", Text(adzone, "Pid"));
        Assert.Contains("pid=" + Text(adzone, "Pid"), Text(Property(output, "Linked")!, "LongUrl"));
    }

    [Fact]
    public void A_registered_channel_and_member_are_found_by_lookup_and_usable_on_links()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator
            $channel = Get-TbkInviteCode -Kind Channel | Register-TbkPublisher -Note '新渠道'
            $again = Get-TbkInviteCode -Kind Channel | Register-TbkPublisher
            $member = Get-TbkInviteCode -Kind Member | Register-TbkPublisher
            $found = Get-TbkPublisher -Kind Channel -RelationId $channel.RelationId
            $channels = Get-TbkPublisher -Kind Channel
            $link = Find-TbkItem -Keyword 面膜 -First 1 | ConvertTo-TbkLink -RelationId $channel.RelationId
            [pscustomobject]@{ Channel = $channel; Again = $again; Member = $member; Found = $found; Channels = $channels.Count; Link = $link }
            """);
        var result = output.Single();
        var channel = Property(result, "Channel")!;
        Assert.Equal("绑定成功", Text(channel, "Description"));
        Assert.Equal(Property(channel, "RelationId"), Property(Property(result, "Again")!, "RelationId"));
        Assert.Equal("重复绑定渠道", Text(Property(result, "Again")!, "Description"));
        Assert.NotNull(Property(Property(result, "Member")!, "SpecialId"));
        var found = Property(result, "Found")!;
        Assert.Equal(Property(channel, "RelationId"), Property(found, "RelationId"));
        Assert.Equal("新渠道", Text(found, "Note"));
        Assert.Equal(TimeSpan.FromHours(8), ((DateTimeOffset)Property(found, "CreateDate")!).Offset);
        Assert.Equal(7, Property(result, "Channels"));
        Assert.Contains("relationId=" + Text(channel, "RelationId"), Text(Property(result, "Link")!, "LongUrl"));
    }

    [Fact]
    public void An_invalid_session_fails_each_registration_with_an_authentication_error_and_the_rest_go_on()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator
            $codes = (Get-TbkInviteCode -Kind Channel).InviteCode, (Get-TbkInviteCode -Kind Member).InviteCode
            Connect-TaobaoTop -Emulator -Session 'expired-session-token'
            $codes | Register-TbkPublisher
            'after'
            """);
        Assert.Equal("after", result.Output.Last().BaseObject);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.AuthenticationError, e.CategoryInfo.Category));
        Assert.DoesNotContain("expired-session-token", result.AllText);
    }

    [Fact]
    public void Service_provider_variants_need_the_site_of_a_pid_and_then_call_the_sc_apis()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator
            $item = Find-TbkItem -Keyword 手机 -First 1
            $found = Find-TbkItem -Keyword 手机 -First 1 -AsServiceProvider -Pid mm_1000001_2000001_3000002
            $link = $item | ConvertTo-TbkLink -AsServiceProvider -Pid mm_1000001_2000001_3000002
            $password = $link | New-TbkPassword -AsServiceProvider
            $shop = $item | ConvertTo-TbkShopLink -AsServiceProvider -Pid mm_1000001_2000001_3000002
            [pscustomobject]@{ Found = $found; Link = $link; Password = $password; Shop = $shop }
            $item | ConvertTo-TbkLink -AsServiceProvider -AdzoneId 3000002
            """);
        var output = result.Output.Single();
        Assert.Contains("pid=mm_1000001_2000001_3000002", Text(Property(output, "Found")!, "ClickUrl"));
        Assert.Contains("pid=mm_1000001_2000001_3000002", Text(Property(output, "Link")!, "LongUrl"));
        Assert.Equal(true, Property(Property(output, "Password")!, "IsPrivate"));
        Assert.Contains("pid=mm_1000001_2000001_3000002", Text(Property(output, "Shop")!, "Url"));
        // A statement-terminating error: no call is made for the item.
        var error = Assert.Single(result.Errors);
        Assert.Equal("SiteRequired,TaobaoTop.Cmdlets.Affiliate.ConvertToTbkLinkCommand", error.FullyQualifiedErrorId);
        Assert.Contains("-Pid", error.ToString());
    }

    [Fact]
    public void Objects_with_an_item_id_bind_as_items()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator
            $found = Find-TbkItem -Keyword 猫粮 -First 2
            $rows = $found | ForEach-Object { [pscustomobject]@{ ItemId = $_.ItemId; Note = 'from a sheet' } }
            $details = $rows | Get-TbkItem
            ($details.ItemId -join ',') -eq ($found.ItemId -join ',')
            """);
        Assert.Equal(true, output.Single().BaseObject);
    }

    [Fact]
    public void Tables_show_money_with_two_places_titles_cut_to_the_column_and_the_item_a_password_opens()
    {
        using var session = new ModuleSession();
        session.Ok("""
            Connect-TaobaoTop -Emulator
            $items = Find-TbkItem -Keyword 手机 -First 3
            $items | Out-Default
            $items | ConvertTo-TbkLink | New-TbkPassword | Resolve-TbkPassword | Out-Default
            """);
        var console = new System.Management.Automation.Internal.StringDecorated(session.Host.Console).ToString(System.Management.Automation.OutputRendering.PlainText);
        var lines = console.Split('\n').Select(l => l.TrimEnd()).ToList();
        var rows = lines.SkipWhile(l => !l.StartsWith("Title")).Skip(2).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(3, rows.Count);
        // FinalPrice, then the commission rate and commission: right-aligned with two decimals.
        Assert.All(rows, row => Assert.Matches(@"^.+? +\d[\d,]*\.\d\d .* \d+\.\d\d +\d[\d,]*\.\d\d +\d+$", row));
        var resolved = lines.SkipWhile(l => !l.StartsWith("Password")).Skip(2).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(3, resolved.Count);
        Assert.All(resolved, row => Assert.Matches(@"^\S+ +\S{20,} *$", row));
    }
}
