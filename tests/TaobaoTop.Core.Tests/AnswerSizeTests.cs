using System.Net;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Protocol;
using Xunit;

namespace TaobaoTop.Core.Tests;

/// <summary>An answer larger than the cap is an error, read no further than the cap.</summary>
public sealed class AnswerSizeTests
{
    /// <summary>An endless body that counts what was read of it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Consumed { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Consumed == 0 && count > 0) { buffer[offset] = (byte)'{'; Consumed = 1; return 1; }
            Array.Fill(buffer, (byte)' ', offset, count);
            Consumed += count;
            return count;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Consumed; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task An_answer_over_the_cap_is_an_error_that_names_the_cap_and_is_not_read_to_its_end()
    {
        var body = new EndlessStream();
        var gateway = new ScriptedGateway().Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });
        using var client = new TopClient(new TopClientOptions("12345678", new Secret("app-secret-value"))
        {
            Endpoint = new Uri("http://gateway.test/router/rest"), Session = new Secret("s"), Qps = 0, MaxAnswerBytes = 1024 * 1024,
        }, gateway);
        var error = await Assert.ThrowsAsync<TopResponseException>(() => client.InvokeAsync(new TopRequest("taobao.items.onsale.get").With("fields", "num_iid")));
        Assert.Contains("1 MB", error.Message);
        Assert.InRange(body.Consumed, 1024 * 1024, 2 * 1024 * 1024);
    }

    [Fact]
    public void The_default_cap_is_well_above_any_real_answer()
        => Assert.Equal(64L * 1024 * 1024, new TopClientOptions("12345678", new Secret("x")).MaxAnswerBytes);
}
