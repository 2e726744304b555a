using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using MetadataExtractor;
using MetadataExtractor.Formats.Gif;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Util;

namespace TaobaoTop.Core.Items
{
    /// <summary>
    /// Checks a local picture against picture.upload's limits: png, jpg or gif, at most 3 MB, and at least 800×800
    /// (Taobao's main-picture minimum for zoom). Results are cached per file, as sheets repeat pictures.
    /// </summary>
    public sealed class PictureCheck
    {
        public const long MaxBytes = 3 * 1024 * 1024;
        public const int MinSide = 800;

        private readonly ConcurrentDictionary<string, string?> _problems = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);

        /// <summary>What is wrong with the file, or null when it may be uploaded.</summary>
        public string? Problem(string fullPath) => _problems.GetOrAdd(fullPath, Inspect);

        public static bool IsUrl(string text)
            => text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

        private static string? Inspect(string path)
        {
            FileInfo file;
            try
            {
                file = new FileInfo(path);
                if (!file.Exists) return "'" + path + "' does not exist";
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return "'" + path + "' is not a valid file path";
            }
            if (file.Length > MaxBytes) return "'" + path + "' is " + file.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes; the limit is 3 MB";
            if (file.Length == 0) return "'" + path + "' is empty";
            try
            {
                using (var stream = file.OpenRead())
                {
                    var type = FileTypeDetector.DetectFileType(stream);
                    if (type != FileType.Jpeg && type != FileType.Png && type != FileType.Gif) return "'" + path + "' is not a png, jpg or gif picture";
                    stream.Position = 0;
                    var (width, height) = Size(type, ImageMetadataReader.ReadMetadata(stream));
                    if (width < MinSide || height < MinSide) return "'" + path + "' is " + width + "×" + height + "; at least 800×800 is required";
                    return null;
                }
            }
            catch (Exception ex) when (ex is ImageProcessingException || ex is MetadataException || ex is InvalidOperationException || ex is IOException || ex is UnauthorizedAccessException)
            {
                return "'" + path + "' cannot be read as a picture: " + ex.Message;
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
