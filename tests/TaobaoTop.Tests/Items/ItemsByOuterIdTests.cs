using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Items;

/// <summary>ERP price and stock sheets are keyed by 商家编码: the item cmdlets find the item by it.</summary>
public sealed class ItemsByOuterIdTests
{
    [Fact]
    public void Price_and_stock_sheets_keyed_by_outer_id_change_those_items_and_an_unknown_one_is_an_error_naming_it()
    {
        using var session = new ModuleSession();
        var result = session.Run("""
            Connect-TaobaoTop -Emulator -Qps 0
            (Get-TaobaoItem -OuterId DEMO-0001).OuterId
            @(
                [pscustomobject]@{ 商家编码 = 'DEMO-0001'; 价格 = '39.90' }
                [pscustomobject]@{ 商家编码 = 'NO-SUCH-CODE'; 价格 = '9.90' }
            ) | Set-TaobaoItemPrice | ForEach-Object { $_.OuterId }
            [pscustomobject]@{ 商家编码 = 'DEMO-0001'; 库存 = 7 } | Set-TaobaoItemQuantity | Out-Null
            $item = [pscustomobject]@{ OuterId = 'DEMO-0001' } | Get-TaobaoItem
            '{0} {1}' -f $item.Price, $item.Quantity
            [pscustomobject]@{ Name = 'no id here' } | Unpublish-TaobaoItem
            """);
        Assert.Equal(new object[] { "DEMO-0001", "DEMO-0001", "39.90 7" }, result.Output.Select(o => o.BaseObject));
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal("OuterIdNotFound,TaobaoTop.Cmdlets.Items.SetTaobaoItemPriceCommand", result.Errors[0].FullyQualifiedErrorId);
        Assert.Equal("NO-SUCH-CODE", result.Errors[0].TargetObject);
        Assert.Contains("商家编码 'NO-SUCH-CODE' is not on any item of the shop", result.Errors[0].Exception.Message);
        Assert.Contains("has no NumIid or OuterId (商家编码)", result.Errors[1].Exception.Message);
        Assert.NotNull(result.Errors[1].TargetObject);
    }
}
