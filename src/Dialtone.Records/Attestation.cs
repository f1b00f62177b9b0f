namespace Dialtone.Records;

/// <summary>
/// A signed claim that a subtask's test command passed at a snapshot tree. Chained per ticket:
/// each carries the hash of the one before, so an edit anywhere in the record shows.
/// </summary>
public sealed class Attestation
{
    public int Seq { get; set; }

    public required string Subtask { get; set; }

    public required string Command { get; set; }

    public int ExitCode { get; set; }

    public long DurationMs { get; set; }

    /// <summary>The snapshot tree the passing run started from: tracked changes and untracked files, `.dialtone/` excluded.</summary>
    public required string Tree { get; set; }

    /// <summary>SHA-256 of the run's full output.</summary>
    public required string OutputDigest { get; set; }

    public DateTimeOffset SignedAt { get; set; }

    public required string Signer { get; set; }

    public required string PrevHash { get; set; }

    public string Hash { get; set; } = "";
}
