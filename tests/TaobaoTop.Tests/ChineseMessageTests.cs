using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>Under a zh-CN UI culture (a Chinese Windows, or LANG=zh_CN) the module speaks Chinese; elsewhere English.</summary>
public sealed class ChineseMessageTests
{
    private const string Row = "[pscustomobject]@{ 标题 = 'T恤'; 价格 = '9.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉面料舒适透气'; 商家编码 = 'ZH-1'; 省 = '浙江'; 市 = '杭州'; 颜色 = '白' }";

    /// <summary>Runs a script with the pipeline thread's UI language set as a console's language sets it, then puts it back.</summary>
    private static string InUiCulture(string name, string script)
        => $"$before = [System.Threading.Thread]::CurrentThread.CurrentUICulture; [System.Threading.Thread]::CurrentThread.CurrentUICulture = [cultureinfo]'{name}'\ntry {{ {script} }} finally {{ [System.Threading.Thread]::CurrentThread.CurrentUICulture = $before }}";

    [Fact]
    public void WhatIf_warnings_errors_and_advice_are_Chinese_under_zh_CN()
    {
        using var session = new ModuleSession();
        var result = session.Run(InUiCulture("zh-CN", $"try {{ Find-TbkItem 手机 }} catch {{ $_.Exception.Message }}; Connect-TaobaoTop -Emulator -Qps 0; {Row} | Add-TaobaoItem -WhatIf; Find-TbkItem 手机 | Out-Null; Resolve-TbkPassword '￥AbCdEfGh123￥'"));
        Assert.StartsWith("没有淘宝连接。", (string)result.Output[0].BaseObject);
        Assert.Contains("What if: Performing the operation \"添加商品“T恤”，价格 9.90 元，库存 1\"", session.Host.Console);
        Assert.StartsWith("未使用的列：颜色（最接近的可用列名：", result.Warnings[0]);
        Assert.StartsWith("Find-TbkItem 只输出了匹配的", result.Warnings[1]);
        Assert.StartsWith("淘口令无效或已过期：", Assert.Single(result.Errors).ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void Every_kind_of_message_is_Chinese_under_zh_CN()
    {
        using var session = new ModuleSession();
        var result = session.Run(InUiCulture("zh-CN", """
            Connect-TaobaoTop -Emulator -Qps 0
            Find-TbkItem 手机 -First 1 -Verbose | New-TbkPassword -WhatIf
            Get-TbkCpaActivityDetail 999
            Invoke-TaobaoApi taobao.tbk.brand.new.api @{} -ErrorAction SilentlyContinue
            Get-TbkOrder -Start ([DateTime]::Now.AddHours(-4)) | Out-Null
            New-TbkGiftMoney abc -Amount 0.5 -Count 1 -WhatIf
            ('mm_1_2' | Test-TbkPid).Reason
            """));
        Assert.Contains(result.Verbose, v => v.Contains("：正在发送"));
        Assert.Contains(result.Verbose, v => v.Contains("毫秒内成功"));
        Assert.Contains("What if: Performing the operation \"创建淘口令\"", session.Host.Console);
        Assert.Contains(result.Warnings, w => w.StartsWith("taobao.tbk.brand.new.api 不在 TaobaoTop 的 API 目录中", StringComparison.Ordinal));
        Assert.Contains(result.Progress!, p => p.StartsWith("淘宝客订单: ", StringComparison.Ordinal));
        var failed = result.Errors.Single(e => Equals(e.TargetObject, "999"));
        Assert.StartsWith("taobao.tbk.dg.cpa.activity.detail 调用失败：", failed.ErrorDetails.Message);
        Assert.StartsWith("请修正调用：", failed.ErrorDetails.RecommendedAction);
        Assert.Contains(result.Output, o => o.BaseObject is string reason && reason.StartsWith("“mm_1_2”不是 PID：", StringComparison.Ordinal));
        Assert.StartsWith("商品 abc：淘礼金金额 0.5 元不可用", result.Errors.Single(e => Equals(e.TargetObject, "abc")).ToString());
    }

    /// <summary>A loopback port nothing listens on: a call to it is refused before anything is sent.</summary>
    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string CoreFailures(int port) => $$"""
        Connect-TaobaoTop -Emulator -Qps 0
        [pscustomobject]@{ 标题 = 'T恤'; 价格 = '59,90'; 库存 = '十'; 类目ID = 50000436; 描述 = '纯棉面料舒适透气'; 商家编码 = 'ZH-2'; 省 = '浙江'; 市 = '杭州' } | Add-TaobaoItem -WhatIf
        $item = Get-TaobaoItem -OnSale -First 1
        try { Set-TaobaoItemPrice -NumIid $item.NumIid -Price '12,3' } catch { $_.ToString() }
        Connect-TaobaoTop -AppKey 12345678 -AppSecret s3cr3t -Endpoint 'http://127.0.0.1:{{port}}/router/rest' -MaxRetries 0 -Qps 0
        try { Find-TbkItem 手机 -AdzoneId 123 -ErrorAction Stop } catch { $_.ToString() }
        """;

    [Fact]
    public void Row_problems_refused_prices_and_network_failures_from_the_core_are_Chinese_under_zh_CN()
    {
        using var session = new ModuleSession();
        var result = session.Run(InUiCulture("zh-CN", CoreFailures(ClosedPort())));
        var rowError = Assert.Single(result.Errors).ToString();
        Assert.Equal("第 1 条（商家编码 ZH-2）：价格：“59,90”不是以元为单位的金额（例如 19.90 或 1,299.00）：“,”只能分隔千位，小数写在“.”之后；库存：“十”不是整数。", rowError);
        Assert.Contains("“12,3”不是以元为单位的金额", (string)result.Output[0].BaseObject);
        Assert.StartsWith("taobao.tbk.dg.material.optional.upgrade：与 127.0.0.1 通信时出现网络错误：", (string)result.Output[1].BaseObject);
    }

    [Fact]
    public void Row_problems_refused_prices_and_network_failures_from_the_core_stay_English_under_en_US()
    {
        using var session = new ModuleSession();
        var result = session.Run(InUiCulture("en-US", CoreFailures(ClosedPort())));
        var rowError = Assert.Single(result.Errors).ToString();
        Assert.Equal("row 1 (商家编码 ZH-2): 价格 '59,90' is not a yuan amount (e.g. 19.90 or 1,299.00): a ',' may only separate thousands, decimals follow a '.'; 库存 '十' is not a whole number.", rowError);
        Assert.Contains("'12,3' is not a yuan amount", (string)result.Output[0].BaseObject);
        Assert.StartsWith("taobao.tbk.dg.material.optional.upgrade: network error talking to 127.0.0.1: ", (string)result.Output[1].BaseObject);
    }

    [Fact]
    public void What_WhatIf_checks_against_the_shop_is_Chinese_under_zh_CN()
    {
        using var session = new ModuleSession();
        var result = session.Run(InUiCulture("zh-CN", """
            Connect-TaobaoTop -Emulator -Qps 0
            function Row($outerId, $cid = 50000436) { [pscustomobject]@{ 标题 = "检查 $outerId"; 价格 = '19.90'; 库存 = 1; 类目ID = $cid; 描述 = '纯棉短袖T恤舒适'; 商家编码 = $outerId; 省 = '浙江'; 市 = '杭州' } }
            (Row 'C-1'), (Row 'C-2' 16), (Row 'C-3' 99999999), (Row 'C-1') | Add-TaobaoItem -WhatIf
            """));
        var messages = result.Errors.Select(e => e.Exception.Message).ToList();
        Assert.Equal(3, messages.Count);
        Assert.StartsWith("第 2 条（商家编码 C-2）：CategoryId (类目ID)：16（女装/女士精品）不是叶子类目；", messages[0]);
        Assert.StartsWith("第 3 条（商家编码 C-3）：CategoryId (类目ID)：99999999 不是 taobao.itemcats.get 中的类目", messages[1]);
        Assert.StartsWith("第 4 条（商家编码 C-1）：OuterId (商家编码)：“C-1”与第 1 条重复；每个商家编码只能对应一个商品", messages[2]);
    }

    private const string CmdletChecks = """
        Connect-TaobaoTop -Emulator -Qps 0
        $item = Get-TaobaoItem -OnSale -First 1
        try { Set-TaobaoItemPrice -NumIid $item.NumIid -Price 1,2345 -ErrorAction Stop } catch { $_.Exception.Message }
        try { Set-TaobaoItemPrice -NumIid $item.NumIid -FromCost 10 -PriceRule @{ Margin = 30; Colour = 1 } -ErrorAction Stop } catch { $_.Exception.Message }
        try { [pscustomobject]@{ 标题 = 'T恤'; Title = 'Tee' } | Add-TaobaoItem -WhatIf } catch { $_.Exception.Message }
        [pscustomobject]@{ Name = 'no id here' } | Get-TaobaoItem -ErrorAction SilentlyContinue -ErrorVariable notAnItem; $notAnItem[0].Exception.Message
        Resolve-TbkPassword 'no code here' -ErrorAction SilentlyContinue -ErrorVariable noCode; $noCode[0].Exception.Message
        Receive-TaobaoMessage -Duration 0 -Verbose
        Connect-WeCom -Emulator
        New-WeComContactWay -State 'zh_none' -ErrorAction SilentlyContinue -ErrorVariable noUser; $noUser[0].Exception.Message
        New-WeComContactWay -State 'zh_remove' -User sales01 | Remove-WeComContactWay -WhatIf
        """;

    [Fact]
    public void Cmdlet_checks_and_WhatIf_targets_are_Chinese_under_zh_CN()
    {
        using var session = new ModuleSession();
        var result = session.Run(InUiCulture("zh-CN", CmdletChecks));
        var messages = result.Output.Select(o => o.BaseObject.ToString()!).ToList();
        Assert.Contains("“1,2345”是 2 个值的列表，不是以元为单位的金额", messages[0]);
        Assert.Contains("“Colour”不是定价规则的一部分", messages[1]);
        Assert.StartsWith("输入中同时有“标题”和“Title”", messages[2]);
        Assert.StartsWith("输入中没有可指明宝贝的 NumIid 或 OuterId（商家编码）", messages[3]);
        Assert.StartsWith("“no code here”中没有本模块能识别的淘口令", messages[4]);
        Assert.StartsWith("联系我方式“zh_none”：", messages[5]);
        Assert.Contains(result.Verbose, v => v.StartsWith("共收到并确认 0 条消息", StringComparison.Ordinal));
        Assert.Matches("What if: Performing the operation \"[^\"]+\" on target \"state zh_remove，备注：（无）（config id \\w+）\"", session.Host.Console);
    }

    [Fact]
    public void Cmdlet_checks_and_WhatIf_targets_stay_English_under_en_US()
    {
        using var session = new ModuleSession();
        var result = session.Run(InUiCulture("en-US", CmdletChecks));
        var messages = result.Output.Select(o => o.BaseObject.ToString()!).ToList();
        Assert.Contains("'1,2345' is a list of 2 values, not a yuan amount", messages[0]);
        Assert.Contains("'Colour' is not part of a price rule", messages[1]);
        Assert.StartsWith("The input has both '标题' and 'Title'", messages[2]);
        Assert.StartsWith("The input has no NumIid or OuterId (商家编码) to name an item", messages[3]);
        Assert.StartsWith("'no code here' has no 淘口令 this module can read", messages[4]);
        Assert.StartsWith("Contact way 'zh_none': ", messages[5]);
        Assert.Contains(result.Verbose, v => v.StartsWith("0 messages received and confirmed", StringComparison.Ordinal));
        Assert.Matches("What if: Performing the operation \"[^\"]+\" on target \"state zh_remove, remark \\(none\\) \\(config id \\w+\\)\"", session.Host.Console);
    }

    [Fact]
    public void Every_message_has_a_Chinese_one_with_the_same_placeholders()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            $manager = [System.Resources.ResourceManager]::new('TaobaoTop.Resources.Messages', (Get-Command Add-TaobaoItem).ImplementingType.Assembly)
            function Texts($culture) {
                $texts = @{}
                foreach ($entry in $manager.GetResourceSet($culture, $true, $false)) { $texts[$entry.Key] = $entry.Value }
                $texts
            }
            Texts ([cultureinfo]::InvariantCulture)
            Texts ([cultureinfo]'zh-CN')
            """);
        static Dictionary<string, string> Texts(System.Management.Automation.PSObject set)
            => ((System.Collections.Hashtable)set.BaseObject).Cast<System.Collections.DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!);
        static string Placeholders(string text)
            => string.Join(" ", System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+[^}]*\}").Select(match => match.Value).Distinct().OrderBy(value => value, StringComparer.Ordinal));
        var english = Texts(result.Output[0]);
        var chinese = Texts(result.Output[1]);
        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.OrderBy(key => key, StringComparer.Ordinal), chinese.Keys.OrderBy(key => key, StringComparer.Ordinal));
        Assert.All(english, entry => Assert.Equal(entry.Key + ": " + Placeholders(entry.Value), entry.Key + ": " + Placeholders(chinese[entry.Key])));
    }

    [Fact]
    public void The_same_messages_are_English_elsewhere()
    {
        using var session = new ModuleSession();
        var result = session.Run(InUiCulture("en-US", $"Connect-TaobaoTop -Emulator -Qps 0; {Row} | Add-TaobaoItem -WhatIf"));
        Assert.Contains("What if: Performing the operation \"Add item 'T恤' at 9.90 yuan, stock 1\"", session.Host.Console);
        Assert.StartsWith("Columns not used: 颜色 (nearest accepted: ", Assert.Single(result.Warnings));
    }
}
