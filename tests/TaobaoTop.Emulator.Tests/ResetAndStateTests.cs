using TaobaoTop.Tests.Items;
using System.Text.Json.Nodes;

namespace TaobaoTop.Emulator.Tests;

public class ResetAndStateTests
{
    private static readonly Dictionary<string, string> AllOnSale = new() { ["fields"] = "num_iid,title,price,num,cid,created,list_time", ["page_size"] = "200" };

    private static Dictionary<string, string> NewItem() => new()
    {
        ["num"] = "3", ["price"] = "5.00", ["type"] = "fixed", ["stuff_status"] = "new", ["title"] = "状态测试",
        ["desc"] = "<p>状态文件测试商品</p>", ["location.state"] = "浙江", ["location.city"] = "杭州", ["cid"] = "50000671",
    };

    [Fact]
    public async Task Same_seed_and_clock_give_identical_answers()
    {
        using var first = new Harness(o => o.Seed = 11);
        using var second = new Harness(o => o.Seed = 11);
        using var other = new Harness(o => o.Seed = 12);
        var a = (await first.Caller.CallAsync("taobao.items.onsale.get", AllOnSale)).ToJsonString();
        Assert.Equal(a, (await second.Caller.CallAsync("taobao.items.onsale.get", AllOnSale)).ToJsonString());
        Assert.NotEqual(a, (await other.Caller.CallAsync("taobao.items.onsale.get", AllOnSale)).ToJsonString());
    }

    [Fact]
    public async Task Reset_puts_state_ids_and_stats_back_to_the_seed()
    {
        using var harness = new Harness();
        var before = (await harness.Caller.CallAsync("taobao.items.onsale.get", AllOnSale)).ToJsonString();
        var added = (long)(await harness.Caller.CallAsync("taobao.item.add", NewItem()))["item_add_response"]!["item"]!["num_iid"]!;

        harness.Emulator.Reset();
        Assert.Equal(0, harness.Emulator.Stats.Requests);
        Assert.Equal(before, (await harness.Caller.CallAsync("taobao.items.onsale.get", AllOnSale)).ToJsonString());
        var again = (long)(await harness.Caller.CallAsync("taobao.item.add", NewItem()))["item_add_response"]!["item"]!["num_iid"]!;
        Assert.Equal(added, again);
    }

