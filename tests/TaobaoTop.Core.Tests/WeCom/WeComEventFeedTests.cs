using System.Net;
using System.Text;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.WeCom;
using Xunit;

namespace TaobaoTop.Core.Tests.WeCom;

public class WeComEventFeedTests
{
    [Fact]
    public async Task A_receiver_behind_a_path_prefix_is_asked_under_that_prefix_with_the_bearer_token()
    {
        var asked = new List<(Uri Uri, string? Authorization)>();
        var handler = new Answering(request =>
        {
            asked.Add((request.RequestUri!, request.Headers.Authorization?.ToString()));
            var body = asked.Count == 1
                ? """{"events":[{"time":"2026-11-20T10:00:00+08:00","changeType":"del_follow_user","corpId":"ww1","userId":"s1","externalUserId":"wm1"}],"next":7}"""
                : """{"events":[],"next":7}""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        });
        var read = new List<WeComContactEvent>();
        using (var feed = new WeComEventFeed(new Uri("https://example.invalid/wecom"), new Secret("read-token-xyz"), handler))
        {
            await feed.ForEachAsync(0, read.Add);
        }
        Assert.Equal(new[] { "https://example.invalid/wecom/events?after=0", "https://example.invalid/wecom/events?after=7" }, asked.Select(a => a.Uri.ToString()));
        Assert.All(asked, a => Assert.Equal("Bearer read-token-xyz", a.Authorization));
        Assert.True(Assert.Single(read).IsDeparture);
    }

    private sealed class Answering(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer(request));
    }
}
