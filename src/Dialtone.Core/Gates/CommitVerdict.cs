using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Core.Gates;

/// <summary>The commit gate's answer for one ticket and one staged tree, with what it was decided from.</summary>
public sealed class CommitVerdict
{
    public required CommitVerdictKind Kind { get; init; }

    public required string Ticket { get; init; }

    /// <summary>The staged tree (.dialtone/ excluded) when it was computed; merges and bookkeeping do not need it.</summary>
    public string? StagedTree { get; init; }

    /// <summary>The signature whose tree is the staged tree (<see cref="CommitVerdictKind.Signed"/>).</summary>
    public Attestation? Signature { get; init; }

    /// <summary>Blocked: the latest signature that still counts, which the changed paths are measured from.</summary>
    public Attestation? LastSignature { get; init; }

    /// <summary>Blocked: the current subtask when it has no signature that counts.</summary>
    public string? Unsigned { get; init; }

    /// <summary>Blocked: paths that differ from the last signature's tree (or from HEAD when nothing was signed).</summary>
    public IReadOnlyList<TreeChange> Changed { get; init; } = [];

    /// <summary>Blocked: the working tree is exactly the last signature's tree; only the staging differs.</summary>
    public bool OnlyStagingDiffers { get; init; }

    /// <summary>Blocked: the exact command that fixes it.</summary>
    public string? Action { get; init; }

    /// <summary>Each step of the decision, for DIALTONE_DEBUG=1.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    public bool Passed => Kind != CommitVerdictKind.Blocked;

    /// <summary>The subtask the commit's Dialtone-Subtask trailer names: only a signed commit has one.</summary>
    public string? TrailerSubtask => Kind == CommitVerdictKind.Signed ? Signature?.Subtask : null;
}
