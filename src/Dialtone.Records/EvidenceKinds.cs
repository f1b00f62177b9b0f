namespace Dialtone.Records;

/// <summary>The kinds of evidence Dialtone records; docs/trust.md says what each means for a reviewer.</summary>
public static class EvidenceKinds
{
    /// <summary>A hook ran with DIALTONE=0 and checked nothing.</summary>
    public const string GateSkipped = "gate-skipped";

    /// <summary>A commit on the ticket branch that the commit gate did not pass (`--no-verify`, or no hooks).</summary>
    public const string UnverifiedCommit = "unverified-commit";

    /// <summary>A question answered by the identity that asked it, or without a terminal.</summary>
    public const string SelfAnswer = "self-answer";

    /// <summary>An answer the agent relayed from its chat (`ticket ack "&lt;text&gt;"`).</summary>
    public const string RelayedAnswer = "relayed-answer";

    /// <summary>A granted secret printed as `export` lines for a shell.</summary>
    public const string PrintedExport = "printed-export";
}
