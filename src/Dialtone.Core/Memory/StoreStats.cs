namespace Dialtone.Core.Memory;

/// <summary>What `dialtone stats` reports, read from the store: cycle times, run outcomes, slow and flaky tests.</summary>
public sealed record StoreStats(
    StatsTotals Totals,
    IReadOnlyList<TicketStats> Tickets,
    IReadOnlyList<SubtaskStats> Subtasks,
    IReadOnlyList<SlowTest> Slowest,
    IReadOnlyList<FlakyCommand> Flaky,
    IReadOnlyList<RegressionRun> Regressions);

/// <summary>Counts over the tickets in scope; the median cycle time is over done tickets (null when none).</summary>
public sealed record StatsTotals(long OpenTickets, long DoneTickets, long Subtasks, long Runs, long PassedRuns, long FailedRuns, long Regressions, TimeSpan? MedianCycle);

/// <summary>One ticket: created → done is its cycle time (null while open).</summary>
public sealed record TicketStats(string Ticket, string Status, DateTimeOffset CreatedAt, DateTimeOffset? DoneAt, long Subtasks, long Runs, long PassedRuns, long FailedRuns, long Regressions)
{
    public TimeSpan? Cycle => DoneAt - CreatedAt;
}

/// <summary>Run outcomes of one subtask (shown for one ticket).</summary>
public sealed record SubtaskStats(string Ticket, string Subtask, long Runs, long PassedRuns, long FailedRuns, long Regressions, long MedianMs);

/// <summary>A test command by its typical duration over all its runs.</summary>
public sealed record SlowTest(string Ticket, string Subtask, string Command, long Runs, long MedianMs, long MaxMs);

/// <summary>
/// A test command that both passed and failed at the same snapshot tree: flaky, or not idempotent
/// (<see cref="TouchedFiles"/>: a failure that exited 0 but changed files).
/// </summary>
public sealed record FlakyCommand(string Command, string Tree, long Passed, long Failed, long TouchedFiles, string Where);

/// <summary>A run that failed after the same command had passed.</summary>
public sealed record RegressionRun(long RunId, string Ticket, string Subtask, string Command, int ExitCode, DateTimeOffset At);
