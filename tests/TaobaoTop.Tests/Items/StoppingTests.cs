using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Items;

/// <summary>A row's error under -ErrorAction Stop sends no new row; rows in flight finish (Select-Object -First is tests/Pester/Stopping.Tests.ps1).</summary>
public sealed class StoppingTests
{
    private const string Rows = """
        function Row($outerId, $price = '19.90') { [pscustomobject]@{ 标题 = "停止 $outerId"; 价格 = $price; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉短袖T恤舒适'; 商家编码 = $outerId; 省 = '浙江'; 市 = '杭州' } }
        function Get-Added($prefix) { @((Invoke-TaobaoApi taobao.items.custom.get @{ fields = 'num_iid,outer_id'; outer_id = ((1..20 | ForEach-Object { "$prefix$_" }) -join ',') }).items.item | Where-Object { $_ }).Count }
        """;

    [Fact]
    public void A_row_error_under_ErrorAction_Stop_stops_the_rows_after_it()
    {
        using var session = new ModuleSession();
        var result = session.Run($$"""
            Connect-TaobaoTop -Emulator -Qps 2
            {{Rows}}
            $rows = 1..20 | ForEach-Object { if ($_ -eq 2) { Row "E-$_" '59,90' } else { Row "E-$_" } }
            try { $rows | Add-TaobaoItem -ThrottleLimit 2 -ErrorAction Stop | Out-Null } catch { "stopped: $($_.Exception.Message)" }
            Get-Added 'E-'
            """);
        Assert.StartsWith("stopped: row 2 (商家编码 E-2)", (string)result.Output[0].BaseObject);
        Assert.InRange((int)result.Output[1].BaseObject, 1, 6);
    }
}
