using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using MetadataExtractor;
using MetadataExtractor.Formats.Gif;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Util;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Items
{
    /// <summary>
    /// Checks a local picture against picture.upload's limits (png, jpg or gif, at most 3 MB) and, for a main
    /// picture, Taobao's minimum of 800×800. Results are cached per file, as sheets repeat pictures.
    /// </summary>
    public sealed class PictureCheck
    {
        public const long MaxBytes = 3 * 1024 * 1024;
        public const int MinSide = 800;

        private readonly ConcurrentDictionary<string, (string? Problem, int Width, int Height)> _facts = new ConcurrentDictionary<string, (string?, int, int)>(StringComparer.Ordinal);

        /// <summary>What keeps the file from being an item's main picture, or null.</summary>
        public string? Problem(string fullPath)
        {
            var (problem, width, height) = _facts.GetOrAdd(fullPath, Inspect);
            if (problem != null) return problem;
            return width < MinSide || height < MinSide ? CoreText.Format("PictureTooSmall", fullPath, width, height) : null;
        }

        /// <summary>What keeps the file from being uploaded to the picture space at all, or null.</summary>
        public string? UploadProblem(string fullPath) => _facts.GetOrAdd(fullPath, Inspect).Problem;

        public static bool IsUrl(string text)
            => text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

        private static (string?, int, int) Inspect(string path)
        {
            FileInfo file;
            try
            {
                file = new FileInfo(path);
                if (!file.Exists) return (CoreText.Format("PictureMissing", path), 0, 0);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return (CoreText.Format("NotAFilePath", path), 0, 0);
            }
            if (file.Length > MaxBytes) return (CoreText.Format("PictureTooLarge", path, file.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)), 0, 0);
            if (file.Length == 0) return (CoreText.Format("PictureEmpty", path), 0, 0);
            try
            {
                using (var stream = file.OpenRead())
                {
                    var type = FileTypeDetector.DetectFileType(stream);
                    if (type != FileType.Jpeg && type != FileType.Png && type != FileType.Gif) return (CoreText.Format("PictureWrongType", path), 0, 0);
                    stream.Position = 0;
                    var (width, height) = Size(type, ImageMetadataReader.ReadMetadata(stream));
                    return (null, width, height);
                }
            }
            catch (Exception ex) when (ex is ImageProcessingException || ex is MetadataException || ex is InvalidOperationException || ex is IOException || ex is UnauthorizedAccessException)
            {
                return (CoreText.Format("PictureUnreadable", path, ex.Message), 0, 0);
            }
        }

        private static (int Width, int Height) Size(FileType type, System.Collections.Generic.IReadOnlyList<MetadataExtractor.Directory> directories)
        {
            switch (type)
            {
                case FileType.Png:
                    var png = directories.OfType<PngDirectory>().First(d => d.ContainsTag(PngDirectory.TagImageWidth));
                    return (png.GetInt32(PngDirectory.TagImageWidth), png.GetInt32(PngDirectory.TagImageHeight));
                case FileType.Jpeg:
                    var jpeg = directories.OfType<JpegDirectory>().First();
                    return (jpeg.GetImageWidth(), jpeg.GetImageHeight());
                default:
                    var gif = directories.OfType<GifHeaderDirectory>().First();
                    return (gif.GetInt32(GifHeaderDirectory.TagImageWidth), gif.GetInt32(GifHeaderDirectory.TagImageHeight));
            }
        }
    }
}
