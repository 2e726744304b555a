using System.Net;
using TaobaoTop.Emulator.Server;

namespace TaobaoTop.Emulator.Tests;

/// <summary>The server refuses request bodies larger than any real TOP call, instead of holding them in memory.</summary>
public sealed class ServerBodyLimitTests
{
    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_and_the_server_goes_on()
    {
        var options = ServerOptions.Parse(new[] { "--urls", "http://127.0.0.1:0" });
        using var emulator = new TopEmulator(options.Emulator);
        var app = EmulatorServer.Build(options, emulator);
        await app.StartAsync();
        await using (app)
        {
            var url = app.Urls.Single() + EmulatorDefaults.GatewayPath;
            using var http = new HttpClient();
            var big = new ByteArrayContent(new byte[EmulatorServer.MaxRequestBodyBytes + 1]);
            big.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
            try
            {
                using var refused = await http.PostAsync(url, big);
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            }
            catch (HttpRequestException)
            {
                // Kestrel answers 413 and closes the connection while the client is still uploading.
            }
            using var small = await http.PostAsync(url, new StringContent("a=1", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
            Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        }
    }
}
