using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Affiliate;

public sealed class FindTbkItemPagingTests
{
    [Fact]
    public void Without_First_or_All_one_page_comes_back_with_a_warning_saying_how_many_matched()
    {
        using var session = new ModuleSession();
        var plain = session.Run("Connect-TaobaoTop -Emulator; Find-TbkItem -Keyword 手机");
        Assert.Equal(20, plain.Output.Count);
        var warning = Assert.Single(plain.Warnings);
        Assert.Matches(@"^Find-TbkItem wrote the first 20 of \d+ items that match; use -First <n> or -All for more\.$", warning);

        var first = session.Run("Find-TbkItem -Keyword 手机 -First 5");
        Assert.Equal(5, first.Output.Count);
        Assert.Empty(first.Warnings);
    }
}
