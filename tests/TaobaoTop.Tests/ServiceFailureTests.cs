using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using TaobaoTop.Emulator.WeCom;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>
/// Every exported cmdlet that calls a service, in every parameter set, fails each way a service can fail with one
/// error whose id and category are the same everywhere, so one catch or -ErrorAction handler works across scripts.
/// The cases come from the module's own metadata: a new cmdlet, or a new parameter set, fails this test until it has
/// its minimal arguments in <see cref="Arguments"/>.
/// </summary>
public sealed class ServiceFailureTests
{
    private const string Pid = "-Pid mm_1000001_2000001_3000001";
    private const string Item = "700000000000000009";
    private const string TbkItemId = "D3f9KcaRpJY1Pc-23N32Si10yRB1G5";

    /// <summary>The least each cmdlet and parameter set needs to make a call; "Cmdlet/Set" for a set of several.</summary>
    private static readonly Dictionary<string, string> Arguments = new()
    {
        ["Add-TaobaoItem/Row"] = "[pscustomobject]@{ 标题 = 'T恤'; 价格 = '9.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉面料舒适透气'; 商家编码 = 'E8-1'; 省 = '浙江'; 市 = '杭州' } | Add-TaobaoItem",
        ["Add-TaobaoItem/Path"] = "$p = [IO.Path]::GetTempFileName() + '.csv'; [IO.File]::WriteAllText($p, \"标题,价格,库存,类目ID,描述,商家编码,省,市`nT恤,9.90,1,50000436,纯棉面料舒适透气,E8-1,浙江,杭州`n\", [Text.Encoding]::UTF8); Add-TaobaoItem -Path $p",
        ["Add-TaobaoPicture"] = "$p = [IO.Path]::GetTempFileName() + '.gif'; [IO.File]::WriteAllBytes($p, [Convert]::FromBase64String('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==')); Add-TaobaoPicture $p",
        ["ConvertTo-TbkGiftMoneyLink"] = $"ConvertTo-TbkGiftMoneyLink https://uland.taobao.com/taolijin/edetail?vegasCode=DEMO {Pid}",
        ["ConvertTo-TbkItemId"] = "ConvertTo-TbkItemId 600000000000",
        ["ConvertTo-TbkLink"] = $"ConvertTo-TbkLink {TbkItemId} {Pid}",
        ["ConvertTo-TbkShopLink"] = $"ConvertTo-TbkShopLink 2200000001 {Pid}",
        ["Find-TbkItem/First"] = $"Find-TbkItem 手机 -First 1 {Pid}",
        ["Find-TbkItem/All"] = $"Find-TbkItem 手机 -All {Pid}",
        ["Get-TaobaoFreightTemplate"] = "Get-TaobaoFreightTemplate",
        ["Get-TaobaoItem/Id"] = $"Get-TaobaoItem {Item}",
        ["Get-TaobaoItem/OuterId"] = "Get-TaobaoItem -OuterId DEMO-0001",
        ["Get-TaobaoItem/OnSale"] = "Get-TaobaoItem -OnSale -First 1",
        ["Get-TaobaoItem/Inventory"] = "Get-TaobaoItem -Inventory -First 1",
        ["Get-TaobaoItemProperty"] = "Get-TaobaoItemProperty 50000436",
        ["Get-TbkActivityLink"] = $"Get-TbkActivityLink 1001 {Pid}",
        ["Find-TbkPromotion"] = $"Find-TbkPromotion 31001 -First 1 {Pid}",
        ["Get-TbkCpaActivityDetail"] = "Get-TbkCpaActivityDetail -EventId 30001",
        ["Get-TbkCoupon"] = "Get-TbkCoupon -ActivityId abc",
        ["Get-TbkGiftMoneyReport"] = "Get-TbkGiftMoneyReport rights-1 -AdzoneId 3000001",
        ["Get-TbkInviteCode"] = "Get-TbkInviteCode -Kind Channel",
        ["Get-TbkItem"] = $"Get-TbkItem {TbkItemId}",
        ["Get-TbkMemberGroup"] = "Get-TbkMemberGroup -MemberGroupId 5000001",
        ["Get-TbkNewUserOrder"] = "Get-TbkNewUserOrder -ActivityId 119013_2",
        ["Get-TbkNewUserSummary"] = "Get-TbkNewUserSummary -ActivityId 119013_2",
        ["Get-TbkOrder/Range"] = "Get-TbkOrder -Start ([DateTime]::Now.AddHours(-1))",
        ["Get-TbkOrder/Incremental"] = "Get-TbkOrder -Incremental -StatePath ([IO.Path]::GetTempFileName() + '.json') -Start ([DateTime]::Now.AddHours(-1))",
        ["Get-TbkPasswordReport"] = $"Get-TbkPasswordReport '￥AbCdEfGh123￥' {Pid}",
        ["Get-TbkPasswordRisk"] = "Get-TbkPasswordRisk",
        ["Get-TbkPublisher"] = "Get-TbkPublisher -Kind Channel -First 1",
        ["Get-TbkPunishOrder"] = "Get-TbkPunishOrder",
        ["Get-TbkRedPacketReport"] = "Get-TbkRedPacketReport",
        ["Get-TbkRedPacketStatus/Channel"] = "Get-TbkRedPacketStatus -RelationId 1",
        ["Get-TbkRedPacketStatus/Device"] = "Get-TbkRedPacketStatus -DeviceType IMEI -DeviceId 123456",
        ["Get-TbkRefundOrder/PrivateDomain"] = "Get-TbkRefundOrder -Start ([DateTime]::Now.AddDays(-2))",
        ["Get-TbkRefundOrder/All"] = "Get-TbkRefundOrder -Start ([DateTime]::Now.AddDays(-2)) -All",
        ["Get-TbkRelationReport"] = "Get-TbkRelationReport 1",
        ["Get-TbkShop"] = "Get-TbkShop 手机 -First 1",
        ["Invoke-TaobaoApi"] = "Invoke-TaobaoApi taobao.items.onsale.get @{ fields = 'num_iid' }",
        ["New-TaobaoTopToken"] = "New-TaobaoTopToken demo-auth-code",
        ["New-TbkAdzone"] = "New-TbkAdzone 新推广位 -SiteId 2000001",
        ["New-TbkGiftMoney/UseDays"] = $"New-TbkGiftMoney {TbkItemId} -Amount 1 -Count 1 {Pid}",
        ["New-TbkGiftMoney/UseEnd"] = $"New-TbkGiftMoney {TbkItemId} -Amount 1 -Count 1 -UseEndTime ([DateTime]::Now.AddDays(3)) {Pid}",
        ["New-TbkMemberGroup"] = "New-TbkMemberGroup -MemberId 2201234567901",
        ["New-TbkPassword"] = "New-TbkPassword https://s.click.taobao.com/t?e=demo",
        ["New-TbkShortLink"] = "New-TbkShortLink https://s.click.taobao.com/t?e=demo",
        ["Publish-TaobaoItem"] = $"Publish-TaobaoItem {Item}",
        ["Receive-TaobaoMessage"] = "Receive-TaobaoMessage -Duration 00:00:01",
        ["Register-TbkPublisher"] = "Register-TbkPublisher -InviteCode ABCDEF",
        ["Reset-TaobaoEmulator"] = "Reset-TaobaoEmulator",
        ["Resolve-TbkLink"] = $"Resolve-TbkLink https://s.click.taobao.com/t?e=demo {Pid}",
        ["Resolve-TbkPassword/Parse"] = "Resolve-TbkPassword '￥AbCdEfGh123￥'",
        ["Resolve-TbkPassword/Convert"] = $"Resolve-TbkPassword '￥AbCdEfGh123￥' -Convert {Pid}",
        ["Set-TaobaoItemPrice/Price"] = $"Set-TaobaoItemPrice {Item} -Price 10",
        ["Set-TaobaoItemPrice/FromCost"] = $"Set-TaobaoItemPrice {Item} -FromCost 10 -PriceRule @{{ Margin = 30 }}",
        ["Set-TaobaoItemPrice/Percent"] = $"Set-TaobaoItemPrice {Item} -Percent 10",
        ["Set-TaobaoItemQuantity"] = $"Set-TaobaoItemQuantity {Item} -Quantity 3",
        ["Stop-TbkGiftMoney"] = "Stop-TbkGiftMoney rights-1 -AdzoneId 3000001",
        ["Test-TbkPid"] = "Test-TbkPid mm_1000001_2000001_3000001 -Online",
        ["Unpublish-TaobaoItem"] = $"Unpublish-TaobaoItem {Item}",
        ["Update-TaobaoTopToken"] = "Update-TaobaoTopToken -RefreshToken not-a-refresh-token",
        ["Add-WeComCustomerTag"] = "Add-WeComCustomerTag -ExternalUserId wm1 -UserId sales01 -Tag 高意向",
        ["Get-WeComContactEvent/Emulator"] = "Get-WeComContactEvent -Emulator",
        ["Get-WeComContactWay/All"] = "Get-WeComContactWay",
        ["Get-WeComContactWay/ConfigId"] = "Get-WeComContactWay -ConfigId abc",
        ["Get-WeComCustomer"] = "Get-WeComCustomer -User sales01",
        ["New-WeComContactWay"] = "New-WeComContactWay -State s1 -User sales01",
        ["Remove-WeComContactWay"] = "Remove-WeComContactWay -ConfigId abc",
        ["Set-WeComContactWay"] = "Set-WeComContactWay -ConfigId abc -Remark r",
        ["Set-WeComCustomer"] = "Set-WeComCustomer -ExternalUserId wm1 -UserId sales01 -Remark r",
        ["Sync-WeComCustomer"] = "Sync-WeComCustomer -StatePath ([IO.Path]::GetTempFileName() + '.json') -User sales01",
    };

