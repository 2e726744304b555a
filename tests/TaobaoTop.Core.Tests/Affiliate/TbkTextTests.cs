using System.Text;
using TaobaoTop.Core.Affiliate;
using Xunit;

namespace TaobaoTop.Core.Tests.Affiliate;

public class TbkTextTests
{
    /// <summary>Share texts as they are pasted today (PasswordShareTexts.tsv): text, the code it carries, its shape.</summary>
    public static TheoryData<string, string, string> ShareTexts()
    {
        var data = new TheoryData<string, string, string>();
        var path = Path.Combine(AppContext.BaseDirectory, "Affiliate", "PasswordShareTexts.tsv");
        foreach (var line in File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var columns = line.Split('\t');
            data.Add(columns[0].Replace("\\n", "\n"), columns[1], columns[2]);
        }
        return data;
    }

    [Fact]
    public void The_share_text_table_has_at_least_40_cases_with_and_without_a_code()
    {
        var cases = ShareTexts().Select(row => (string)row[1]).ToList();
        Assert.True(cases.Count >= 40, cases.Count + " cases");
        Assert.Contains(cases, code => code.Length == 0);
    }

    [Theory]
    [MemberData(nameof(ShareTexts))]
    public void Finds_the_password_a_share_text_carries(string text, string code, string shape)
    {
        var found = TbkPasswordText.TryFind(text, out var actual);
        Assert.True(found == (code.Length > 0), shape + ": " + (found ? "found " + actual : "found none"));
        Assert.Equal(code, actual);
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
