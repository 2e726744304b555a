using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Affiliate;

public class RefundAndPunishOrderTests
{
    [Fact]
    public void Refunds_of_two_weeks_come_typed_once_each_and_inside_the_range()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator
            $end = [DateTimeOffset]::UtcNow.AddDays(-1)
            $start = $end.AddDays(-14)
            $refunds = @(Get-TbkRefundOrder -Start $start.UtcDateTime -End $end.UtcDateTime -PageSize 5)
            $refunds.Count -gt 0
            [System.Collections.Generic.HashSet[string]]::new([string[]]($refunds | ForEach-Object { "$($_.TradeId)/$($_.RelationId)/$($_.SpecialId)" })).Count -eq $refunds.Count
            @($refunds | Where-Object { $_.RefundTime -lt $start -or $_.RefundTime -ge $end }).Count
            @($refunds | Where-Object { -not $_.RelationId -and -not $_.SpecialId }).Count
            $refunds[0].StatusText
            $refunds[0].RefundAmount.GetType().Name
            """);
        Assert.Equal(true, output[0].BaseObject);
        Assert.Equal(true, output[1].BaseObject);
        Assert.Equal(0, output[2].BaseObject);
        Assert.Equal(0, output[3].BaseObject);
        Assert.Contains((string)output[4].BaseObject, new[] { "维权成功", "维权失败", "维权创建" });
        Assert.Equal("Decimal", output[5].BaseObject);
    }

    [Fact]
    public void Punished_orders_of_two_months_are_queried_in_30_day_spans()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator
            $orders = @(Get-TbkPunishOrder -Start ([DateTime]::UtcNow.AddDays(-80)) -End ([DateTime]::UtcNow.AddDays(-1)) -Verbose)
            $orders.Count
            @($orders | Where-Object { $_.AdzoneId -gt 0 }).Count
            """);
        result.ThrowOnError();
        var count = (int)result.Output[0].BaseObject;
        Assert.True(count > 0, "the emulator punishes a share of settled orders");
        Assert.Equal(count, result.Output[1].BaseObject);
        Assert.True(result.Verbose.Count(v => v.Contains("punish.order.get: succeeded")) >= 3, "80 days need three 30-day queries");
    }
}
