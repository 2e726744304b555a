using TaobaoTop.Core.Affiliate.Orders;
using Xunit;

namespace TaobaoTop.Core.Tests.Affiliate;

/// <summary>Get-TbkOrder -Incremental's state file: never lost by a kill, never misread as a first run.</summary>
public sealed class OrderStateFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-orderstate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_state_file_is_never_missing_while_it_is_saved_again()
    {
        var path = Path.Combine(_folder, "orders.json");
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
        new IncrementalOrderState(start).Save(path);
        var saving = Task.Run(() => { for (var i = 1; i <= 300; i++) new IncrementalOrderState(start.AddMinutes(i)).Save(path); });
        while (!saving.IsCompleted)
        {
            Assert.NotNull(IncrementalOrderState.Load(path));
        }
        await saving;
        Assert.Equal(start.AddMinutes(300), IncrementalOrderState.Load(path)!.SyncedThrough);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Theory]
    [InlineData("{\"synced_through\":\"2026-11-")]
    [InlineData("")]
    public void A_half_written_state_file_is_an_error_that_names_it(string content)
    {
        var path = Path.Combine(_folder, "half.json");
        File.WriteAllText(path, content);
        var error = Assert.Throws<InvalidDataException>(() => IncrementalOrderState.Load(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_save_interrupted_before_the_rename_is_an_error_not_a_first_run()
    {
        var path = Path.Combine(_folder, "interrupted.json");
        File.WriteAllText(path + ".tmp", "{\"synced_through\":\"2026-11-02 00:00:00\",\"query_type\":\"modified\"}\n");
        var error = Assert.Throws<InvalidDataException>(() => IncrementalOrderState.Load(path));
        Assert.Contains(path + ".tmp", error.Message);
    }
}
