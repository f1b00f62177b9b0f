namespace Dialtone.Core.Gates;

/// <summary>Why a commit passes the gate, or why it does not.</summary>
public enum CommitVerdictKind
{
    /// <summary>The staged tree is the snapshot tree of a signed attestation.</summary>
    Signed,

    /// <summary>Nothing outside .dialtone/ changes: ticket bookkeeping.</summary>
    Bookkeeping,

    /// <summary>A real merge commit: it brings others' work, which the ticket's signatures never covered.</summary>
    Merge,

    /// <summary>Work that no signature covers.</summary>
    Blocked,

    /// <summary>A ticket branch whose record is not in the work tree: nothing to check the commit against.</summary>
    MissingRecord,

    /// <summary>A change to the policy in .dialtone/config.json, which is the human's to commit on the base branch.</summary>
    Policy,
}
