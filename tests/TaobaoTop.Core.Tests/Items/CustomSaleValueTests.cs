using TaobaoTop.Core.Items;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

/// <summary>
/// Colours of the sheet's own (雾霾蓝, 奶白) with -AllowCustomSaleValue: each listed on a colour value the item does not
/// use by name, with property_alias, and read back by the sheet's name.
/// </summary>
public sealed class CustomSaleValueTests : IDisposable
{
    private readonly TopClient _client = EmulatorClients.For(new TopEmulator());

    public void Dispose() => _client.Dispose();

    /// <summary>A T恤 (50000436: 颜色分类 黑色, 白色, 红色, 蓝色 … and 尺码) with a SKU per colour/size given.</summary>
    private static ItemRow Tee(params (string Colour, string Size)[] skus)
    {
        var item = new ItemRow
        {
            RowNumber = 1, LineNumber = 2, Title = "纯棉短袖T恤", CategoryId = "50000436", Description = "纯棉面料，舒适透气", OuterId = "TEE-1", State = "浙江", City = "杭州",
        };
        item.Skus.AddRange(skus.Select((s, i) => new ItemRow
        {
            RowNumber = i + 2, LineNumber = i + 3, OuterId = "TEE-1", SkuPrice = "59.00", SkuQuantity = "3", SkuOuterId = "TEE-1-" + (i + 1),
            Extra = new Dictionary<string, string> { ["颜色分类"] = s.Colour, ["尺码"] = s.Size },
        }));
        return item;
    }

    private async Task<(ItemDraft Draft, List<ItemFieldError> Errors)> DraftAsync(ItemRow row, bool allowCustom)
    {
        var errors = new List<ItemFieldError>();
        var draft = new ItemRowValidator(p => p).Validate(row, errors)!;
        Assert.Empty(errors);
        await new ItemPreflight(_client) { AllowCustomSaleValues = allowCustom }.CheckAsync(draft, errors, CancellationToken.None);
        return (draft, errors);
    }

    [Fact]
    public async Task Without_the_switch_a_colour_of_the_sheets_own_is_refused_once_saying_how_to_allow_it()
    {
        var (_, errors) = await DraftAsync(Tee(("黑色", "M"), ("雾霾蓝", "M"), ("雾霾蓝", "L")), allowCustom: false);
        Assert.Equal("line 4 (SKU编码 TEE-1-2): 颜色分类 '雾霾蓝' is not one of its values; nearest: 蓝色, 黑色, 白色. "
            + "To list it under this name of your own, allow custom sale values (-AllowCustomSaleValue)", Assert.Single(errors).Message);
    }

    [Fact]
    public async Task Each_name_takes_the_first_colour_value_no_SKU_of_the_item_uses_by_name_and_reads_back_by_its_name()
    {
        // 白色 is used by name on the last row: the sheet's names go on 红色 and 蓝色, the next values free.
        var row = Tee(("黑色", "M"), ("雾霾蓝", "M"), ("雾霾蓝", "L"), ("奶白", "M"), ("白色", "L"));
        var (draft, errors) = await DraftAsync(row, allowCustom: true);
        Assert.Empty(errors);
        Assert.Equal("1627207:3020703:雾霾蓝;1627207:3020704:奶白", draft.PropertyAlias);
        Assert.Equal(new[] { "黑色/M", "雾霾蓝/M", "雾霾蓝/L", "奶白/M", "白色/L" }, draft.Skus.Select(s => s.Name));

        var added = await _client.InvokeAsync(ItemApi.Add(draft, null));
        var numIid = added.Body.GetProperty("item").GetProperty("num_iid").GetInt64();
        var item = TaobaoItem.FromJson((await _client.InvokeAsync(ItemApi.SellerGet(numIid))).Body.GetProperty("item"));
        Assert.Equal(new[] { "黑色/M", "雾霾蓝/M", "雾霾蓝/L", "奶白/M", "白色/L" }, item.Skus.Select(s => s.Name));
    }

    [Fact]
    public async Task A_name_beyond_the_colour_values_free_is_refused_naming_it()
    {
        var names = Enumerable.Range(1, 13).Select(n => ("自定义色" + n, "M")).ToArray();
        var (_, errors) = await DraftAsync(Tee(names), allowCustom: true);
        Assert.Equal("line 15 (SKU编码 TEE-1-13): 颜色分类 '自定义色13' cannot be listed under a name of your own: all 12 values of 颜色分类 are in use by this item",
            Assert.Single(errors).Message);
    }

    [Fact]
    public async Task A_name_with_a_separator_of_property_alias_is_refused_saying_so()
    {
        var (_, errors) = await DraftAsync(Tee(("黑色", "M"), ("蓝;白", "M")), allowCustom: true);
        Assert.Equal("line 4 (SKU编码 TEE-1-2): 颜色分类 '蓝;白' cannot be a name of your own: property_alias takes no ':', ';' or ','", Assert.Single(errors).Message);
    }
}
