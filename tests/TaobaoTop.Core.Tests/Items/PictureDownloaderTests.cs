using System.Net;
using System.Net.Sockets;
using System.Text;
using TaobaoTop.Core.Items;
using TaobaoTop.Tests.Items;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

/// <summary>Pictures given by http(s) URL: fetched whole when small enough, refused before they are all read when not.</summary>
public sealed class PictureDownloaderTests
{
    /// <summary>Answers one request on a free loopback port with the body, declaring its length or not.</summary>
    private static (string Url, Task Served) Serve(byte[] body, bool declareLength)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var served = Task.Run(async () =>
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync();
                using var stream = client.GetStream();
                var buffer = new byte[4096];
                var request = new StringBuilder();
                while (!request.ToString().Contains("\r\n\r\n")) request.Append(Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer)));
                var head = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\n" + (declareLength ? "Content-Length: " + body.Length + "\r\n" : string.Empty) + "\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                try
                {
                    await stream.WriteAsync(body);
                }
                catch (IOException)
                {
                    // The client hung up on a picture too large: what the test wants.
                }
            }
            finally
            {
                listener.Stop();
            }
        });
        return ("http://127.0.0.1:" + port + "/pictures/hoodie.png", served);
    }

    [Fact]
    public async Task A_small_picture_comes_whole_with_its_file_name()
    {
        var body = TestPictures.Png(800, 800);
        var (url, served) = Serve(body, declareLength: true);
        var file = await PictureDownloader.DownloadAsync(url, CancellationToken.None);
        Assert.Equal("hoodie.png", file.FileName);
        Assert.Equal(body, file.Content);
        await served;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_picture_over_the_cap_is_refused_whether_or_not_it_says_its_length(bool declareLength)
    {
        var (url, served) = Serve(new byte[5000], declareLength);
        var error = await Assert.ThrowsAsync<PictureDownloadException>(() => PictureDownloader.DownloadAsync(url, CancellationToken.None, maxBytes: 4096));
        Assert.Contains("at most 4096 are taken", error.Message);
        await served;
    }
}
