namespace Dialtone.Git;

/// <summary>The work tree against HEAD and the index, in one `git status`.</summary>
public sealed partial class GitRepository
{
    /// <summary>
    /// The commit HEAD names, and every path that differs from HEAD or the index and every untracked
    /// file no ignore rule covers (each one, not their directories): nothing, for a clean checkout.
    /// </summary>
    public WorkTreeState WorkTreeStatus() =>
        WorkTreeState.Parse(Git.Checked(["status", "--porcelain=v2", "--branch", "-z", "--untracked-files=all", "--no-renames"]).StdOut);
}
