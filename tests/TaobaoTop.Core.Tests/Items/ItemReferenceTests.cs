using TaobaoTop.Core.Items;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

public class ItemReferenceTests
{
    [Theory]
    [InlineData("700000000000000017", 700000000000000017L)]
    [InlineData(" 42 ", 42L)]
    [InlineData("https://item.taobao.com/item.htm?id=700000000000000017", 700000000000000017L)]
    [InlineData("https://detail.tmall.com/item.htm?spm=a1z10.1&id=612345678901&skuId=1", 612345678901L)]
    [InlineData("https://h5.m.taobao.com/awp/core/detail.htm?itemId=598765", 598765L)]
    public void Reads_ids_and_item_page_links(string text, long expected)
    {
        Assert.True(ItemReference.TryParse(text, out var numIid));
        Assert.Equal(expected, numIid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("T恤")]
    [InlineData("https://shop123.taobao.com/?id=5")]
    [InlineData("https://item.taobao.com/item.htm?spm=abc")]
    public void Refuses_what_is_not_an_item(string text)
    {
        Assert.False(ItemReference.TryParse(text, out _));
        var ex = Assert.Throws<FormatException>(() => ItemReference.Parse(text));
        Assert.Contains("item page link", ex.Message);
    }
}
