using TaobaoTop.Emulator;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Affiliate;

public class GetTbkOrderTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "taobaotop-orders-" + Guid.NewGuid().ToString("N") + ".json");

    private static string Connect(LoopbackGateway gateway)
        => $"Connect-TaobaoTop -AppKey '{EmulatorDefaults.DemoAppKey}' -AppSecret '{EmulatorDefaults.DemoAppSecret}' -Session '{EmulatorDefaults.DemoSession}' -Endpoint '{gateway.Endpoint}' -Qps 0\n";

    [Fact]
    public void Two_days_of_orders_come_back_once_each_whatever_the_paging_and_concurrency()
    {
        using var gateway = new LoopbackGateway();
        using var session = new ModuleSession();
        var output = session.Ok(Connect(gateway) + """
            $start = [DateTime]::SpecifyKind([DateTime]::UtcNow.AddHours(8).Date.AddDays(-3), 'Unspecified')
            $fast = @(Get-TbkOrder -Start $start -End $start.AddDays(2) -ThrottleLimit 6)
            $slow = @(Get-TbkOrder -Start $start -End $start.AddDays(2) -ThrottleLimit 1 -PageSize 7)
            $fastIds = [string[]]($fast | ForEach-Object TradeId); [Array]::Sort($fastIds)
            $slowIds = [string[]]($slow | ForEach-Object TradeId); [Array]::Sort($slowIds)
            $fast.Count
            [System.Collections.Generic.HashSet[string]]::new($fastIds).Count
            ($fastIds -join ',') -eq ($slowIds -join ',')
            $from = [DateTimeOffset]::new($start, [TimeSpan]::FromHours(8))
            @($fast | Where-Object { $_.CreateTime -lt $from -or $_.CreateTime -ge $from.AddDays(2) }).Count
            $fast[0].GetType().FullName
            $fast[0].CreateTime.Offset.TotalHours
            $fast[0].PaidAmount.GetType().Name
            """);
        var count = (int)output[0].BaseObject;
        Assert.True(count > 50, $"expected a few hundred orders in two days, got {count}");
        Assert.Equal(count, output[1].BaseObject);
        Assert.Equal(true, output[2].BaseObject);
        Assert.Equal(0, output[3].BaseObject);
        Assert.Equal("TaobaoTop.TbkOrder", output[4].BaseObject);
        Assert.Equal(8.0, output[5].BaseObject);
        Assert.Equal("Decimal", output[6].BaseObject);
        Assert.Equal(0, gateway.Emulator.Stats.ErrorsByCode.Values.Sum());
    }

    [Fact]
    public void Big_sale_days_are_queried_in_windows_the_api_accepts()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator -EmulatorTime '2026-11-23 12:00:00'
            @(Get-TbkOrder -Start '2026-11-10 12:00:00' -End '2026-11-12 12:00:00' -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*succeeded*' }).Count
            (Get-TbkOrder -Start '2026-11-11 23:00:00' -End '2026-11-12 02:00:00' | ForEach-Object { $_.CreateTime.ToString('yyyy-MM-dd HH:mm:ss zzz') })[0]
            """);
        // Nov 10 12:00 – Nov 12 00:00 in 20-minute windows (108), then Nov 12 00:00–12:00 in 3-hour windows (4).
        Assert.True((int)output[0].BaseObject >= 108 + 4, $"calls: {output[0].BaseObject}");
        Assert.StartsWith("2026-11-1", (string)output[1].BaseObject);
        Assert.EndsWith("+08:00", (string)output[1].BaseObject);
    }

    [Fact]
    public void A_start_older_than_90_days_is_refused_before_any_call()
    {
        using var gateway = new LoopbackGateway();
        using var session = new ModuleSession();
        var result = session.Run(Connect(gateway) + "Get-TbkOrder -Start ([DateTime]::Now.AddDays(-120)) -End ([DateTime]::Now.AddDays(-119))");
        var error = Assert.Single(result.Errors);
        Assert.Contains("90 days", error.Exception.Message);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(0, gateway.Emulator.Stats.Requests);
    }

    [Fact]
    public void A_window_longer_than_the_api_allows_sent_by_hand_gets_the_business_error()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator
            $end = [DateTimeOffset]::UtcNow.AddDays(-1)
            Invoke-TaobaoApi taobao.tbk.order.details.get @{ start_time = $end.AddHours(-5); end_time = $end }
            """);
        var error = Assert.Single(result.Errors);
        Assert.Contains("2007", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void Channel_scene_orders_all_carry_a_relation_id()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator
            $orders = @(Get-TbkOrder -Start ([DateTime]::Now.AddDays(-2)) -End ([DateTime]::Now.AddDays(-1)) -Scene Channel)
            $orders.Count -gt 0
            @($orders | Where-Object { -not $_.RelationId }).Count
            """);
        Assert.Equal(true, output[0].BaseObject);
        Assert.Equal(0, output[1].BaseObject);
    }

    [Fact]
    public void An_incremental_sync_remembers_where_it_stopped_and_starts_an_overlap_earlier()
    {
        using var session = new ModuleSession();
        var output = session.Ok($$"""
            Connect-TaobaoTop -Emulator
            $first = @(Get-TbkOrder -Incremental -StatePath '{{_state}}' -Start ([DateTime]::Now.AddDays(-1)) -Verbose)
            $first.Count -gt 0
            $saved = Get-Content -Raw -Path '{{_state}}'
            $second = @(Get-TbkOrder -Incremental -StatePath '{{_state}}' -Overlap '01:00:00' -Verbose 4>&1)
            $saved
            @($second | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            """);
        Assert.Equal(true, output[0].BaseObject);
        Assert.Contains("synced_through", (string)output[1].BaseObject);
        Assert.Contains(output.Skip(2), o => ((string)o.BaseObject).Contains("Incremental order sync from") && ((string)o.BaseObject).Contains("last run synced through"));
    }

    public void Dispose() => File.Delete(_state);
}