    [Fact]
    public async Task Reset_with_another_seed_changes_the_demo_data()
    {
        using var harness = new Harness();
        var before = (await harness.Caller.CallAsync("taobao.items.onsale.get", AllOnSale))["items_onsale_get_response"]!["items"]!.ToJsonString();
        harness.Emulator.Reset(99);
        var after = (await harness.Caller.CallAsync("taobao.items.onsale.get", AllOnSale))["items_onsale_get_response"]!["items"]!.ToJsonString();
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task State_file_keeps_member_groups_across_restarts()
    {
        var path = Path.Combine(Path.GetTempPath(), "taobaotop-emulator-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            long groupId;
            using (var harness = new Harness(o => o.StatePath = path))
            {
                var created = await harness.Caller.CallAsync("taobao.tbk.sc.membergroup.optional", new Dictionary<string, string> { ["tb_num_ids"] = "2201234567901,2201234567902" });
                groupId = (long)created["tbk_sc_membergroup_optional_response"]!["data"]!["member_group_id"]!;
            }
            using var restarted = new Harness(o => o.StatePath = path);
            var read = await restarted.Caller.CallAsync("taobao.tbk.sc.membergroup.optional", new Dictionary<string, string> { ["member_group_id"] = groupId.ToString() });
            Assert.Equal("2201234567901,2201234567902", (string?)read["tbk_sc_membergroup_optional_response"]!["data"]!["tb_num_ids"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task State_file_keeps_items_and_tokens_across_restarts()
    {
        var path = Path.Combine(Path.GetTempPath(), "taobaotop-emulator-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            long numIid;
            string accessToken;
            using (var harness = new Harness(o => o.StatePath = path))
            {
                numIid = (long)(await harness.Caller.CallAsync("taobao.item.add", NewItem()))["item_add_response"]!["item"]!["num_iid"]!;
                await harness.Caller.UploadAsync("taobao.item.img.upload", new Dictionary<string, string> { ["num_iid"] = numIid.ToString() }, "image", "a.png", TestPictures.Png(3, 3));
                var token = await harness.Caller.CallAsync("taobao.top.auth.token.create", new Dictionary<string, string> { ["code"] = EmulatorDefaults.DemoAuthCode });
                accessToken = (string)JsonNode.Parse((string)token["top_auth_token_create_response"]!["token_result"]!)!["access_token"]!;
            }
            Assert.True(File.Exists(path));

            using var restarted = new Harness(o => o.StatePath = path);
            restarted.Caller.Session = accessToken;
            var item = Answers.Success(await restarted.Caller.CallAsync("taobao.item.seller.get",
                new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["fields"] = "title,price,item_img" }), "item_seller_get_response")["item"]!;
            Assert.Equal("状态测试", (string?)item["title"]);
            Assert.Single(item["item_imgs"]!["item_img"]!.AsArray());
            Assert.Equal("5.00", (string?)item["price"]);
            var next = (long)(await restarted.Caller.CallAsync("taobao.item.add", NewItem()))["item_add_response"]!["item"]!["num_iid"]!;
            Assert.Equal(numIid + 1, next);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task State_file_keeps_messages_permits_and_confirmations_across_restarts()
    {
        var path = Path.Combine(Path.GetTempPath(), "taobaotop-emulator-" + Guid.NewGuid().ToString("N") + ".json");
        static async Task<long[]> ConsumeAsync(Harness harness) =>
            ((await harness.Caller.CallAsync("taobao.tmc.messages.consume", new Dictionary<string, string> { ["group_name"] = "listing" }))
                ["tmc_messages_consume_response"]!["messages"]?["tmc_message"]?.AsArray().Select(m => (long)m!["id"]!).ToArray()) ?? [];
        try
        {
            long[] published;
            using (var harness = new Harness(o => o.StatePath = path))
            {
                Answers.Success(await harness.Caller.CallAsync("taobao.tmc.user.permit", new Dictionary<string, string> { ["topics"] = "taobao_item_ItemAdd" }), "tmc_user_permit_response");
                await harness.Caller.CallAsync("taobao.item.add", NewItem());
                await harness.Caller.CallAsync("taobao.item.add", NewItem());
                published = await ConsumeAsync(harness);
                Assert.Equal(2, published.Length);
                await harness.Caller.CallAsync("taobao.tmc.messages.confirm", new Dictionary<string, string> { ["group_name"] = "listing", ["s_message_ids"] = published[0].ToString() });
            }

            using var restarted = new Harness(o => o.StatePath = path);
            // The unconfirmed message comes again; the permit still holds, and a new message gets a new id.
            await restarted.Caller.CallAsync("taobao.item.add", NewItem());
            var again = await ConsumeAsync(restarted);
            Assert.Equal(2, again.Length);
            Assert.Equal(published[1], again[0]);
            Assert.True(again[1] > published[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Concurrent_calls_are_all_answered_and_counted()
    {
        using var harness = new Harness();
        var calls = Enumerable.Range(0, 2000).Select(i => i % 10 == 0
            ? harness.Caller.CallAsync("taobao.item.add", NewItem())
            : harness.Caller.CallAsync("taobao.items.onsale.get", new Dictionary<string, string> { ["fields"] = "num_iid", ["page_size"] = "5" }));
        var answers = await Task.WhenAll(calls);
        Assert.All(answers, a => Assert.False(a.ContainsKey("error_response"), a.ToJsonString()));
        var stats = harness.Emulator.Stats;
        Assert.Equal(2000, stats.Requests);
        Assert.Equal(2000, stats.Successes);
        Assert.Equal(200, stats.CallsTo("taobao.item.add"));
        var ids = answers.Where(a => a.ContainsKey("item_add_response")).Select(a => (long)a["item_add_response"]!["item"]!["num_iid"]!).ToList();
        Assert.Equal(200, ids.Distinct().Count());
    }
}