    /// <summary>Sets that call no service, or a failure that cannot reach them, and why.</summary>
    private static readonly Dictionary<string, string> NotApplicable = new()
    {
        ["Get-WeComContactEvent/File"] = "reads a file of events",
        ["Get-WeComContactEvent/Receiver"] = "reads the callback receiver, not WeCom",
        ["Get-WeComContactEvent/Emulator " + nameof(Failure.WeComBadSecret)] = "reads the in-process emulator's events",
        ["Get-WeComContactEvent/Emulator " + nameof(Failure.WeComNetwork)] = "reads the in-process emulator's events",
        ["Reset-TaobaoEmulator " + nameof(Failure.TopInvalidSession)] = "resets the emulator without a call",
        ["Reset-TaobaoEmulator " + nameof(Failure.TopQuota)] = "resets the emulator without a call",
        ["Reset-TaobaoEmulator " + nameof(Failure.TopNetwork)] = "needs an emulator connection",
        ["New-TaobaoTopToken " + nameof(Failure.TopInvalidSession)] = "the token APIs take no session",
        ["Update-TaobaoTopToken " + nameof(Failure.TopInvalidSession)] = "the token APIs take no session",
    };

    public enum Failure
    {
        TopNotConnected,
        TopInvalidSession,
        TopQuota,
        TopNetwork,
        WeComNotConnected,
        WeComBadSecret,
        WeComNetwork,
    }

