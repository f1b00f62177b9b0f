namespace Dialtone.Core.Gates;

/// <summary>What the post-commit shim did with pre-commit's note before it called dialtone.</summary>
public enum NoteFinding
{
    /// <summary>The shim did not look (another hook manager called dialtone): dialtone reads the note itself.</summary>
    Unknown,

    /// <summary>No note vouched for this commit, and the shim put it in the evidence inbox already.</summary>
    Recorded,
}
