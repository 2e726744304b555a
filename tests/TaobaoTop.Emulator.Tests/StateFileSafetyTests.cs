using System.Text.Json.Nodes;

namespace TaobaoTop.Emulator.Tests;

/// <summary>The --state-file survives a kill at any point, and a bad one is one clear error.</summary>
public sealed class StateFileSafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-state-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, string> NewItem(string outerId) => new()
    {
        ["num"] = "3", ["price"] = "5.00", ["type"] = "fixed", ["stuff_status"] = "new", ["title"] = "状态测试 " + outerId,
        ["desc"] = "<p>状态文件测试商品</p>", ["location.state"] = "浙江", ["location.city"] = "杭州", ["cid"] = "50000671", ["outer_id"] = outerId,
    };

    [Fact]
    public async Task An_answered_item_add_is_already_in_the_state_file_when_the_answer_leaves()
    {
        var path = Path.Combine(_folder, "state.json");
        using var harness = new Harness(o => o.StatePath = path);
        await harness.Caller.CallAsync("taobao.item.add", NewItem("KILL-1"));
        // A kill -9 now loses nothing the client was told: no waiting, no Dispose.
        Assert.Contains("KILL-1", File.ReadAllText(path));
    }

    [Fact]
    public async Task The_state_file_is_replaced_whole_never_missing_or_half_written_while_saved()
    {
        var path = Path.Combine(_folder, "swap.json");
        using var harness = new Harness(o => o.StatePath = path);
        var stateFile = new StateFile(path, harness.Emulator.Modules);
        stateFile.Save();
        var saving = Task.Run(() => { for (var i = 0; i < 300; i++) stateFile.Save(); });
        var seen = 0;
        while (!saving.IsCompleted)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (FileNotFoundException)
            {
                Assert.Fail("the state file was missing while it was being saved");
                return;
            }
            Assert.NotNull(JsonNode.Parse(text));
            seen++;
        }
        await saving;
        Assert.True(seen > 0);
    }

    [Theory]
    [InlineData("{\"SellerModule\":{\"items\":[{\"num_iid\":1,")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"SellerModule\":{\"items\":\"not a list\"}}")]
    public void A_corrupt_state_file_is_one_error_that_names_it(string content)
    {
        var path = Path.Combine(_folder, "corrupt.json");
        File.WriteAllText(path, content);
        var error = Assert.Throws<InvalidDataException>(() => new TopEmulator(new EmulatorOptions { StatePath = path }));
        Assert.Contains(path, error.Message);
    }
}
