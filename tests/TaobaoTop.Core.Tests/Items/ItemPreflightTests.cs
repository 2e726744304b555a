using System.Net;
using System.Text;
using TaobaoTop.Core.Items;
using TaobaoTop.Core.Protocol;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

/// <summary>The reads a listing makes before its first add: at a slow gateway each round trip is time the quota idles.</summary>
public sealed class ItemPreflightTests
{
    /// <summary>Answers itemcats.get only once itemprops.get has been asked, or after two seconds.</summary>
    private sealed class PropertiesFirstGateway : HttpMessageHandler
    {
        private readonly TaskCompletionSource _propertiesAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool AskedTogether { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = ReceivedRequest.Decode(await request.Content!.ReadAsStringAsync(cancellationToken));
            var method = form.TryGetValue("method", out var m) ? m : ReceivedRequest.Decode(request.RequestUri!.Query.TrimStart('?'))["method"];
            if (method == "taobao.itemprops.get")
            {
                _propertiesAsked.TrySetResult();
                return Json("{\"itemprops_get_response\":{\"item_props\":{\"item_prop\":[]}}}");
            }
            AskedTogether = await Task.WhenAny(_propertiesAsked.Task, Task.Delay(2000, cancellationToken)) == _propertiesAsked.Task;
            return Json("{\"itemcats_get_response\":{\"item_cats\":{\"item_cat\":[{\"cid\":50000436,\"name\":\"T恤\",\"is_parent\":false}]}}}");
        }

        private static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    [Fact]
    public async Task A_new_category_is_looked_up_and_its_properties_asked_for_at_once()
    {
        var gateway = new PropertiesFirstGateway();
        var options = new TopClientOptions("12345678", new Secret("app-secret-for-tests"))
        {
            Endpoint = new Uri("http://gateway.test/router/rest"),
            Session = new Secret("session-for-tests"),
            Qps = 0,
        };
        using var client = new TopClient(options, gateway);
        var errors = new List<ItemFieldError>();
        var draft = new ItemRowValidator(p => p).Validate(new ItemRow
        {
            RowNumber = 1, Title = "纯棉短袖T恤", CategoryId = "50000436", Description = "纯棉面料，舒适透气", OuterId = "PRE-1",
            State = "浙江", City = "杭州", Price = "59.90", Quantity = "5",
        }, errors);

        await new ItemPreflight(client).CheckAsync(draft!, errors, CancellationToken.None);

        Assert.Empty(errors);
        Assert.True(gateway.AskedTogether, "itemprops.get was asked only after itemcats.get had been answered.");
    }
}
