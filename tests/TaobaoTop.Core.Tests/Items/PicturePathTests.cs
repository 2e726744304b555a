using TaobaoTop.Core.Items;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

/// <summary>
/// A picture cell that .NET Framework cannot take as a path (Path.Combine and GetFullPath throw there for " &lt; &gt; |
/// and for a second colon; .NET on Linux takes them) is an error of that row, so the rest of the sheet goes on.
/// </summary>
public sealed class PicturePathTests
{
    // Path.Combine and Path.GetFullPath as .NET Framework 4.x does them.
    private static string NetFrameworkResolve(string picture)
    {
        if (picture.IndexOfAny(new[] { '"', '<', '>', '|' }) >= 0) throw new ArgumentException("Illegal characters in path.");
        if (picture.IndexOf(':', 2) >= 0) throw new NotSupportedException("The given path's format is not supported.");
        return Path.Combine(Path.GetTempPath(), picture);
    }

    private static ItemRow Row(string picture) => new()
    {
        RowNumber = 3, LineNumber = 4, Title = "纯棉短袖T恤", Price = "19.90", Quantity = "10", CategoryId = "50000436",
        Description = "纯棉面料，舒适透气", State = "浙江", City = "杭州", Picture = picture,
    };

    [Theory]
    [InlineData("主图|1.png")]
    [InlineData("\"主图.png\"")]
    [InlineData("<主图>.png")]
    [InlineData("C:\\图片\\a:b.png")]
    public void A_picture_path_net_framework_refuses_is_that_rows_picture_error(string picture)
    {
        var errors = new List<ItemFieldError>();

        var draft = new ItemRowValidator(NetFrameworkResolve).Validate(Row(picture), errors);

        Assert.Null(draft);
        var error = Assert.Single(errors);
        Assert.Equal(ItemColumns.Picture, error.Field);
        Assert.Contains(picture, error.Message);
        Assert.Contains("not a valid file path", error.Message);
    }
}
