namespace Dialtone.Core.Runs;

/// <summary>One execution of a subtask's test command, as recorded in the store.</summary>
public sealed class TestRun
{
    public long Id { get; set; }

    public required string Ticket { get; set; }

    public required string Subtask { get; set; }

    /// <summary>Why it ran: next, test (ticket test) or validate.</summary>
    public required string Kind { get; set; }

    public required string Command { get; set; }

    public int ExitCode { get; set; }

    public bool TimedOut { get; set; }

    public long DurationMs { get; set; }

    /// <summary>The snapshot tree before the run: the run is bound to it.</summary>
    public required string TreeBefore { get; set; }

    public required string TreeAfter { get; set; }

    /// <summary>Exit 0, no timeout, and no tracked file modified, deleted or created.</summary>
    public bool Passed { get; set; }

    /// <summary>Tracked paths the run modified, deleted or created: the test is not safe to re-run.</summary>
    public List<string> Touched { get; set; } = [];

    /// <summary>New untracked, unignored files the run left behind (a warning).</summary>
    public List<string> LeftUntracked { get; set; } = [];

    /// <summary>Failed after the same subtask's previous run passed.</summary>
    public bool Regression { get; set; }

    /// <summary>Combined stdout and stderr, bounded (head and tail kept).</summary>
    public string Output { get; set; } = "";

    /// <summary>SHA-256 of the whole output, including any part cut from <see cref="Output"/>.</summary>
    public string OutputDigest { get; set; } = "";

    public long OutputBytes { get; set; }

    public DateTimeOffset StartedAt { get; set; }
}
