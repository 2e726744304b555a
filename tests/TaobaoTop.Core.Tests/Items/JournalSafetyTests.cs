using System.Diagnostics;
using TaobaoTop.Core.Items;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

/// <summary>A journal is one run's: held exclusively, and a write to it that fails stops the run.</summary>
public sealed class JournalSafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-journal-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_second_open_of_a_held_journal_is_refused_and_names_the_process_that_holds_it()
    {
        var path = Path.Combine(_folder, "run.jsonl");
        using var first = ItemJournal.Open(path);
        first.Record(new ItemJournalEntry { Key = "outer_id:A", Status = "Added", NumIid = 1 });

        var refused = Assert.Throws<ItemJournalInUseException>(() => ItemJournal.Open(path));
        Assert.Contains(path, refused.Message);
        Assert.Contains("process " + Environment.ProcessId, refused.Message);
        Assert.Contains(Environment.MachineName, refused.Message);
        // The journal stays readable by others while it is held (progress scripts, Get-Content -Wait).
        Assert.Contains("outer_id:A", File.ReadAllText(path));
    }

    [Fact]
    public void A_closed_journal_refuses_a_Sending_line_so_no_row_is_sent_unjournaled_but_takes_the_outcome_of_a_call_in_flight()
    {
        var path = Path.Combine(_folder, "stopped.jsonl");
        var journal = ItemJournal.Open(path);
        journal.Record(new ItemJournalEntry { Key = "outer_id:A", Status = ItemJournal.Sending });
        // A stopped run closes its journal while rows may still be on their way to a call slot.
        journal.Dispose();

        Assert.ThrowsAny<OperationCanceledException>(() => journal.Record(new ItemJournalEntry { Key = "outer_id:B", Status = ItemJournal.Sending }));
        journal.Record(new ItemJournalEntry { Key = "outer_id:A", Status = "Added", NumIid = 1 });
        Assert.DoesNotContain("outer_id:B", File.ReadAllText(path));
    }

    [Fact]
    public void A_journal_is_free_again_once_its_run_closes_it()
    {
        var path = Path.Combine(_folder, "again.jsonl");
        using (var first = ItemJournal.Open(path))
        {
            first.Record(new ItemJournalEntry { Key = "outer_id:A", Status = "Added", NumIid = 1 });
        }
        using var second = ItemJournal.Open(path);
        Assert.Equal(1, second.PriorEntries);
        Assert.True(second.Find("outer_id:A")!.IsDone);
    }

    [Fact]
    public void A_journal_line_holds_the_rows_facts_not_properties_computed_from_them()
    {
        var path = Path.Combine(_folder, "facts.jsonl");
        using (var journal = ItemJournal.Open(path))
        {
            journal.Record(new ItemJournalEntry { Key = "outer_id:A", Status = "Added", NumIid = 1 });
        }
        var text = File.ReadAllText(path);
        Assert.DoesNotContain("IsDone", text);
        Assert.DoesNotContain("IsOpen", text);
    }
}
