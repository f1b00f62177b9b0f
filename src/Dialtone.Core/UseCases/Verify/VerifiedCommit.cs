using Dialtone.Git;

namespace Dialtone.Core.UseCases.Verify;

/// <summary>One commit since the merge-base and what `dialtone verify` found it to be (a <see cref="CommitKind"/>).</summary>
public sealed record VerifiedCommit(RangeCommit Commit, string Kind, string Tree, int? Attestation = null, string? Note = null)
{
    public bool Passed => Kind is CommitKind.Signed or CommitKind.Bookkeeping or CommitKind.Merge;
}
