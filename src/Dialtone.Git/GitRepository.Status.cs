namespace Dialtone.Git;

/// <summary>The work tree against HEAD and the index, in one `git status`.</summary>
public sealed partial class GitRepository
{
    /// <summary>
    /// Every path that differs from HEAD or the index, and every untracked file no ignore rule
    /// covers (each one, not their directories); empty for a clean checkout.
    /// </summary>
    public IReadOnlyList<StatusEntry> WorkTreeStatus() =>
        StatusEntry.Parse(Git.Checked(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"]).StdOut);
}
