using TaobaoTop.Core.Items;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

/// <summary>ERP-shaped sheets: consecutive rows sharing a 商家编码 are one item's SKUs.</summary>
public sealed class SkuRowTests
{
    private static ItemRow Item(int line, string outerId) => new()
    {
        RowNumber = line - 1, LineNumber = line, Title = "加绒卫衣", CategoryId = "91000002", Description = "加厚加绒保暖卫衣",
        OuterId = outerId, State = "浙江", City = "杭州",
    };

    private static ItemRow Sku(int line, string outerId, string price, string quantity, string skuOuterId) => new()
    {
        RowNumber = line - 1, LineNumber = line, OuterId = outerId, SkuPrice = price, SkuQuantity = quantity, SkuOuterId = skuOuterId,
    };

    private static List<ItemRow> Group(params ItemRow[] rows)
    {
        var grouper = new ItemRowGrouper();
        var items = rows.Select(grouper.Add).Where(i => i != null).Select(i => i!).ToList();
        if (grouper.Flush() is ItemRow last) items.Add(last);
        return items;
    }

    [Fact]
    public void Rows_sharing_a_code_with_SKU_columns_are_one_item_and_a_plain_repeat_stays_a_row()
    {
        var items = Group(Item(2, "A"), Sku(3, "A", "99", "10", "A-M"), Sku(4, "A", "109", "20", "A-L"), Item(5, "B"), Item(6, "B"));
        Assert.Equal(new[] { 2, 5, 6 }, items.Select(i => i.LineNumber!.Value));
        Assert.Equal(new[] { 3, 4 }, items[0].Skus.Select(s => s.LineNumber!.Value));
        Assert.Empty(items[1].Skus);
    }

    [Fact]
    public void Stock_is_the_SKU_total_and_the_price_the_lowest_SKU_price_unless_given()
    {
        var item = Group(Item(2, "A"), Sku(3, "A", "99", "10", "A-M"), Sku(4, "A", "109", "20", "A-L"))[0];
        var errors = new List<ItemFieldError>();
        var draft = new ItemRowValidator(p => p).Validate(item, errors);
        Assert.Empty(errors);
        Assert.Equal(30, draft!.Quantity);
        Assert.Equal(99m, draft.Price);
        Assert.Equal(new[] { "A-M", "A-L" }, draft.Skus.Select(s => s.OuterId));
    }

    [Fact]
    public void Errors_name_the_SKUs_row_and_an_item_price_outside_the_SKU_prices()
    {
        var item = Group(Item(2, "A"), Sku(3, "A", "99", "10", "A-M"), Sku(4, "A", "10,9", "20", "A-L"))[0];
        var errors = new List<ItemFieldError>();
        Assert.Null(new ItemRowValidator(p => p).Validate(item, errors));
        Assert.StartsWith("line 4 (SKU编码 A-L): SkuPrice (SKU价格) ", Assert.Single(errors).Message);

        var priced = Item(2, "A");
        priced.Price = "129.00";
        item = Group(priced, Sku(3, "A", "99", "10", "A-M"), Sku(4, "A", "109", "20", "A-L"))[0];
        Assert.Null(new ItemRowValidator(p => p).Validate(item, errors));
        Assert.Equal("Price (价格) 129.00 is outside the SKU prices 99.00 to 109.00; Taobao requires the item price within them", Assert.Single(errors).Message);
    }
}
