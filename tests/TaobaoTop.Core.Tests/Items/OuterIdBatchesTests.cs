using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using TaobaoTop.Core.Items;
using Xunit;

namespace TaobaoTop.Core.Tests.Items;

public class OuterIdBatchesTests
{
    private readonly List<(IReadOnlyCollection<string> OuterIds, TaskCompletionSource<Dictionary<string, long>> Answer)> _lookUps = new();

    private OuterIdBatches<int> NewBatches() => new(outerIds =>
    {
        var answer = new TaskCompletionSource<Dictionary<string, long>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _lookUps.Add((outerIds.ToList(), answer));
        return answer.Task;
    });

    [Fact]
    public void A_full_batch_is_looked_up_while_later_rows_are_still_added()
    {
        var batches = NewBatches();
        for (var row = 1; row <= 100; row++) batches.Add(row, "B-" + row);

        // Two look-ups of 40 are out before either answered; the last 20 rows wait for the sheet's end.
        Assert.Equal(2, _lookUps.Count);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => "B-" + i), _lookUps[0].OuterIds);
        Assert.Equal(Enumerable.Range(41, 40).Select(i => "B-" + i), _lookUps[1].OuterIds);
        Assert.Null(batches.TakeFinished());

        batches.Send();
        Assert.Equal(3, _lookUps.Count);
        Assert.Equal(3, batches.Waiting);
    }

    [Fact]
    public async Task Batches_come_back_in_input_order_whichever_answer_comes_first()
    {
        var batches = NewBatches();
        for (var row = 1; row <= 80; row++) batches.Add(row, "B-" + row);
        _lookUps[1].Answer.SetResult(new Dictionary<string, long> { ["B-41"] = 7 });

        Assert.Null(batches.TakeFinished());

        _lookUps[0].Answer.SetResult(new Dictionary<string, long>());
        var first = batches.TakeFinished()!;
        var second = batches.TakeFinished()!;
        Assert.Equal(Enumerable.Range(1, 40), first.Rows);
        Assert.Equal(Enumerable.Range(41, 40), second.Rows);
        Assert.Equal(7, (await second.Found!)["B-41"]);
        Assert.Null(batches.TakeFinished());
    }

    [Fact]
    public void Rows_without_outer_ids_keep_their_place_and_cost_no_call()
    {
        var batches = NewBatches();
        batches.Add(1, "A-1");
        batches.Add(2, null);
        batches.Add(3, "A-3");
        batches.Send();

        var batch = Assert.Single(_lookUps);
        Assert.Equal(new[] { "A-1", "A-3" }, batch.OuterIds);
        batch.Answer.SetResult(new Dictionary<string, long>());
        Assert.Equal(new[] { 1, 2, 3 }, batches.TakeFinished()!.Rows);
    }

    [Fact]
    public void Rows_that_need_no_look_up_go_on_in_groups_instead_of_waiting_for_the_end()
    {
        var batches = NewBatches();
        for (var row = 1; row <= 45; row++) batches.Add(row, null);

        Assert.Empty(_lookUps);
        Assert.Equal(Enumerable.Range(1, 40), batches.TakeFinished()!.Rows);
        Assert.Null(batches.TakeFinished());
    }

    [Fact]
    public void A_failed_look_up_is_its_batch_s_alone()
    {
        var batches = NewBatches();
        for (var row = 1; row <= 80; row++) batches.Add(row, "B-" + row);
        _lookUps[0].Answer.SetException(new InvalidOperationException("gateway down"));
        _lookUps[1].Answer.SetResult(new Dictionary<string, long>());

        Assert.True(batches.TakeFinished()!.Found!.IsFaulted);
        Assert.False(batches.TakeFinished()!.Found!.IsFaulted);
    }
}
