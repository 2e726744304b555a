using System.Collections.Generic;
using System.Linq;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Items
{
    /// <summary>One row of a product sheet as given: every field is text until it has been validated.</summary>
    public sealed class ItemRow
    {
        /// <summary>1 for the first data row.</summary>
        public int RowNumber { get; set; }

        /// <summary>The line of the CSV file the row starts on, when it came from a file.</summary>
        public int? LineNumber { get; set; }

        /// <summary>The record as given, attached to the row's result.</summary>
        public object? Source { get; set; }

        public string? Title { get; set; }

        public string? Price { get; set; }

        public string? Quantity { get; set; }

        public string? CategoryId { get; set; }

        public string? Description { get; set; }

        public string? OuterId { get; set; }

        /// <summary>A local file path or an http(s) URL.</summary>
        public string? Picture { get; set; }

        public string? State { get; set; }

        public string? City { get; set; }

        public string? StuffStatus { get; set; }

        /// <summary>运费模板ID: the freight template (postage_id) from Get-TaobaoFreightTemplate; seller-paid postage when empty.</summary>
        public string? FreightTemplateId { get; set; }

        /// <summary>成本价: the cost a -PriceRule turns into the price when the row gives none.</summary>
        public string? Cost { get; set; }

        /// <summary>SKU价格: this row's SKU price, when the row is a SKU of an item.</summary>
        public string? SkuPrice { get; set; }

        /// <summary>SKU库存.</summary>
        public string? SkuQuantity { get; set; }

        /// <summary>SKU编码: the SKU's own 商家编码.</summary>
        public string? SkuOuterId { get; set; }

        /// <summary>The columns that name no item field, by header: category properties (品牌, 材质, 颜色分类 …) among them.</summary>
        public IReadOnlyDictionary<string, string> Extra { get; set; } = new Dictionary<string, string>();

        /// <summary>The extra main pictures (主图2 … 主图5), by position 1 to 4, each a local path or an http(s) URL.</summary>
        public IEnumerable<(int Position, string Picture)> ExtraPictures()
        {
            foreach (var column in Extra)
            {
                if (ItemColumns.ExtraPicturePosition(column.Key) is int position && !string.IsNullOrWhiteSpace(column.Value)) yield return (position, column.Value.Trim());
            }
        }

        /// <summary>A SKU row's picture for its colour (颜色图片, SKU图片), or null.</summary>
        public string? SkuPicture()
        {
            foreach (var column in Extra)
            {
                if (ItemColumns.IsSkuPicture(column.Key) && !string.IsNullOrWhiteSpace(column.Value)) return column.Value.Trim();
            }
            return null;
        }

        /// <summary>The SKU rows of an item: rows sharing its 商家编码 (this row among them when it gives a SKU too).</summary>
        public List<ItemRow> Skus { get; } = new List<ItemRow>();

        /// <summary>The row gives a SKU of its own (SKU价格, SKU库存 or SKU编码).</summary>
        public bool HasSkuColumns => !string.IsNullOrWhiteSpace(SkuPrice) || !string.IsNullOrWhiteSpace(SkuQuantity) || !string.IsNullOrWhiteSpace(SkuOuterId);

        /// <summary>Sets a field by its name in <see cref="ItemColumns"/>.</summary>
        public void Set(string field, string? value)
        {
            switch (field)
            {
                case ItemColumns.Title: Title = value; break;
                case ItemColumns.Price: Price = value; break;
                case ItemColumns.Quantity: Quantity = value; break;
                case ItemColumns.CategoryId: CategoryId = value; break;
                case ItemColumns.Description: Description = value; break;
                case ItemColumns.OuterId: OuterId = value; break;
                case ItemColumns.Picture: Picture = value; break;
                case ItemColumns.State: State = value; break;
                case ItemColumns.City: City = value; break;
                case ItemColumns.StuffStatus: StuffStatus = value; break;
                case ItemColumns.Cost: Cost = value; break;
                case ItemColumns.FreightTemplateId: FreightTemplateId = value; break;
                case ItemColumns.SkuPrice: SkuPrice = value; break;
                case ItemColumns.SkuQuantity: SkuQuantity = value; break;
                case ItemColumns.SkuOuterId: SkuOuterId = value; break;
                default: throw new KeyNotFoundException(CoreText.Format("NotItemField", field));
            }
        }

        /// <summary>"line 12 (SKU 黑色/M)": a SKU row in messages about its item.</summary>
        public string DescribeSku(string? values)
        {
            var where = Where();
            if (!string.IsNullOrWhiteSpace(SkuOuterId)) return CoreText.Format("WhereSkuOuterId", where, SkuOuterId!.Trim());
            return string.IsNullOrEmpty(values) ? where : CoreText.Format("WhereSku", where, values);
        }

        /// <summary>"line 12" for a file row, "row 12" otherwise, with the outer_id or title when there is one.</summary>
        public string Describe()
        {
            var where = Where();
            if (!string.IsNullOrWhiteSpace(OuterId)) return CoreText.Format("WhereOuterId", where, OuterId!.Trim());
            if (!string.IsNullOrWhiteSpace(Title)) return CoreText.Format("WhereTitle", where, Title!.Trim());
            return where;
        }

        private string Where() => Where(RowNumber, LineNumber);

        /// <summary>"line 12" for a file row, "row 12" otherwise.</summary>
        public static string Where(int rowNumber, int? lineNumber) => lineNumber is int line ? CoreText.Format("SheetLine", line) : CoreText.Format("InputRow", rowNumber);
    }

    /// <summary>A row that passed validation: the values item.add is sent.</summary>
    public sealed class ItemDraft
    {
        public ItemDraft(ItemRow row)
        {
            Row = row;
        }

        public ItemRow Row { get; }

        public string Title { get; set; } = "";

        public decimal Price { get; set; }

        /// <summary>The cost the price was made from, when it was.</summary>
        public decimal? Cost { get; set; }

        public long Quantity { get; set; }

        public long CategoryId { get; set; }

        public string Description { get; set; } = "";

        public string? OuterId { get; set; }

        /// <summary>A URL to send as pic_path.</summary>
        public string? PictureUrl { get; set; }

        /// <summary>A local file (full path) to upload first; its picture URL becomes pic_path.</summary>
        public string? PictureFile { get; set; }

        public string State { get; set; } = "";

        public string City { get; set; } = "";

        public string StuffStatus { get; set; } = "new";

        /// <summary>The freight template (postage_id); none for seller-paid postage.</summary>
        public long? FreightTemplateId { get; set; }

        /// <summary>pid:vid;pid:vid of the enumerated category properties, set once the category's properties are known.</summary>
        public string? Props { get; set; }

        /// <summary>The properties given as free text: pids, and their values in the same order.</summary>
        public string? InputPids { get; set; }

        public string? InputStr { get; set; }

        /// <summary>pid:vid:name;… for the sale values listed under the sheet's own names (雾霾蓝 on a free colour value).</summary>
        public string? PropertyAlias { get; set; }

        /// <summary>The item's SKUs, in sheet order; empty for an item without variants.</summary>
        public List<SkuDraft> Skus { get; } = new List<SkuDraft>();

        /// <summary>The SKUs beyond what item.add takes, added after it with taobao.item.sku.add (<see cref="SkuSplit"/>).</summary>
        public List<SkuDraft> LaterSkus { get; } = new List<SkuDraft>();

        /// <summary>The SKUs item.add carries, in sheet order.</summary>
        public IEnumerable<SkuDraft> SkusInAdd => LaterSkus.Count == 0 ? Skus : Skus.Except(LaterSkus);

        /// <summary>Main pictures 2 to 5, attached with taobao.item.img.upload after the add.</summary>
        public List<(int Position, PictureSource Picture)> ExtraPictures { get; } = new List<(int, PictureSource)>();

        /// <summary>Pictures of sale-property values (a colour's picture), attached with taobao.item.propimg.upload: pid:vid → picture.</summary>
        public List<(string Properties, PictureSource Picture)> PropertyPictures { get; } = new List<(string, PictureSource)>();
    }

    /// <summary>A picture to upload: a local file (full path) or an http(s) URL to download first.</summary>
    public sealed class PictureSource
    {
        private PictureSource(string? file, string? url)
        {
            File = file;
            Url = url;
        }

        public string? File { get; }

        public string? Url { get; }

        public static PictureSource FromFile(string fullPath) => new PictureSource(fullPath, null);

        public static PictureSource FromUrl(string url) => new PictureSource(null, url);

        public override string ToString() => File ?? Url ?? string.Empty;
    }

    /// <summary>A validated SKU row: its price, stock and 商家编码, and its sale-property values as pid:vid once resolved.</summary>
    public sealed class SkuDraft
    {
        public SkuDraft(ItemRow row)
        {
            Row = row;
        }

        public ItemRow Row { get; }

        public decimal Price { get; set; }

        /// <summary>The cost the price was made from, when it was.</summary>
        public decimal? Cost { get; set; }

        public long Quantity { get; set; }

        public string? OuterId { get; set; }

        /// <summary>pid:vid;pid:vid.</summary>
        public string Properties { get; set; } = "";

        /// <summary>The values by name, 黑色/M, for messages and results.</summary>
        public string Name { get; set; } = "";

        /// <summary>The picture of this SKU's colour (颜色图片), if the row gives one.</summary>
        public PictureSource? Picture { get; set; }
    }

    /// <summary>One broken rule of one field.</summary>
    public sealed class ItemFieldError
    {
        public ItemFieldError(string field, string message)
        {
            Field = field;
            Message = message;
        }

        public string Field { get; }

        public string Message { get; }

        public override string ToString() => Message;
    }
}
