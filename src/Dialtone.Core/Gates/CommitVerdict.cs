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

    /// <summary>Policy: each policy change the commit would make to .dialtone/config.json, as a sentence.</summary>
    public IReadOnlyList<string> PolicyChanges { get; init; } = [];

    /// <summary>Missing record: how the gate knows the branch is a ticket branch.</summary>
    public TicketBranchSource? Source { get; init; }

    /// <summary>Merge: the commits MERGE_HEAD brings in.</summary>
    public IReadOnlyList<string> MergedCommits { get; init; } = [];

    /// <summary>Things the agent should know whatever the verdict (a MERGE_HEAD that was ignored).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Not passed: what happens after <see cref="Action"/>, or the alternative, for a [ticket] line.</summary>
    public string? Hint { get; init; }

    /// <summary>Not passed: what only the human can do, for a [MESSAGE] line.</summary>
    public string? Message { get; init; }

    /// <summary>Not passed: the exact command that fixes it, or that the agent runs meanwhile.</summary>
    public string? Action { get; init; }

    /// <summary>Each step of the decision, for DIALTONE_DEBUG=1.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    public bool Passed => Kind is CommitVerdictKind.Signed or CommitVerdictKind.Bookkeeping or CommitVerdictKind.Merge;

    /// <summary>The subtask the commit's Dialtone-Subtask trailer names: only a signed commit has one.</summary>
    public string? TrailerSubtask => Kind == CommitVerdictKind.Signed ? Signature?.Subtask : null;
}
