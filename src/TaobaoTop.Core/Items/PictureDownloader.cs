using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Items
{
    /// <summary>Fetches a picture given by http(s) URL, refusing one larger than Taobao takes before it is all read.</summary>
    public static class PictureDownloader
    {
        /// <summary>taobao.item.img.upload and taobao.picture.upload take at most 3 MB.</summary>
        public const long MaxBytes = 3 * 1024 * 1024;

        private static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

        public static async Task<TopFile> DownloadAsync(string url, CancellationToken cancellation, long maxBytes = MaxBytes)
        {
            using (var response = await Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false))
            {
                if (!response.IsSuccessStatusCode) throw new PictureDownloadException(url, CoreText.Format("PictureUrlHttp", (int)response.StatusCode));
                if (response.Content.Headers.ContentLength > maxBytes) throw new PictureDownloadException(url, CoreText.Format("PictureUrlTooLarge", response.Content.Headers.ContentLength, maxBytes));
                using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                using (var copy = new MemoryStream())
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = await stream.ReadAsync(buffer, 0, buffer.Length, cancellation).ConfigureAwait(false)) > 0)
                    {
                        if (copy.Length + read > maxBytes) throw new PictureDownloadException(url, CoreText.Format("PictureUrlMoreThan", maxBytes));
                        copy.Write(buffer, 0, read);
                    }
                    var name = Path.GetFileName(new Uri(url).AbsolutePath);
                    return new TopFile(string.IsNullOrEmpty(name) ? "picture.jpg" : name, copy.ToArray());
                }
            }
        }
    }

    /// <summary>A picture URL that could not be fetched, or was too large.</summary>
    public sealed class PictureDownloadException : Exception
    {
        public PictureDownloadException(string url, string problem)
            : base(CoreText.Format("PictureUrlProblem", url, problem))
        {
            Url = url;
        }

        public string Url { get; }
    }
}
