using System.Text;
using TaobaoTop.Core.Items;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

public sealed class ItemSheetReaderTests : IDisposable
{
    private const string Sheet = "标题,价格,库存,类目ID,描述,商家编码,备注\r\n纯棉T恤 男,19.90,5,50000436,纯棉面料舒适,A-1,首发\r\n\"牛仔裤\r\n第二行\",59,1,50010167,弹力牛仔面料,A-2,\r\n\r\n衬衫,88,2,162104,免烫面料通勤,A-3,\r\n,,,,,,\r\n";
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-sheet-").FullName;

    static ItemSheetReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_folder, Guid.NewGuid() + ".csv");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static TheoryData<string> Encodings => new() { "utf-8 BOM", "utf-8", "gb18030" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Reads_Chinese_in_each_encoding_Excel_saves_without_being_told(string encoding)
    {
        var bytes = encoding switch
        {
            "utf-8 BOM" => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Sheet)).ToArray(),
            "utf-8" => Encoding.UTF8.GetBytes(Sheet),
            _ => Encoding.GetEncoding("GB18030").GetBytes(Sheet),
        };
        var reader = new ItemSheetReader(Write(bytes));
        var rows = reader.ReadRows().ToList();
        Assert.Equal(new[] { "纯棉T恤 男", "牛仔裤\r\n第二行", "衬衫" }, rows.Select(r => r.Title));
        Assert.Equal(encoding == "gb18030" ? "gb18030" : "utf-8", reader.Encoding.WebName);
    }

    [Fact]
    public void Each_row_keeps_the_line_it_starts_on_and_blank_rows_are_skipped()
    {
        var rows = new ItemSheetReader(Write(Encoding.UTF8.GetBytes(Sheet))).ReadRows().ToList();
        Assert.Equal(new int?[] { 2, 3, 6 }, rows.Select(r => r.LineNumber));
        Assert.Equal(new[] { 1, 2, 3 }, rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void Columns_that_name_no_field_are_kept_in_the_row_record()
    {
        var reader = new ItemSheetReader(Write(Encoding.UTF8.GetBytes(Sheet)));
        var first = reader.ReadRows().First();
        Assert.Equal(new[] { "备注" }, reader.OtherColumns);
        var source = (IDictionary<string, string>)first.Source!;
        Assert.Equal("首发", source["备注"]);
        Assert.Equal("A-1", source["商家编码"]);
        Assert.Equal("A-1", first.OuterId);
    }

    [Fact]
    public void English_headers_in_any_case_and_spacing_map_to_the_same_fields()
    {
        var text = "TITLE,price,Num,cid,Desc,Outer Id,Main Picture,Province,City,Stuff_Status\nShirt,9.9,1,162104,Cotton shirt,E-1,https://img.alicdn.com/x.jpg,浙江,杭州,second\n";
        var row = new ItemSheetReader(Write(Encoding.UTF8.GetBytes(text))).ReadRows().Single();
        Assert.Equal(("Shirt", "9.9", "1", "162104", "Cotton shirt", "E-1"), (row.Title, row.Price, row.Quantity, row.CategoryId, row.Description, row.OuterId));
        Assert.Equal(("https://img.alicdn.com/x.jpg", "浙江", "杭州", "second"), (row.Picture, row.State, row.City, row.StuffStatus));
    }

    [Fact]
    public void A_given_encoding_wins_over_detection()
    {
        var text = "Title,Price\n纯棉,1\n";
        var path = Write(Encoding.GetEncoding("GB18030").GetBytes(text));
        var wrong = new ItemSheetReader(path, Encoding.UTF8).ReadRows().Single();
        Assert.Contains('\uFFFD', wrong.Title!);
        Assert.Equal("纯棉", new ItemSheetReader(path, SheetEncoding.FromName("gbk")).ReadRows().Single().Title);
    }

    [Fact]
    public void A_GBK_row_inside_a_UTF8_sheet_stays_that_rows_problem()
    {
        var bytes = Encoding.UTF8.GetBytes("标题,价格\n纯棉短袖T恤,1\n复古牛仔裤,2\n")
            .Concat(Encoding.GetEncoding("GB18030").GetBytes("乱码")).Concat(Encoding.UTF8.GetBytes(",3\n")).ToArray();
        var rows = new ItemSheetReader(Write(bytes)).ReadRows().ToList();
        Assert.Equal("纯棉短袖T恤", rows[0].Title);
        Assert.Contains('\uFFFD', rows[2].Title!);
    }
}
