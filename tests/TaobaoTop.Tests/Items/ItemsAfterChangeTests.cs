using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Items;

/// <summary>The item cmdlets that change an item return it as it is after the change, every field true.</summary>
public sealed class ItemsAfterChangeTests
{
    [Fact]
    public void Price_stock_and_listing_changes_return_the_whole_item_as_it_now_is()
    {
        using var session = new ModuleSession();
        var output = session.Ok("""
            Connect-TaobaoTop -Emulator -Qps 0
            $item = Get-TaobaoItem -OnSale -First 1
            $show = { '{0}|{1}|{2}|{3}|{4}' -f ($_.Title -eq $item.Title), $_.Price, $_.Quantity, $_.ApproveStatus, $_.IsOnSale }
            $item | Set-TaobaoItemPrice -Price 66.60 | ForEach-Object $show
            $item | Set-TaobaoItemQuantity -Quantity 42 | ForEach-Object $show
            $item | Unpublish-TaobaoItem | ForEach-Object $show
            Get-TaobaoItem $item.NumIid | Publish-TaobaoItem | ForEach-Object $show
            """);
        Assert.Equal(4, output.Count);
        Assert.Matches(@"^True\|66\.60\|\d+\|onsale\|True$", (string)output[0].BaseObject);
        Assert.Equal(new object[] { "True|66.60|42|onsale|True", "True|66.60|42|instock|False", "True|66.60|42|onsale|True" }, output.Skip(1).Select(o => o.BaseObject));
    }
}
