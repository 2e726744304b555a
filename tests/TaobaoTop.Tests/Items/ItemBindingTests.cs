using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Items;

public class ItemBindingTests
{
    private const string AddTwo = """
        Connect-TaobaoTop -Emulator
        $added = @(
            [pscustomobject]@{ 标题 = '纯棉短袖T恤 男'; 价格 = '50.00'; 库存 = 5; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = 'BIND-1'; 省 = '浙江'; 市 = '杭州' }
            [pscustomobject]@{ 标题 = '印花T恤 女 宽松'; 价格 = '60.00'; 库存 = 5; 类目ID = 50000436; 描述 = '宽松版型，多色可选'; 商家编码 = 'BIND-2'; 省 = '浙江'; 市 = '杭州' }
        ) | Add-TaobaoItem

        """;

    [Fact]
    public void Item_page_links_ids_and_item_objects_all_name_an_item()
    {
        using var session = new ModuleSession();
        var output = session.Ok(AddTwo + """
            $link = 'https://item.taobao.com/item.htm?id={0}' -f $added[0].NumIid
            ($link | Set-TaobaoItemPrice -Price 45.5).Price
            (Get-TaobaoItem ('https://detail.tmall.com/item.htm?spm=x&id={0}' -f $added[1].NumIid)).Title
            ($added | Unpublish-TaobaoItem | ForEach-Object ApproveStatus) -join ','
            ([string]$added[1].NumIid | Publish-TaobaoItem -Quantity 3).ApproveStatus
            """);
        Assert.Equal(45.50m, output[0].BaseObject);
        Assert.Equal("印花T恤 女 宽松", output[1].BaseObject);
        Assert.Equal("instock,instock", output[2].BaseObject);
        Assert.Equal("onsale", output[3].BaseObject);
    }

    [Fact]
    public void Text_that_is_not_an_item_is_an_error_naming_it_and_the_other_items_go_on()
    {
        using var session = new ModuleSession();
        var result = session.Run(AddTwo + """
            'T恤', $added[0].NumIid | Unpublish-TaobaoItem | ForEach-Object NumIid
            $added[0].NumIid
            """);
        var error = Assert.Single(result.Errors);
        Assert.Contains("'T恤' is not an item id", error.ToString());
        Assert.Equal(result.Output[1].BaseObject, result.Output[0].BaseObject);
    }
}
