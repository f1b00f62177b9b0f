namespace Dialtone.Core.Gates;

/// <summary>Why a commit passes the gate, or that it does not.</summary>
public enum CommitVerdictKind
{
    /// <summary>The staged tree is the snapshot tree of a signed attestation.</summary>
    Signed,

    /// <summary>Nothing outside .dialtone/ changes: ticket bookkeeping.</summary>
    Bookkeeping,

    /// <summary>A merge commit: it brings others' work, which the ticket's signatures never covered.</summary>
    Merge,

    /// <summary>Work that no signature covers.</summary>
    Blocked,
}
