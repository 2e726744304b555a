using TaobaoTop.Core.Items;
using TaobaoTop.Tests.Items;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

public sealed class ItemRowValidatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-rules-").FullName;
    private readonly ItemRowValidator _validator;

    public ItemRowValidatorTests()
    {
        _validator = new ItemRowValidator(path => Path.Combine(_folder, path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ItemRow Good() => new()
    {
        RowNumber = 7, Title = "纯棉短袖T恤", Price = "19.9", Quantity = "10", CategoryId = "50000436",
        Description = "纯棉面料，舒适透气", OuterId = "SKU-1", State = "浙江", City = "杭州",
    };

    private (ItemDraft? Draft, List<ItemFieldError> Errors) Check(Action<ItemRow> change)
    {
        var row = Good();
        change(row);
        var errors = new List<ItemFieldError>();
        return (_validator.Validate(row, errors), errors);
    }

    [Fact]
    public void A_good_row_becomes_a_draft_with_typed_values()
    {
        var (draft, errors) = Check(r => r.StuffStatus = "全新");
        Assert.Empty(errors);
        Assert.Equal(19.90m, draft!.Price);
        Assert.Equal("19.90", ItemApi.Money(draft.Price));
        Assert.Equal(10, draft.Quantity);
        Assert.Equal(50000436, draft.CategoryId);
        Assert.Equal("new", draft.StuffStatus);
    }

    [Theory]
    [InlineData("三十个汉字三十个汉字三十个汉字三十个汉字三十个汉字三十个汉字", true)]
    [InlineData("三十个汉字三十个汉字三十个汉字三十个汉字三十个汉字三十个汉字多", false)]
    [InlineData("五十九个字母的标题abcdefghijklmnopqrstuvwxyzabcdefghijklmnop", true)]
    [InlineData("五十九个字母的标题abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq", false)]
    public void Titles_are_counted_in_GBK_bytes_with_a_Chinese_character_as_two(string title, bool valid)
    {
        var (draft, errors) = Check(r => r.Title = title);
        Assert.Equal(valid, draft != null);
        if (!valid) Assert.Contains("Title (标题) is " + ItemRules.GbkLength(title) + " bytes long; at most 60", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("19.99", 19.99)]
    [InlineData("¥1,299", 1299.00)]
    [InlineData("0.01", 0.01)]
    [InlineData("100000000", 100000000)]
    [InlineData("19.900", 19.90)]
    public void Prices_with_at_most_two_decimals_in_range_pass(string text, double expected)
    {
        var (draft, _) = Check(r => r.Price = text);
        Assert.Equal((decimal)expected, draft!.Price);
    }

    [Theory]
    [InlineData("19.999", "has more than 2 decimals")]
    [InlineData("0", "is outside 0.01 to 100000000")]
    [InlineData("100000000.01", "is outside 0.01 to 100000000")]
    [InlineData("-5", "is outside 0.01 to 100000000")]
    [InlineData("十九块", "is not a yuan amount (e.g. 19.90 or 1,299.00)")]
    [InlineData("59,90", "is not a yuan amount (e.g. 19.90 or 1,299.00): a ',' may only separate thousands, decimals follow a '.'")]
    [InlineData("1,2345", "is not a yuan amount (e.g. 19.90 or 1,299.00): a ',' may only separate thousands, decimals follow a '.'")]
    [InlineData("12,3", "is not a yuan amount (e.g. 19.90 or 1,299.00): a ',' may only separate thousands, decimals follow a '.'")]
    public void Bad_prices_say_what_is_wrong(string text, string problem)
    {
        var (draft, errors) = Check(r => r.Price = text);
        Assert.Null(draft);
        Assert.Equal("Price (价格) '" + text + "' " + problem, Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("-1", "is outside 0 to 900000000")]
    [InlineData("900000001", "is outside 0 to 900000000")]
    [InlineData("2.5", "is not a whole number")]
    public void Bad_quantities_say_what_is_wrong(string text, string problem)
    {
        var (_, errors) = Check(r => r.Quantity = text);
        Assert.Equal("Quantity (数量) '" + text + "' " + problem, Assert.Single(errors).Message);
    }

    [Fact]
    public void Every_broken_rule_of_a_row_is_reported_in_one_message_that_names_the_row()
    {
        var row = Good();
        row.LineNumber = 12;
        row.CategoryId = " ";
        row.State = null;
        row.StuffStatus = "broken";
        var errors = new List<ItemFieldError>();
        Assert.Null(_validator.Validate(row, errors));
        Assert.Equal(new[] { ItemColumns.CategoryId, ItemColumns.State, ItemColumns.StuffStatus }, errors.Select(e => e.Field));
        Assert.Equal(
            "line 12 (商家编码 SKU-1): CategoryId (类目ID) is missing; State (省) is missing; StuffStatus (新旧程度) 'broken' is not one of new (全新), second (二手), unused (闲置).",
            ItemRowValidator.Describe(row, errors));
    }

    [Fact]
    public void Pictures_must_be_real_images_of_at_least_800_by_800()
    {
        TestPictures.WritePng(_folder, "ok.png", 800, 801);
        TestPictures.WritePng(_folder, "narrow.png", 799, 1200);
        File.WriteAllText(Path.Combine(_folder, "fake.jpg"), "not a picture");

        Assert.Equal(Path.Combine(_folder, "ok.png"), Check(r => r.Picture = "ok.png").Draft!.PictureFile);
        Assert.Contains("is 799×1200; at least 800×800 is required", Check(r => r.Picture = "narrow.png").Errors.Single().Message);
        Assert.Contains("is not a png, jpg or gif picture", Check(r => r.Picture = "fake.jpg").Errors.Single().Message);
        Assert.Contains("does not exist", Check(r => r.Picture = "missing.png").Errors.Single().Message);
        Assert.Equal("https://img.alicdn.com/a.jpg", Check(r => r.Picture = "https://img.alicdn.com/a.jpg").Draft!.PictureUrl);
    }

    [Fact]
    public void Pictures_over_3_MB_are_refused_before_any_upload()
    {
        var path = TestPictures.WritePng(_folder, "huge.png", 800, 800);
        File.AppendAllText(path, new string('x', 3 * 1024 * 1024));
        Assert.Contains("the limit is 3 MB", Check(r => r.Picture = "huge.png").Errors.Single().Message);
    }

    [Fact]
    public void Text_that_did_not_decode_is_reported_as_an_encoding_problem()
    {
        var (_, errors) = Check(r => r.Title = "\uFFFD\uFFFDT恤");
        Assert.Contains("not text in the file's encoding", Assert.Single(errors).Message);
    }
}
