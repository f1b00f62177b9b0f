namespace Dialtone.Core.Gates;

/// <summary>What the post-commit shim found in pre-commit's note before it called dialtone.</summary>
public enum NoteFinding
{
    /// <summary>The shim did not look (another hook manager called dialtone): dialtone reads the note itself.</summary>
    Unknown,

    /// <summary>No note from this `git commit`: pre-commit did not run or did not pass.</summary>
    None,

    /// <summary>pre-commit passed this `git commit`, but the commit records another tree.</summary>
    TreeDiffers,
}
