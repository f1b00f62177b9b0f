namespace Dialtone.Records;

/// <summary>
/// One thing a reviewer should know happened outside the loop: a gate skipped with DIALTONE=0, a
/// commit the commit gate never saw, an answer relayed by the agent or given by the asking identity,
/// a secret exported to a shell. Chained like attestations, so dropping one from the middle shows;
/// `dialtone verify` also checks that no committed version of the record had one HEAD lacks.
/// </summary>
public sealed class Evidence
{
    public int Seq { get; set; }

    /// <summary>One of <see cref="EvidenceKinds"/>; readers show unknown kinds as they are.</summary>
    public required string Kind { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>What happened, in a sentence a reviewer can act on (never a secret).</summary>
    public required string Detail { get; set; }

    public required string PrevHash { get; set; }

    public string Hash { get; set; } = "";
}
