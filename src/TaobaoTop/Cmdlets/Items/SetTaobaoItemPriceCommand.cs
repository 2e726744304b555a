using System;
using System.Globalization;
using System.Linq;
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
        private const string CostSet = "FromCost";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("num_iid", "Id", "ItemId", "宝贝ID", "商品ID")]
        public TaobaoItemBind NumIid { get; set; } = null!;

        /// <summary>The new price in yuan, at most two decimals; bound by name from a price sheet too.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = PriceSet, ValueFromPipelineByPropertyName = true)]
        [Alias("价格", "一口价")]
        [Money]
        public decimal Price { get; set; }

        /// <summary>The cost (成本价) -PriceRule makes the new price from; an ERP cost sheet binds it by name.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CostSet, ValueFromPipelineByPropertyName = true)]
        [Alias("成本价", "成本", "进价", "采购价", "Cost", "cost_price")]
        [Money]
        public decimal FromCost { get; set; }

        /// <summary>How a cost becomes a price: @{ Margin = 30; AddOn = 5; PlatformFee = 5; Ending = '.9'; Floor = 9.9; Ceiling = 999 }.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CostSet)]
        [Conversion.PriceRule]
        public PriceRule PriceRule { get; set; } = null!;

        /// <summary>Sets this SKU's price instead of the item's; TOP names a SKU by its properties, e.g. 1627207:28341;20509:28314.</summary>
        [Parameter(ParameterSetName = PriceSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = CostSet, ValueFromPipelineByPropertyName = true)]
        [Alias("properties", "sku_properties")]
        [ValidateNotNullOrEmpty]
        public string? SkuProperties { get; set; }

        /// <summary>Sets the price of the SKU with this 商家编码 (SKU编码), found among the item's SKUs.</summary>
        [Parameter(ParameterSetName = PriceSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = CostSet, ValueFromPipelineByPropertyName = true)]
        [Alias("SKU编码", "SKU商家编码", "sku_outer_id")]
        public string? SkuOuterId { get; set; }

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
                var current = ReadAnswer(CallApi(ItemApi.SellerGet(NumIid)), ItemApi.ReadItem);
                if (current.Skus.Count > 0)
                {
                    ChangeEverySku(current);
                    return;
                }
                before = current.Price
                    ?? throw new TopResponseException("taobao.item.seller.get", Resources.Messages.Format("ItemWithoutPrice", NumIid), null);
                price = ItemRules.ChangeByPercent(before.Value, Percent);
            }
            if (ParameterSetName == CostSet) price = PriceRule.PriceFor(FromCost);
            if (ItemRules.PriceProblem(price) is string problem)
            {
                if (ParameterSetName == CostSet) problem = Resources.Messages.Format("PriceFromCostProblem", ItemApi.Money(FromCost), PriceRule, problem);
                WriteInputError(Resources.Messages.Format("PriceProblem", NumIid, problem), "InvalidPrice", ErrorCategory.InvalidArgument, NumIid);
                return;
            }
            var change = ParameterSetName == CostSet
                ? Resources.Messages.Format("SetPriceFromCostAction", price, FromCost, PriceRule)
                : before is decimal old
                ? Resources.Messages.Format("ChangePriceAction", old, price, Percent)
                : Resources.Messages.Format("SetPriceAction", price);
            var properties = SkuProperties;
            var skuOuterId = string.IsNullOrWhiteSpace(SkuOuterId) ? null : SkuOuterId!.Trim();
            decimal? itemPrice = null;
            if (properties != null || skuOuterId != null)
            {
                // One read finds the SKU by its 商家编码 and tells whether the item's price must move with it.
                var item = ReadAnswer(CallApi(ItemApi.SellerGet(NumIid)), ItemApi.ReadItem);
                var skus = item.Skus;
                var sku = properties != null ? skus.FirstOrDefault(s => SameProperties(s.Properties, properties)) : skus.FirstOrDefault(s => s.OuterId == skuOuterId);
                if (sku?.Properties is null && properties is null)
                {
                    WriteInputError(
                        skus.Count > 0
                            ? Resources.Messages.Format("SkuNotFoundAmong", NumIid, skuOuterId, string.Join(", ", skus.Select(s => s.OuterId ?? s.Name)))
                            : Resources.Messages.Format("SkuNotFoundNoSkus", NumIid, skuOuterId),
                        "SkuNotFound", ErrorCategory.ObjectNotFound, skuOuterId);
                    return;
                }
                properties ??= sku!.Properties;
                if (sku != null && item.Price is decimal current)
                {
                    var others = skus.Where(s => s != sku && s.Price != null).Select(s => s.Price!.Value).Append(price).ToList();
                    if (current < others.Min() || current > others.Max()) itemPrice = current < others.Min() ? others.Min() : others.Max();
                }
            }
            var target = Resources.Messages.Format("ItemTarget", NumIid) + (properties is null ? string.Empty : " SKU " + (skuOuterId ?? properties));
            if (!ShouldProcess(target, change)) return;

            CallApi(properties != null ? ItemApi.SkuPriceUpdate(NumIid, properties!, price, itemPrice) : ItemApi.PriceUpdate(NumIid, price));
            WriteItemAfterChange(NumIid);
        });

        /// <summary>
        /// A percentage on an item with SKUs changes every SKU's price by it; the item's price follows as the lowest
        /// SKU price, sent with each SKU so it never leaves their range.
        /// </summary>
        private void ChangeEverySku(TaobaoItem item)
        {
            var prices = item.Skus.Select(s => s.Price ?? 0m).ToArray();
            var wanted = prices.Select(p => ItemRules.ChangeByPercent(p, Percent)).ToArray();
            for (var i = 0; i < wanted.Length; i++)
            {
                if (ItemRules.PriceProblem(wanted[i]) is string problem)
                {
                    WriteInputError(Resources.Messages.Format("PriceProblem", NumIid + " SKU " + item.Skus[i], problem), "InvalidPrice", ErrorCategory.InvalidArgument, NumIid);
                    return;
                }
            }
            var target = Resources.Messages.Format("ItemSkusTarget", NumIid, item.Skus.Count);
            var change = Resources.Messages.Format("ChangeEverySkuAction", Percent,
                string.Join(", ", item.Skus.Select((s, i) => (s.OuterId ?? s.Name) + " " + prices[i].ToString("0.00", CultureInfo.InvariantCulture) + " → " + wanted[i].ToString("0.00", CultureInfo.InvariantCulture))));
            if (!ShouldProcess(target, change)) return;
            for (var i = 0; i < wanted.Length; i++)
            {
                prices[i] = wanted[i];
                CallApi(ItemApi.SkuPriceUpdate(NumIid, item.Skus[i].Properties!, wanted[i], prices.Min()));
            }
            WriteItemAfterChange(NumIid);
        }

        private static bool SameProperties(string? a, string b)
            => a != null && string.Join(";", a.Split(';').OrderBy(p => p, StringComparer.Ordinal)) == string.Join(";", b.Split(';').Where(p => p.Length > 0).OrderBy(p => p, StringComparer.Ordinal));
    }
}
