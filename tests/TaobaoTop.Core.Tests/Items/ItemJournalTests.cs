using TaobaoTop.Core.Items;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

public sealed class ItemJournalTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "taobaotop-journal-" + Guid.NewGuid() + ".jsonl");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void The_last_line_for_a_row_wins_when_the_journal_is_opened_again()
    {
        using (var journal = ItemJournal.Open(_path))
        {
            journal.Record(new ItemJournalEntry { Key = "outer_id:A", Status = ItemJournal.Sending, Existing = new[] { 5L } });
            journal.Record(new ItemJournalEntry { Key = "outer_id:A", Status = "Added", NumIid = 700000000000000123 });
            journal.Record(new ItemJournalEntry { Key = "outer_id:B", Status = ItemJournal.Sending, Existing = new[] { 9L } });
        }
        using var reopened = ItemJournal.Open(_path);
        Assert.Equal(2, reopened.PriorEntries);
        Assert.True(reopened.Find("outer_id:A")!.IsDone);
        Assert.Equal(700000000000000123, reopened.Find("outer_id:A")!.NumIid);
        Assert.True(reopened.Find("outer_id:B")!.IsOpen);
        Assert.Equal(new[] { 9L }, reopened.Find("outer_id:B")!.Existing);
        Assert.Null(reopened.Find("outer_id:C"));
    }

    [Fact]
    public void A_line_cut_off_by_a_kill_is_ignored_and_does_not_swallow_the_next_one()
    {
        File.WriteAllText(_path, "{\"key\":\"outer_id:A\",\"status\":\"Added\",\"num_iid\":1}\n{\"key\":\"outer_id:B\",\"sta");
        using (var journal = ItemJournal.Open(_path))
        {
            Assert.Null(journal.Find("outer_id:B"));
            journal.Record(new ItemJournalEntry { Key = "outer_id:C", Status = "Added", NumIid = 3 });
        }
        using var reopened = ItemJournal.Open(_path);
        Assert.True(reopened.Find("outer_id:A")!.IsDone);
        Assert.True(reopened.Find("outer_id:C")!.IsDone);
    }

    [Fact]
    public void Chinese_is_written_as_text_and_each_record_is_on_disk_before_the_next()
    {
        using var journal = ItemJournal.Open(_path);
        journal.Record(new ItemJournalEntry { Key = "outer_id:甲", Status = "Added", Title = "纯棉T恤" });
        using var read = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var text = new StreamReader(read).ReadToEnd();
        Assert.Contains("\"title\":\"纯棉T恤\"", text);
    }
}
