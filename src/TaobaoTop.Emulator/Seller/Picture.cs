using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using MetadataExtractor;
using MetadataExtractor.Formats.Gif;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Util;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Seller
{
    /// <summary>What an uploaded file turned out to be.</summary>
    internal sealed class ImageInfo
    {
        public ImageInfo(string extension, int width, int height)
        {
            Extension = extension;
            Width = width;
            Height = height;
        }

        public string Extension { get; }

        public int Width { get; }

        public int Height { get; }

        /// <summary>Reads format and size with MetadataExtractor; only the <paramref name="allowed"/> extensions (png, jpg, gif) pass.</summary>
        public static ImageInfo Read(UploadedFile file, string parameter, long maxBytes, params string[] allowed)
        {
            var info = Read(file, parameter, maxBytes);
            if (Array.IndexOf(allowed, info.Extension) < 0)
                throw UploadFail(parameter, "Only " + string.Join(", ", allowed) + " pictures are accepted here, got " + info.Extension + ".");
            return info;
        }

        private static ImageInfo Read(UploadedFile file, string parameter, long maxBytes)
        {
            if (file.Content.Length == 0) throw UploadFail(parameter, "The uploaded file is empty.");
            if (file.Content.Length > maxBytes)
                throw UploadFail(parameter, "The picture is " + file.Content.Length + " bytes; the limit is " + maxBytes + " bytes.");
            try
            {
                using var stream = new MemoryStream(file.Content, writable: false);
                var type = FileTypeDetector.DetectFileType(stream);
                stream.Position = 0;
                var directories = ImageMetadataReader.ReadMetadata(stream);
                switch (type)
                {
                    case FileType.Png:
                        var png = directories.OfType<PngDirectory>().First(d => d.ContainsTag(PngDirectory.TagImageWidth));
                        return new ImageInfo("png", png.GetInt32(PngDirectory.TagImageWidth), png.GetInt32(PngDirectory.TagImageHeight));
                    case FileType.Jpeg:
                        var jpeg = directories.OfType<JpegDirectory>().First();
                        return new ImageInfo("jpg", jpeg.GetImageWidth(), jpeg.GetImageHeight());
                    case FileType.Gif:
                        var gif = directories.OfType<GifHeaderDirectory>().First();
                        return new ImageInfo("gif", gif.GetInt32(GifHeaderDirectory.TagImageWidth), gif.GetInt32(GifHeaderDirectory.TagImageHeight));
                    default:
                        throw UploadFail(parameter, "Only png, jpg and gif pictures are accepted.");
                }
            }
            catch (Exception e) when (e is ImageProcessingException || e is MetadataException || e is InvalidOperationException || e is IOException)
            {
                throw UploadFail(parameter, "The file is not a readable png, jpg or gif picture.");
            }
        }

        private static TopApiException UploadFail(string parameter, string why)
            => new TopApiException(3, "Upload Fail", "isv.invalid-parameter:" + parameter, why);
    }

    internal sealed class Picture
    {
        public long PictureId { get; set; }
        public long PictureCategoryId { get; set; }
        public string Nick { get; set; } = "";
        public string Path { get; set; } = "";
        public string Title { get; set; } = "";
        public long Sizes { get; set; }
        public int Width { get; set; }
        public int Height { get; set; }
        public DateTimeOffset Created { get; set; }

        public JsonObject ToJson() => new JsonObject
        {
            ["picture_id"] = PictureId,
            ["picture_category_id"] = PictureCategoryId,
            ["picture_path"] = Path,
            ["title"] = Title,
            ["sizes"] = Sizes,
            ["pixel"] = Width + "x" + Height,
            ["status"] = "pass",
            ["deleted"] = "unfroze",
            ["uid"] = SessionStore.UserIdOf(Nick),
            ["created"] = TopTime.ToText(Created),
            ["modified"] = TopTime.ToText(Created),
        };

        public JsonObject ToState()
        {
            var json = ToJson();
            json["nick"] = Nick;
            json["width"] = Width;
            json["height"] = Height;
            return json;
        }

        public static Picture FromState(JsonNode node) => new Picture
        {
            PictureId = (long)node["picture_id"]!,
            PictureCategoryId = (long)node["picture_category_id"]!,
            Nick = (string)node["nick"]!,
            Path = (string)node["picture_path"]!,
            Title = (string)node["title"]!,
            Sizes = (long)node["sizes"]!,
            Width = (int)node["width"]!,
            Height = (int)node["height"]!,
            Created = TopTime.TryParse((string)node["created"]!, out var created) ? created : throw new FormatException("Bad picture time in the state file."),
        };
    }
}
