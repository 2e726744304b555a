using TaobaoTop.Core.Json;
using System;
using System.Text.Json;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop
{
    /// <summary>A picture in the seller's picture space (图片空间).</summary>
    public sealed class TaobaoPicture
    {
        public long PictureId { get; set; }

        public long? PictureCategoryId { get; set; }

        /// <summary>The URL to use as an item's <c>pic_path</c>.</summary>
        public string? PicturePath { get; set; }

        public string? Title { get; set; }

        /// <summary>Bytes.</summary>
        public long? Size { get; set; }

        /// <summary>Width x height, e.g. <c>800x800</c>.</summary>
        public string? Pixel { get; set; }

        public DateTimeOffset? Created { get; set; }

        /// <summary>The local file that was uploaded.</summary>
        public string? SourcePath { get; set; }

        public static TaobaoPicture FromJson(JsonElement picture, string? sourcePath = null) => new TaobaoPicture
        {
            PictureId = JsonFields.Long(picture, "picture_id") ?? 0,
            PictureCategoryId = JsonFields.Long(picture, "picture_category_id"),
            PicturePath = JsonFields.Text(picture, "picture_path"),
            Title = JsonFields.Text(picture, "title"),
            Size = JsonFields.Long(picture, "sizes"),
            Pixel = JsonFields.Text(picture, "pixel"),
            Created = JsonFields.Time(picture, "created"),
            SourcePath = sourcePath,
        };

        public override string ToString() => PicturePath ?? PictureId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
