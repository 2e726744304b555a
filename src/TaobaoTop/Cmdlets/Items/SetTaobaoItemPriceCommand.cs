using System;
using System.Globalization;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Binds;
using TaobaoTop.Conversion;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Items;

namespace TaobaoTop.Cmdlets.Items
{
    /// <summary>Sets an item's price, to an amount or by a percentage of the current price, or one SKU's price.</summary>
    [Cmdlet(VerbsCommon.Set, "TaobaoItemPrice", SupportsShouldProcess = true, DefaultParameterSetName = PriceSet)]
    [OutputType(typeof(TaobaoItem))]
    public sealed class SetTaobaoItemPriceCommand : TaobaoCmdlet
    {
        private const string PriceSet = "Price";
        private const string PercentSet = "Percent";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("num_iid", "Id", "ItemId", "宝贝ID", "商品ID")]
        public TaobaoItemBind NumIid { get; set; } = null!;

        /// <summary>The new price in yuan, at most two decimals; bound by name from a price sheet too.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = PriceSet, ValueFromPipelineByPropertyName = true)]
        [Alias("价格", "一口价")]
        [Money]
        public decimal Price { get; set; }

        /// <summary>Sets this SKU's price instead of the item's; TOP names a SKU by its properties, e.g. 1627207:28341;20509:28314.</summary>
        [Parameter(ParameterSetName = PriceSet, ValueFromPipelineByPropertyName = true)]
        [Alias("properties", "sku_properties")]
        [ValidateNotNullOrEmpty]
        public string? SkuProperties { get; set; }

        /// <summary>A change relative to the current price: -10 is 10% off, 5 is 5% more.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PercentSet)]
        [ValidateRange(-99.99, 10000)]
        [Money]
        public decimal Percent { get; set; }

        protected override void OnRecord() => Attempt(NumIid, () =>
        {
            if (!ResolveItem(NumIid)) return;
            decimal? before = null;
            var price = Price;
            if (ParameterSetName == PercentSet)
            {
                before = ReadAnswer(CallApi(ItemApi.SellerGet(NumIid)), ItemApi.ReadItem).Price
                        ?? throw new TopResponseException("taobao.item.seller.get", $"Item {NumIid} came back without a price.", null);
                price = ItemRules.ChangeByPercent(before.Value, Percent);
            }
            if (ItemRules.PriceProblem(price) is string problem)
            {
                WriteInputError(Resources.Messages.Format("PriceProblem", NumIid, problem), "InvalidPrice", ErrorCategory.InvalidArgument, NumIid);
                return;
            }
            var change = before is decimal old
                ? Resources.Messages.Format("ChangePriceAction", old, price, Percent)
                : Resources.Messages.Format("SetPriceAction", price);
            var target = Resources.Messages.Format("ItemTarget", NumIid) + (SkuProperties is null ? string.Empty : " SKU " + SkuProperties);
            if (!ShouldProcess(target, change)) return;

            CallApi(SkuProperties != null ? ItemApi.SkuPriceUpdate(NumIid, SkuProperties, price) : ItemApi.PriceUpdate(NumIid, price));
            WriteItemAfterChange(NumIid);
        });
    }
}
