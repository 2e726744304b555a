using System.Text;
using TaobaoTop.Core.Items;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

/// <summary>Sheets that would silently read wrong: each is one error saying where and why.</summary>
public sealed class SheetProblemTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-sheetproblem-").FullName;

    static SheetProblemTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_folder, Guid.NewGuid() + ".csv");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void An_unclosed_quote_is_an_error_naming_the_line_that_opened_it()
    {
        var sheet = "标题,价格,库存,类目ID,描述,商家编码\n纯棉T恤,19.90,5,50000436,纯棉面料舒适,A-1\n\"牛仔裤,59,1,50010167,弹力牛仔面料,A-2\n衬衫,88,2,162104,免烫面料通勤,A-3\n外套,99,2,162104,防风面料,A-4\n";
        var reader = new ItemSheetReader(Write(Encoding.UTF8.GetBytes(sheet)));
        var error = Assert.Throws<InvalidDataException>(() => reader.ReadRows().ToList());
        Assert.Contains("line 3", error.Message.Replace(Path.GetTempPath(), ""));
        Assert.Contains("\"", error.Message);
    }

    [Fact]
    public void A_quoted_field_over_several_lines_and_a_stray_inch_mark_are_still_good_rows()
    {
        var sheet = "标题,价格,库存,类目ID,描述,商家编码\n\"牛仔裤\n第二行\",59,1,50010167,弹力牛仔面料,A-2\n手机壳 6.1\",88,2,162104,硅胶材质耐摔,A-3\n衬衫,88,2,162104,免烫面料通勤,A-4\n";
        var rows = new ItemSheetReader(Write(Encoding.UTF8.GetBytes(sheet))).ReadRows().ToList();
        Assert.Equal(new[] { "A-2", "A-3", "A-4" }, rows.Select(r => r.OuterId));
    }

    [Fact]
    public void A_GB18030_sheet_behind_a_UTF8_BOM_is_an_error_that_names_the_encoding_it_seems_to_be_in()
    {
        var sheet = "标题,价格,库存,类目ID,描述,商家编码\n纯棉T恤 男,19.90,5,50000436,纯棉面料舒适,A-1\n衬衫,88,2,162104,免烫面料通勤,A-3\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.GetEncoding("GB18030").GetBytes(sheet)).ToArray();
        var error = Assert.Throws<InvalidDataException>(() => new ItemSheetReader(Write(bytes)));
        Assert.Contains("UTF-8", error.Message);
        Assert.Contains("GB18030", error.Message);
    }

    [Fact]
    public void A_GB18030_sheet_behind_a_UTF8_BOM_reads_when_the_encoding_is_given()
    {
        var sheet = "标题,价格,库存,类目ID,描述,商家编码\n纯棉T恤 男,19.90,5,50000436,纯棉面料舒适,A-1\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.GetEncoding("GB18030").GetBytes(sheet)).ToArray();
        var rows = new ItemSheetReader(Write(bytes), SheetEncoding.Gb18030).ReadRows().ToList();
        Assert.Equal("纯棉T恤 男", Assert.Single(rows).Title);
    }

    [Fact]
    public void Two_columns_for_one_field_are_an_error_naming_both()
    {
        var sheet = "标题,Title,价格,库存,类目ID,描述,商家编码\n纯棉T恤,Cotton tee,19.90,5,50000436,纯棉面料舒适,A-1\n";
        var reader = new ItemSheetReader(Write(Encoding.UTF8.GetBytes(sheet)));
        var error = Assert.Throws<InvalidDataException>(() => reader.ReadRows().ToList());
        Assert.Contains("标题", error.Message);
        Assert.Contains("Title", error.Message);
    }
}
