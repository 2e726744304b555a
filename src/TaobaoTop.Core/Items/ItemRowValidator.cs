using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TaobaoTop.Core.Resources;

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
                    Add(errors, ItemColumns.Title, "TitleTooLong", bytes);
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
                else AddProblem(errors, ItemColumns.Price, problem!);
            }

            var quantity = !itemLevel ? null : hasSkus ? Optional(row.Quantity) : Required(row.Quantity, ItemColumns.Quantity, errors);
            long? givenQuantity = null;
            if (quantity != null)
            {
                if (ItemRules.TryParseQuantity(quantity, out var value, out var problem)) givenQuantity = draft.Quantity = value;
                else AddProblem(errors, ItemColumns.Quantity, problem!);
            }
            if (hasSkus) ValidateSkus(row, draft, givenPrice, givenQuantity, errors);

            var category = Required(row.CategoryId, ItemColumns.CategoryId, errors);
            if (category != null)
            {
                if (long.TryParse(category, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cid) && cid > 0) draft.CategoryId = cid;
                else Add(errors, ItemColumns.CategoryId, "CategoryNotId", category);
            }

            var description = Required(row.Description, ItemColumns.Description, errors);
            if (description != null)
            {
                if (description.Length < ItemRules.MinDescriptionLength || description.Length > ItemRules.MaxDescriptionLength)
                    Add(errors, ItemColumns.Description, "DescriptionLength", description.Length);
                draft.Description = description;
            }

            draft.State = Required(row.State, ItemColumns.State, errors) ?? string.Empty;
            draft.City = Required(row.City, ItemColumns.City, errors) ?? string.Empty;

            if (Optional(row.StuffStatus) is string stuff)
            {
                var status = ItemRules.StuffStatus(stuff);
                if (status is null) Add(errors, ItemColumns.StuffStatus, "StuffStatusUnknown", stuff);
                else draft.StuffStatus = status;
            }

            if (Optional(row.FreightTemplateId) is string postage)
            {
                if (long.TryParse(postage, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var template) && template > 0) draft.FreightTemplateId = template;
                else Add(errors, ItemColumns.FreightTemplateId, "FreightTemplateNotId", postage);
            }

            if (Optional(row.OuterId) is string outerId)
            {
                if (ItemRules.GbkLength(outerId) > ItemRules.MaxOuterIdBytes) Add(errors, ItemColumns.OuterId, "OuterIdTooLong", ItemRules.GbkLength(outerId), ItemRules.MaxOuterIdBytes);
                else if (outerId.IndexOf(',') >= 0) Add(errors, ItemColumns.OuterId, "OuterIdComma", outerId);
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
                        AddProblem(errors, ItemColumns.Picture, CoreText.Format("NotAFilePath", picture));
                    }
                    else
                    {
                        var problem = _pictures.Problem(path);
                        if (problem != null) AddProblem(errors, ItemColumns.Picture, problem);
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
                errors.Add(new ItemFieldError(ItemColumns.SkuOuterId, CoreText.Format("TooManySkus", row.Skus.Count, ItemRules.MaxSkus)));
            var outerIds = new Dictionary<string, ItemRow>(StringComparer.Ordinal);
            foreach (var skuRow in row.Skus)
            {
                var sku = new SkuDraft(skuRow);
                var where = CoreText.Format("SkuWhere", skuRow.DescribeSku(null));
                if (PriceOf(skuRow, Optional(skuRow.SkuPrice) ?? Optional(skuRow.Price), ItemColumns.SkuPrice, where, errors, out var cost) is decimal skuPrice) sku.Price = skuPrice;
                sku.Cost = cost;

                var skuQuantity = Optional(skuRow.SkuQuantity) ?? Optional(skuRow.Quantity);
                if (skuQuantity is null) AddSku(errors, ItemColumns.SkuQuantity, where, "SkuQuantityMissing");
                else if (ItemRules.TryParseQuantity(skuQuantity, out var value, out var problem)) sku.Quantity = value;
                else AddSkuProblem(errors, ItemColumns.SkuQuantity, where, problem!);

                if (Optional(skuRow.SkuOuterId) is string skuOuterId)
                {
                    if (ItemRules.GbkLength(skuOuterId) > ItemRules.MaxOuterIdBytes)
                        AddSku(errors, ItemColumns.SkuOuterId, where, "SkuOuterIdTooLong", ItemRules.GbkLength(skuOuterId), ItemRules.MaxOuterIdBytes);
                    else if (skuOuterId.IndexOf(',') >= 0)
                        AddSku(errors, ItemColumns.SkuOuterId, where, "SkuOuterIdComma", skuOuterId);
                    else if (outerIds.TryGetValue(skuOuterId, out var first))
                        AddSku(errors, ItemColumns.SkuOuterId, where, "SkuOuterIdRepeats", skuOuterId, first.DescribeSku(null));
                    else outerIds[skuOuterId] = skuRow;
                    sku.OuterId = skuOuterId;
                }
                if (skuRow.SkuPicture() is string skuPicture) sku.Picture = Picture(skuPicture, ItemColumns.Picture, "颜色图片", where, errors);
                draft.Skus.Add(sku);
            }
            if (errors.Count > 0) return;

            var total = draft.Skus.Sum(s => s.Quantity);
            if (total > ItemRules.MaxQuantity)
                Add(errors, ItemColumns.Quantity, "SkuTotalTooLarge", total, ItemRules.MaxQuantity);
            if (givenQuantity is long stock && stock != total)
                Add(errors, ItemColumns.Quantity, "QuantityNotSkuTotal", stock, total);
            draft.Quantity = total;

            var low = draft.Skus.Min(s => s.Price);
            var high = draft.Skus.Max(s => s.Price);
            if (givenPrice is decimal itemPrice)
            {
                if (itemPrice < low || itemPrice > high)
                    Add(errors, ItemColumns.Price, "PriceOutsideSkuPrices", ItemApi.Money(itemPrice), ItemApi.Money(low), ItemApi.Money(high));
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
                if (costText != null) Warn?.Invoke(CoreText.Format("PriceAndCostGiven", row.Describe(), text, costText));
                if (ItemRules.TryParsePrice(text, out var value, out var problem)) return value;
                AddSkuProblem(errors, field, where, problem!);
                return null;
            }
            if (costText is null)
            {
                AddSku(errors, field, where, field == ItemColumns.SkuPrice ? "SkuPriceMissing" : "FieldMissing");
                return null;
            }
            if (!Money.TryParse(costText, out var amount, out var costProblem) || !Money.HasAtMostTwoDecimals(amount))
            {
                AddSkuProblem(errors, ItemColumns.Cost, where, costProblem ?? CoreText.Format("TooManyDecimals", costText));
                return null;
            }
            cost = amount;
            if (Rule is null)
            {
                AddSku(errors, ItemColumns.Cost, where, "CostWithoutRule");
                return null;
            }
            var price = Rule.PriceFor(amount);
            if (ItemRules.PriceProblem(price) is string outside)
            {
                AddSku(errors, ItemColumns.Cost, where, "CostPricedOutside", ItemApi.Money(amount), outside, Rule);
                return null;
            }
            return price;
        }

        /// <summary>A problem worded by the resource <paramref name="key"/>, whose {0} is the field's header and {1}… the <paramref name="arguments"/>.</summary>
        private void AddSku(List<ItemFieldError> errors, string field, string where, string key, params object?[] arguments)
            => errors.Add(new ItemFieldError(field, where + CoreText.Format(key, new object?[] { Header(field) }.Concat(arguments).ToArray())));

        /// <summary>A problem already worded (a parser's), after the field's header.</summary>
        private void AddSkuProblem(List<ItemFieldError> errors, string field, string where, string problem)
            => errors.Add(new ItemFieldError(field, where + CoreText.Format("FieldProblem", Header(field), problem)));

        private string Header(string field) => Headers != null && Headers.TryGetValue(field, out var header) ? header : ItemColumns.Describe(field);

        /// <summary>An extra picture cell: an http(s) URL, or a local file that passes the picture checks.</summary>
        private PictureSource? Picture(string text, string field, string column, string where, List<ItemFieldError> errors)
        {
            if (PictureCheck.IsUrl(text)) return PictureSource.FromUrl(text);
            var path = ResolvePicture(text);
            var problem = path is null ? CoreText.Format("NotAFilePath", text) : _pictures.Problem(path);
            if (problem is null) return PictureSource.FromFile(path!);
            errors.Add(new ItemFieldError(field, where + CoreText.Format("FieldProblem", column, problem)));
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
            return CoreText.Format("RowProblems", row.Describe(), string.Join(CoreText.Get("ProblemSeparator"), errors.Select(e => e.Message)));
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
                    Add(errors, field, "NotTextInEncoding");
                    return;
                }
            }
        }

        private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private string? Required(string? value, string field, List<ItemFieldError> errors)
        {
            var text = Optional(value);
            if (text is null) Add(errors, field, "FieldMissing");
            return text;
        }

        private void Add(List<ItemFieldError> errors, string field, string key, params object?[] arguments) => AddSku(errors, field, string.Empty, key, arguments);

        private void AddProblem(List<ItemFieldError> errors, string field, string problem) => AddSkuProblem(errors, field, string.Empty, problem);
    }
}
