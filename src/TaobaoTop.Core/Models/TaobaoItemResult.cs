using System;

namespace TaobaoTop
{
    /// <summary>What became of one row given to Add-TaobaoItem.</summary>
    public enum TaobaoItemStatus
    {
        /// <summary>item.add created the item in this run.</summary>
        Added,

        /// <summary>An item with the row's outer_id was already in the shop (in this run or the journal's); NumIid is that item's id.</summary>
        Skipped,

        /// <summary>The journal says an earlier run added it; nothing was sent.</summary>
        AddedEarlier,

        /// <summary>The row broke a rule of the platform; nothing was sent.</summary>
        Invalid,

        /// <summary>The gateway refused the row or kept failing.</summary>
        Failed,
    }

    /// <summary>One row's outcome, with the row attached so results join back to the sheet.</summary>
    public sealed class TaobaoItemResult
    {
        /// <summary>1 for the first data row given.</summary>
        public int RowNumber { get; set; }

        /// <summary>The row's line in the CSV file (with -Path).</summary>
        public int? LineNumber { get; set; }

        public TaobaoItemStatus Status { get; set; }

        public long? NumIid { get; set; }

        public string? OuterId { get; set; }

        public string? Title { get; set; }

        public decimal? Price { get; set; }

        public long? Quantity { get; set; }

        /// <summary>The cost (成本价) the price was made from by -PriceRule, when it was.</summary>
        public decimal? Cost { get; set; }

        /// <summary>How many SKUs the item has; 0 for an item without variants.</summary>
        public int SkuCount { get; set; }

        /// <summary>The picture URL sent as pic_path (an uploaded local file's picture-space URL).</summary>
        public string? PictureUrl { get; set; }

        public DateTimeOffset? Created { get; set; }

        /// <summary>item.add calls made for this row in this run.</summary>
        public int Attempts { get; set; }

        /// <summary>Why the row was not added; null when it was.</summary>
        public string? Error { get; set; }

        /// <summary>The field at fault for an invalid row.</summary>
        public string? Field { get; set; }

        /// <summary>The input record as given (a pipeline object, or the CSV row's columns).</summary>
        public object? Row { get; set; }

        /// <summary>"line 12" with a file, "row 12" otherwise.</summary>
        public string Where => LineNumber is int line ? "line " + line : "row " + RowNumber;

        public override string ToString() => Where + ": " + Status + (NumIid is long id ? " " + id : string.Empty) + (Error is null ? string.Empty : " (" + Error + ")");
    }
}
