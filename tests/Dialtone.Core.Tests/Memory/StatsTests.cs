using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;

namespace Dialtone.Core.Tests.Memory;

/// <summary>`dialtone stats` on a history whose numbers are known in advance.</summary>
public sealed class StatsTests : IDisposable
{
    private readonly History history = new();

    /// <summary>
    /// alpha (done, 3 h): a RED then GREEN on step-a; step-b passes, regresses, passes.
    /// beta (done, 30 min): one slow test, flaky at tree f1 (pass, fail, pass).
    /// gamma (open): one run that changed files at tree g1 after one that passed there.
    /// </summary>
    private static void Write(Store store)
    {
        var tickets = store.Tickets;
        var archive = store.Archive;
        var alpha = History.Ticket("alpha", "First", TicketStatus.Done, History.T0, ("step-a", "a", "make a"), ("step-b", "b", "make b"));
        var beta = History.Ticket("beta", "Second", TicketStatus.Done, History.T0.AddDays(1), ("slow", "s", "make slow"));
        var gamma = History.Ticket("gamma", "Third", TicketStatus.Open, History.T0.AddDays(2), ("stamp", "x", "make stamp"));
        foreach (var t in new[] { alpha, beta, gamma })
        {
            tickets.Save(t);
        }

        var at = History.T0;
        History.Run(store, "alpha", "step-a", "make a", 1, 100, "a1", at.AddMinutes(1));
        History.Run(store, "alpha", "step-a", "make a", 0, 200, "a2", at.AddMinutes(2));
        History.Run(store, "alpha", "step-b", "make b", 0, 300, "a3", at.AddMinutes(3));
        History.Run(store, "alpha", "step-b", "make b", 2, 400, "a4", at.AddMinutes(4));
        History.Run(store, "alpha", "step-b", "make b", 0, 500, "a5", at.AddMinutes(5));
        at = History.T0.AddDays(1);
        History.Run(store, "beta", "slow", "make slow", 0, 9000, "f1", at.AddMinutes(1));
        History.Run(store, "beta", "slow", "make slow", 1, 11000, "f1", at.AddMinutes(2));
        History.Run(store, "beta", "slow", "make slow", 0, 10000, "f1", at.AddMinutes(3));
        at = History.T0.AddDays(2);
        History.Run(store, "gamma", "stamp", "make stamp", 0, 50, "g1", at.AddMinutes(1));
        History.Run(store, "gamma", "stamp", "make stamp", 0, 60, "g1", at.AddMinutes(2), touched: true);

        store.InTransaction(() =>
        {
            archive.Write(alpha, null, null, [], History.T0.AddHours(3));
            archive.Write(beta, null, null, [], History.T0.AddDays(1).AddMinutes(30));
        });
    }

    [Fact]
    public void Stats_OfAKnownHistory_AreTheKnownNumbers()
    {
        using var store = history.Open();
        Write(store);

        var stats = store.Archive.Stats(null, 10);

        var t = stats.Totals;
        Assert.Equal((1L, 2L, 4L), (t.OpenTickets, t.DoneTickets, t.Subtasks));
        Assert.Equal((10L, 6L, 4L), (t.Runs, t.PassedRuns, t.FailedRuns));
        Assert.Equal(3L, t.Regressions); // step-b 2 after 0; slow 1 after 0; stamp after a pass (changed files)
        Assert.Equal(TimeSpan.FromMinutes(105), t.MedianCycle); // median of 3 h and 30 min

        Assert.Equal(["gamma", "beta", "alpha"], stats.Tickets.Select(s => s.Ticket)); // by done time, or last update while open
        var alpha = stats.Tickets.Single(s => s.Ticket == "alpha");
        Assert.Equal(TimeSpan.FromHours(3), alpha.Cycle);
        Assert.Equal((2L, 5L, 3L, 2L, 1L), (alpha.Subtasks, alpha.Runs, alpha.PassedRuns, alpha.FailedRuns, alpha.Regressions));
        Assert.Null(stats.Tickets.Single(s => s.Ticket == "gamma").Cycle);

        Assert.Equal(("beta", "slow", 10000L, 11000L, 3L), (stats.Slowest[0].Ticket, stats.Slowest[0].Subtask, stats.Slowest[0].MedianMs, stats.Slowest[0].MaxMs, stats.Slowest[0].Runs));
        Assert.Equal(["make slow", "make b", "make a", "make stamp"], stats.Slowest.Select(s => s.Command));

        Assert.Equal(2, stats.Flaky.Count);
        var stamp = stats.Flaky.Single(f => f.Command == "make stamp");
        Assert.Equal(("g1", 1L, 1L, 1L, "gamma/stamp"), (stamp.Tree, stamp.Passed, stamp.Failed, stamp.TouchedFiles, stamp.Where));
        var slow = stats.Flaky.Single(f => f.Command == "make slow");
        Assert.Equal(("f1", 2L, 1L, 0L), (slow.Tree, slow.Passed, slow.Failed, slow.TouchedFiles));

        Assert.Equal(["gamma/stamp", "beta/slow", "alpha/step-b"], stats.Regressions.Select(r => $"{r.Ticket}/{r.Subtask}"));
        Assert.Empty(stats.Subtasks);
    }

    [Fact]
    public void Stats_OfOneTicket_HaveItsSubtasks()
    {
        using var store = history.Open();
        Write(store);

        var stats = store.Archive.Stats("alpha", 10);

        Assert.Equal((0L, 1L, 5L, 1L), (stats.Totals.OpenTickets, stats.Totals.DoneTickets, stats.Totals.Runs, stats.Totals.Regressions));
        Assert.Equal(TimeSpan.FromHours(3), stats.Totals.MedianCycle);
        Assert.Equal(["step-a", "step-b"], stats.Subtasks.Select(s => s.Subtask));
        Assert.Equal((2L, 1L, 1L, 0L, 150L), (stats.Subtasks[0].Runs, stats.Subtasks[0].PassedRuns, stats.Subtasks[0].FailedRuns, stats.Subtasks[0].Regressions, stats.Subtasks[0].MedianMs));
        Assert.Equal((3L, 2L, 1L, 1L, 400L), (stats.Subtasks[1].Runs, stats.Subtasks[1].PassedRuns, stats.Subtasks[1].FailedRuns, stats.Subtasks[1].Regressions, stats.Subtasks[1].MedianMs));
        Assert.Empty(stats.Flaky);
        Assert.All(stats.Slowest, s => Assert.Equal("alpha", s.Ticket));
    }

    [Fact]
    public void Stats_OfAnEmptyStore_AreZeros()
    {
        using var store = history.Open();

        var stats = store.Archive.Stats(null, 10);

        Assert.Equal(new Dialtone.Core.Memory.StatsTotals(0, 0, 0, 0, 0, 0, 0, null), stats.Totals);
        Assert.Empty(stats.Tickets);
        Assert.Empty(stats.Slowest);
    }

    public void Dispose() => history.Dispose();
}