    private static readonly Failure[] TopFailures = { Failure.TopNotConnected, Failure.TopInvalidSession, Failure.TopQuota, Failure.TopNetwork };
    private static readonly Failure[] WeComFailures = { Failure.WeComNotConnected, Failure.WeComBadSecret, Failure.WeComNetwork };

    /// <summary>Every exported cmdlet with a -Connection parameter, each of its parameter sets, each way its service fails.</summary>
    public static TheoryData<string, string, Failure> Cases()
    {
        using var session = new ModuleSession();
        var sets = session.Ok("""
            foreach ($cmdlet in (Get-Module TaobaoTop).ExportedCmdlets.Values) {
                $connection = $cmdlet.Parameters['Connection']
                if (-not $connection) { continue }
                foreach ($set in $cmdlet.ParameterSets) { '{0}|{1}|{2}|{3}' -f $cmdlet.Name, $set.Name, $connection.ParameterType.Name, $cmdlet.ParameterSets.Count }
            }
            """).Select(o => o.ToString()!.Split('|'));
        var cases = new TheoryData<string, string, Failure>();
        foreach (var set in sets)
        {
            var key = set[3] == "1" ? set[0] : set[0] + "/" + set[1];
            foreach (var failure in set[2] == "WeComConnection" ? WeComFailures : TopFailures) cases.Add(set[0], key, failure);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_service_failure_is_one_error_with_the_id_and_category_of_its_kind(string cmdlet, string key, Failure failure)
    {
        if (NotApplicable.ContainsKey(key) || NotApplicable.ContainsKey(key + " " + failure)) return;
        Assert.True(Arguments.TryGetValue(key, out var call), $"{key} has no minimal arguments: add them to {nameof(ServiceFailureTests)}.{nameof(Arguments)} (or say in {nameof(NotApplicable)} why it makes no call).");

        using var wecom = failure == Failure.WeComBadSecret ? new WeComLoopback() : null;
        using var session = new ModuleSession();
        var (connect, id, category) = Expect(failure, wecom);
        session.Ok(connect);
        var result = session.Run(call);

        var errors = result.Errors.Where(e => e.InvocationInfo?.MyCommand?.Name == cmdlet).ToList();
        var seen = string.Join("; ", result.Errors.Select(e => e.FullyQualifiedErrorId + " | " + e.CategoryInfo.Category + " | " + e.Exception.Message));
        Assert.True(errors.Count == 1, $"{call} [{failure}]: expected one error {id}, got: {seen}");
        var error = errors[0];
        Assert.True(error.FullyQualifiedErrorId.Split(',')[0] == id && error.CategoryInfo.Category == category,
            $"{call} [{failure}]: expected {id} | {category}, got {error.FullyQualifiedErrorId} | {error.CategoryInfo.Category}");
    }

    private static (string Connect, string Id, ErrorCategory Category) Expect(Failure failure, WeComLoopback? wecom)
    {
        switch (failure)
        {
            case Failure.TopNotConnected:
            case Failure.WeComNotConnected:
                return ("$null", "NotConnected", ErrorCategory.ConnectionError);
            case Failure.TopInvalidSession:
                return ("Connect-TaobaoTop -Emulator -Session not-a-session", "TopApiError27:invalid-sessionkey", ErrorCategory.AuthenticationError);
            case Failure.TopQuota:
                return ("Connect-TaobaoTop -Emulator -EmulatorOption @{ DailyQuota = 1 }; Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0 } | Out-Null", "TopQuotaExceeded", ErrorCategory.QuotaExceeded);
            case Failure.TopNetwork:
                return ($"Connect-TaobaoTop -AppKey 10000001 -AppSecret s -Session s -RefreshToken r -Endpoint http://127.0.0.1:{ClosedPort()}/router/rest -MaxRetries 0", "TopNetworkError", ErrorCategory.ConnectionError);
            case Failure.WeComBadSecret:
                return ($"Connect-WeCom -CorpId {WeComDemo.CorpId} -Secret not-the-secret -Endpoint {wecom!.Endpoint} -MaxRetries 0", "WeComError40001", ErrorCategory.AuthenticationError);
            case Failure.WeComNetwork:
                return ($"Connect-WeCom -CorpId {WeComDemo.CorpId} -Secret s -Endpoint http://127.0.0.1:{ClosedPort()}/ -MaxRetries 0", "WeComNetworkError", ErrorCategory.ConnectionError);
            default:
                throw new ArgumentOutOfRangeException(nameof(failure));
        }
    }

    /// <summary>A loopback port nothing listens on: connections are refused.</summary>
    private static int ClosedPort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    /// <summary>The WeCom emulator on a free loopback port, so a connection can be made with a wrong secret.</summary>
    private sealed class WeComLoopback : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly HttpMessageInvoker _emulator = new(new WeComEmulator().CreateHandler());

        public WeComLoopback()
        {
            var port = ClosedPort();
            Endpoint = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Endpoint);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Endpoint { get; }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                try
                {
                    using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), context.Request.Url);
                    var body = new MemoryStream();
                    await context.Request.InputStream.CopyToAsync(body);
                    request.Content = new ByteArrayContent(body.ToArray());
                    using var response = await _emulator.SendAsync(request, CancellationToken.None);
                    context.Response.StatusCode = (int)response.StatusCode;
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(await response.Content.ReadAsByteArrayAsync());
                    context.Response.Close();
                }
                catch (Exception)
                {
                    context.Response.Abort();
                }
            }
        }

        public void Dispose()
        {
            _listener.Close();
            _emulator.Dispose();
        }
    }
}
