using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace TaobaoTop.Core.Items
{
    /// <summary>Turns a row into an <see cref="ItemDraft"/>, or says every rule it breaks.</summary>
    public sealed class ItemRowValidator
    {
        private readonly PictureCheck _pictures = new PictureCheck();
        private readonly Func<string, string> _resolvePath;

        /// <param name="resolvePath">Makes a picture path from a row absolute (relative to the sheet's folder or the current location).</param>
        public ItemRowValidator(Func<string, string> resolvePath)
        {
            _resolvePath = resolvePath ?? throw new ArgumentNullException(nameof(resolvePath));
        }

        /// <summary>Field → the sheet's own header for it (ItemColumns.HeadersByField), so messages say 库存, not Quantity (数量).</summary>
        public IReadOnlyDictionary<string, string>? Headers { get; set; }

        /// <summary>Prices rows that give a 成本价 (cost) and no price; without it such rows are refused.</summary>
        public PriceRule? Rule { get; set; }

        /// <summary>Told what the user must know although the row goes on (a price and a cost both given).</summary>
        public Action<string>? Warn { get; set; }

        public ItemDraft? Validate(ItemRow row, List<ItemFieldError> errors)
        {
            errors.Clear();
            var draft = new ItemDraft(row);

            var title = Required(row.Title, ItemColumns.Title, errors);
            if (title != null)
            {
                var bytes = ItemRules.GbkLength(title);
                if (bytes > ItemRules.MaxTitleBytes)
                    Add(errors, ItemColumns.Title, "is " + bytes + " bytes long; at most 60 are allowed (a Chinese character counts 2)");
                draft.Title = title;
            }

            // An item with SKUs takes its price and stock from them; a first row that is a SKU itself gives that SKU's.
            var hasSkus = row.Skus.Count > 0;
            var itemLevel = !hasSkus || !row.HasSkuColumns;
            decimal? givenPrice = null;
            if (itemLevel && !hasSkus)
            {
                if (PriceOf(row, row.Price, ItemColumns.Price, string.Empty, errors, out var cost) is decimal value) givenPrice = draft.Price = value;
                draft.Cost = cost;
            }
            else if (itemLevel && Optional(row.Price) is string price)
            {
                if (ItemRules.TryParsePrice(price, out var value, out var problem)) givenPrice = draft.Price = value;
                else Add(errors, ItemColumns.Price, problem!);
            }

            var quantity = !itemLevel ? null : hasSkus ? Optional(row.Quantity) : Required(row.Quantity, ItemColumns.Quantity, errors);
            long? givenQuantity = null;
            if (quantity != null)
            {
                if (ItemRules.TryParseQuantity(quantity, out var value, out var problem)) givenQuantity = draft.Quantity = value;
                else Add(errors, ItemColumns.Quantity, problem!);
            }
            if (hasSkus) ValidateSkus(row, draft, givenPrice, givenQuantity, errors);

            var category = Required(row.CategoryId, ItemColumns.CategoryId, errors);
            if (category != null)
            {
                if (long.TryParse(category, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cid) && cid > 0) draft.CategoryId = cid;
                else Add(errors, ItemColumns.CategoryId, "'" + category + "' is not a category id (a positive whole number from taobao.itemcats.get)");
            }

            var description = Required(row.Description, ItemColumns.Description, errors);
            if (description != null)
            {
                if (description.Length < ItemRules.MinDescriptionLength || description.Length > ItemRules.MaxDescriptionLength)
                    Add(errors, ItemColumns.Description, "is " + description.Length + " characters long; it must be 6 to 24999");
                draft.Description = description;
            }

            draft.State = Required(row.State, ItemColumns.State, errors) ?? string.Empty;
            draft.City = Required(row.City, ItemColumns.City, errors) ?? string.Empty;

            if (Optional(row.StuffStatus) is string stuff)
            {
                var status = ItemRules.StuffStatus(stuff);
                if (status is null) Add(errors, ItemColumns.StuffStatus, "'" + stuff + "' is not one of new (全新), second (二手), unused (闲置)");
                else draft.StuffStatus = status;
            }

            if (Optional(row.FreightTemplateId) is string postage)
            {
                if (long.TryParse(postage, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var template) && template > 0) draft.FreightTemplateId = template;
                else Add(errors, ItemColumns.FreightTemplateId, "'" + postage + "' is not a freight template id (a positive whole number from Get-TaobaoFreightTemplate)");
            }

            if (Optional(row.OuterId) is string outerId)
            {
                if (ItemRules.GbkLength(outerId) > ItemRules.MaxOuterIdBytes) Add(errors, ItemColumns.OuterId, "is " + ItemRules.GbkLength(outerId) + " bytes long; at most " + ItemRules.MaxOuterIdBytes + " are allowed (a Chinese character counts 2)");
                else if (outerId.IndexOf(',') >= 0) Add(errors, ItemColumns.OuterId, "'" + outerId + "' contains a comma, which taobao.items.custom.get cannot look up");
                draft.OuterId = outerId;
            }

            if (Optional(row.Picture) is string picture)
            {
                if (PictureCheck.IsUrl(picture))
                {
                    draft.PictureUrl = picture;
                }
                else
                {
                    var path = ResolvePicture(picture);
                    if (path is null)
                    {
                        Add(errors, ItemColumns.Picture, "'" + picture + "' is not a valid file path");
                    }
                    else
                    {
                        var problem = _pictures.Problem(path);
                        if (problem != null) Add(errors, ItemColumns.Picture, problem);
                        draft.PictureFile = path;
                    }
                }
            }

            foreach (var (position, extra) in row.ExtraPictures())
            {
                if (Picture(extra, ItemColumns.Picture, "主图" + (position + 1), string.Empty, errors) is PictureSource source) draft.ExtraPictures.Add((position, source));
            }

            CheckDecoding(row, errors);
            return errors.Count == 0 ? draft : null;
        }

        /// <summary>
        /// Each SKU row's price (SKU价格, else the row's 价格), stock (SKU库存, else 库存) and SKU编码, each error naming
        /// the SKU's row; then the item: stock is the SKU total, and a price of its own must lie within the SKU prices.
        /// </summary>
        private void ValidateSkus(ItemRow row, ItemDraft draft, decimal? givenPrice, long? givenQuantity, List<ItemFieldError> errors)
        {
            if (row.Skus.Count > ItemRules.MaxSkus)
                errors.Add(new ItemFieldError(ItemColumns.SkuOuterId, "the item has " + row.Skus.Count + " SKU rows; at most " + ItemRules.MaxSkus + " are allowed"));
            var outerIds = new Dictionary<string, ItemRow>(StringComparer.Ordinal);
            foreach (var skuRow in row.Skus)
            {
                var sku = new SkuDraft(skuRow);
                var where = skuRow.DescribeSku(null) + ": ";
                if (PriceOf(skuRow, Optional(skuRow.SkuPrice) ?? Optional(skuRow.Price), ItemColumns.SkuPrice, where, errors, out var cost) is decimal skuPrice) sku.Price = skuPrice;
                sku.Cost = cost;

                var skuQuantity = Optional(skuRow.SkuQuantity) ?? Optional(skuRow.Quantity);
                if (skuQuantity is null) AddSku(errors, ItemColumns.SkuQuantity, where, "is missing (give SKU库存, or 库存 on the SKU's row)");
                else if (ItemRules.TryParseQuantity(skuQuantity, out var value, out var problem)) sku.Quantity = value;
                else AddSku(errors, ItemColumns.SkuQuantity, where, problem!);

                if (Optional(skuRow.SkuOuterId) is string skuOuterId)
                {
                    if (ItemRules.GbkLength(skuOuterId) > ItemRules.MaxOuterIdBytes)
                        AddSku(errors, ItemColumns.SkuOuterId, where, "is " + ItemRules.GbkLength(skuOuterId) + " bytes long; at most " + ItemRules.MaxOuterIdBytes + " are allowed");
                    else if (skuOuterId.IndexOf(',') >= 0)
                        AddSku(errors, ItemColumns.SkuOuterId, where, "'" + skuOuterId + "' contains a comma, which sku_outer_ids cannot carry");
                    else if (outerIds.TryGetValue(skuOuterId, out var first))
                        AddSku(errors, ItemColumns.SkuOuterId, where, "'" + skuOuterId + "' repeats " + first.DescribeSku(null) + "; one SKU per SKU编码");
                    else outerIds[skuOuterId] = skuRow;
                    sku.OuterId = skuOuterId;
                }
                if (skuRow.SkuPicture() is string skuPicture) sku.Picture = Picture(skuPicture, ItemColumns.Picture, "颜色图片", where, errors);
                draft.Skus.Add(sku);
            }
            if (errors.Count > 0) return;

            var total = draft.Skus.Sum(s => s.Quantity);
            if (total > ItemRules.MaxQuantity)
                Add(errors, ItemColumns.Quantity, "would be the SKU total " + total + "; at most " + ItemRules.MaxQuantity + " is allowed");
            if (givenQuantity is long stock && stock != total)
                Add(errors, ItemColumns.Quantity, "'" + stock + "' is not the total of the SKU stocks (" + total + "); leave it empty or give the total");
            draft.Quantity = total;

            var low = draft.Skus.Min(s => s.Price);
            var high = draft.Skus.Max(s => s.Price);
            if (givenPrice is decimal itemPrice)
            {
                if (itemPrice < low || itemPrice > high)
                    Add(errors, ItemColumns.Price, ItemApi.Money(itemPrice) + " is outside the SKU prices " + ItemApi.Money(low) + " to " + ItemApi.Money(high) + "; Taobao requires the item price within them");
            }
            else
            {
                draft.Price = low;
            }
        }

        /// <summary>The price a row gives, or its 成本价 priced by <see cref="Rule"/>; an explicit price wins over a cost, with a warning.</summary>
        private decimal? PriceOf(ItemRow row, string? priceText, string field, string where, List<ItemFieldError> errors, out decimal? cost)
        {
            cost = null;
            var costText = Optional(row.Cost);
            if (Optional(priceText) is string text)
            {
                if (costText != null) Warn?.Invoke(row.Describe() + ": both a price (" + text + ") and a 成本价 (" + costText + ") are given; the price is used as it is.");
                if (ItemRules.TryParsePrice(text, out var value, out var problem)) return value;
                AddSku(errors, field, where, problem!);
                return null;
            }
            if (costText is null)
            {
                AddSku(errors, field, where, field == ItemColumns.SkuPrice ? "is missing (give SKU价格, 价格 or 成本价 on the SKU's row)" : "is missing");
                return null;
            }
            if (!Money.TryParse(costText, out var amount, out var costProblem) || !Money.HasAtMostTwoDecimals(amount))
            {
                AddSku(errors, ItemColumns.Cost, where, costProblem ?? "'" + costText + "' has more than 2 decimals");
                return null;
            }
            cost = amount;
            if (Rule is null)
            {
                AddSku(errors, ItemColumns.Cost, where, "is given without a price: give -PriceRule to price items from their cost, or a 价格");
                return null;
            }
            var price = Rule.PriceFor(amount);
            if (ItemRules.PriceProblem(price) is string outside)
            {
                AddSku(errors, ItemColumns.Cost, where, ItemApi.Money(amount) + " prices at " + outside + " by the rule (" + Rule + ")");
                return null;
            }
            return price;
        }

        private void AddSku(List<ItemFieldError> errors, string field, string where, string problem)
            => errors.Add(new ItemFieldError(field, where + (Headers != null && Headers.TryGetValue(field, out var header) ? header : ItemColumns.Describe(field)) + " " + problem));

        /// <summary>An extra picture cell: an http(s) URL, or a local file that passes the picture checks.</summary>
        private PictureSource? Picture(string text, string field, string column, string where, List<ItemFieldError> errors)
        {
            if (PictureCheck.IsUrl(text)) return PictureSource.FromUrl(text);
            var path = ResolvePicture(text);
            var problem = path is null ? "'" + text + "' is not a valid file path" : _pictures.Problem(path);
            if (problem is null) return PictureSource.FromFile(path!);
            errors.Add(new ItemFieldError(field, where + column + " " + problem));
            return null;
        }

        /// <summary>The picture's full path, or null where the runtime refuses the text as a path (.NET Framework throws
        /// for " &lt; &gt; | and a second colon).</summary>
        private string? ResolvePicture(string picture)
        {
            try
            {
                return _resolvePath(picture);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is System.IO.PathTooLongException)
            {
                return null;
            }
        }

        /// <summary>One message for the whole row: where it is, then each field and what is wrong with it.</summary>
        public static string Describe(ItemRow row, IReadOnlyList<ItemFieldError> errors)
        {
            var text = new StringBuilder(row.Describe()).Append(": ");
            for (var i = 0; i < errors.Count; i++)
            {
                if (i > 0) text.Append("; ");
                text.Append(errors[i].Message);
            }
            return text.Append('.').ToString();
        }

        private void CheckDecoding(ItemRow row, List<ItemFieldError> errors)
        {
            foreach (var (field, value) in new[]
            {
                (ItemColumns.Title, row.Title), (ItemColumns.Description, row.Description), (ItemColumns.State, row.State),
                (ItemColumns.City, row.City), (ItemColumns.OuterId, row.OuterId), (ItemColumns.StuffStatus, row.StuffStatus),
            })
            {
                if (value != null && value.IndexOf('\uFFFD') >= 0)
                {
                    Add(errors, field, "has bytes that are not text in the file's encoding (�): save the sheet as UTF-8 or give -Encoding");
                    return;
                }
            }
        }

        private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private string? Required(string? value, string field, List<ItemFieldError> errors)
        {
            var text = Optional(value);
            if (text is null) Add(errors, field, "is missing");
            return text;
        }

        private void Add(List<ItemFieldError> errors, string field, string problem)
            => errors.Add(new ItemFieldError(field, (Headers != null && Headers.TryGetValue(field, out var header) ? header : ItemColumns.Describe(field)) + " " + problem));
    }
}
