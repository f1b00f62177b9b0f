namespace Dialtone.Records;

/// <summary>The last `ticket validate` of a ticket: bound to a snapshot tree, chained to the attestations.</summary>
public sealed class Validation
{
    public required string Tree { get; set; }

    public DateTimeOffset ValidatedAt { get; set; }

    public bool Passed { get; set; }

    public List<ValidationResult> Results { get; set; } = [];

    /// <summary>Hash of the last attestation when the validation was made (the genesis hash if none).</summary>
    public required string PrevHash { get; set; }

    public string Hash { get; set; } = "";
}

/// <summary>One subtask's re-run inside a validation.</summary>
public sealed record ValidationResult(string Subtask, int ExitCode, long DurationMs, bool Passed);
