using System;
using System.IO;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>A file parameter, sent as a multipart part and never signed.</summary>
    public sealed class TopFile
    {
        public TopFile(string fileName, byte[] content, string? contentType = null)
        {
            FileName = string.IsNullOrEmpty(fileName) ? throw new ArgumentException(CoreText.Get("FileNameRequired"), nameof(fileName)) : fileName;
            Content = content ?? throw new ArgumentNullException(nameof(content));
            ContentType = contentType ?? GuessContentType(fileName);
        }

        public string FileName { get; }

        public byte[] Content { get; }

        public string ContentType { get; }

        public static TopFile FromPath(string path) => new TopFile(Path.GetFileName(path), File.ReadAllBytes(path));

        private static string GuessContentType(string fileName)
        {
            switch (Path.GetExtension(fileName).ToLowerInvariant())
            {
                case ".jpg":
                case ".jpeg": return "image/jpeg";
                case ".png": return "image/png";
                case ".gif": return "image/gif";
                case ".bmp": return "image/bmp";
                case ".webp": return "image/webp";
                default: return "application/octet-stream";
            }
        }

        public override string ToString() => $"{FileName} ({Content.Length:N0} bytes)";
    }
}
