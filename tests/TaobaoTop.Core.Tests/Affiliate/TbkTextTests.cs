using TaobaoTop.Core.Affiliate;
using Xunit;

namespace TaobaoTop.Core.Tests.Affiliate;

public class TbkTextTests
{
    [Theory]
    [InlineData("￥Z9YdVgTDJ2C￥", "Z9YdVgTDJ2C")]
    [InlineData("¥Z9YdVgTDJ2C¥", "Z9YdVgTDJ2C")]
    [InlineData("89¥ CZ028 Z9YdVgTDJ2C¥ https://m.tb.cn/h.6o7DjAm 小米手机", "Z9YdVgTDJ2C")]
    [InlineData("【淘宝】限时 €Z9YdVgTDJ2C€ 复制打开", "Z9YdVgTDJ2C")]
    [InlineData("$Z9YdVgTDJ2C$", "Z9YdVgTDJ2C")]
    [InlineData("(Z9YdVgTDJ2C)", "Z9YdVgTDJ2C")]
    [InlineData("/Z9YdVgTDJ2C/ 打开手机淘宝", "Z9YdVgTDJ2C")]
    [InlineData("₤Z9YdVgTDJ2C₤", "Z9YdVgTDJ2C")]
    public void Finds_the_password_in_share_texts_and_look_alike_wrappers(string text, string code)
    {
        Assert.True(TbkPasswordText.TryFind(text, out var found));
        Assert.Equal(code, found);
    }

    [Theory]
    [InlineData("no password here")]
    [InlineData("Z9YdVgTDJ2C")]
    [InlineData("￥short￥")]
    [InlineData("￥ThisIsFarTooLongForOne￥")]
    [InlineData("")]
    public void Text_without_a_wrapped_password_has_none(string text)
    {
        Assert.False(TbkPasswordText.TryFind(text, out _));
    }

    [Theory]
    [InlineData("qYtxrMJOC8tmtM-Qq0Z65Sbbq5DqZ9", TbkReferenceKind.ItemId, "qYtxrMJOC8tmtM-Qq0Z65Sbbq5DqZ9")]
    [InlineData(" 600000000042 ", TbkReferenceKind.LegacyItemId, "600000000042")]
    [InlineData("https://item.taobao.com/item.htm?id=abc123XYZ", TbkReferenceKind.Url, "https://item.taobao.com/item.htm?id=abc123XYZ")]
    [InlineData("//shop123.taobao.com", TbkReferenceKind.Url, "https://shop123.taobao.com")]
    [InlineData("【淘宝】好物 https://m.tb.cn/h.6o7DjAm 快来", TbkReferenceKind.Url, "https://m.tb.cn/h.6o7DjAm")]
    [InlineData("89¥ CZ028 Z9YdVgTDJ2C¥ https://m.tb.cn/h.6o7DjAm", TbkReferenceKind.Password, "89¥ CZ028 Z9YdVgTDJ2C¥ https://m.tb.cn/h.6o7DjAm")]
    [InlineData("就是一段话", TbkReferenceKind.Unrecognised, "就是一段话")]
    public void Classifies_item_input(string input, TbkReferenceKind kind, string value)
    {
        Assert.Equal(kind, TbkItemReference.Classify(input, out var found));
        Assert.Equal(value, found);
    }

    [Theory]
    [InlineData("https://detail.tmall.com/item.htm?spm=a&id=abc-123&sku=1", "abc-123")]
    [InlineData("https://s.click.taobao.com/t?e=m&pid=mm_1_2_3&itemId=qY-tx", "qY-tx")]
    [InlineData("https://shop123.taobao.com", null)]
    public void Reads_the_item_id_of_item_links(string url, string? id)
    {
        Assert.Equal(id, TbkItemReference.ItemIdInUrl(url));
    }

    [Theory]
    [InlineData("mm_1000001_2000001_3000001", true)]
    [InlineData(" mm_1000001_2000001_3000001 ", true)]
    [InlineData("mm_1000001_3000001", false)]
    [InlineData("MM_1_2_3", false)]
    [InlineData("mm_1_2_x", false)]
    [InlineData("mm_0_2_3", false)]
    [InlineData("mm_99999999999999999999_2_3", false)]
    [InlineData("", false)]
    public void Parses_pids(string text, bool valid)
    {
        Assert.Equal(valid, TbkPid.TryParse(text, out var pid, out var problem));
        if (valid)
        {
            Assert.Equal(3000001L, pid.AdzoneId);
            Assert.Equal(2000001L, pid.SiteId);
            Assert.Equal("mm_1000001_2000001_3000001", pid.ToString());
        }
        else
        {
            Assert.Contains(text, problem);
        }
    }
}
