namespace Dialtone.Core.UseCases.Verify;

/// <summary>What a commit since the merge-base is, for `dialtone verify` (the `kind` of its `--json` commits[]).</summary>
public static class CommitKind
{
    /// <summary>Its tree, `.dialtone/` excluded, is the tree of an attestation.</summary>
    public const string Signed = "signed";

    /// <summary>Nothing outside `.dialtone/` changed from its parent, and no policy either.</summary>
    public const string Bookkeeping = "bookkeeping";

    /// <summary>Two or more parents.</summary>
    public const string Merge = "merge";

    /// <summary>Work that no signature covers: made past the commit gate.</summary>
    public const string Unsigned = "unsigned";

    /// <summary>A change of policy in `.dialtone/config.json`, which belongs on the base branch.</summary>
    public const string Policy = "policy";
}
