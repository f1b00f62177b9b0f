namespace Dialtone.Git;

/// <summary>
/// The merge git is about to conclude: what MERGE_HEAD names. Whether those names make a real merge
/// (commits that exist and that HEAD does not already contain) is decided by the caller from
/// <see cref="ResolveCommit"/> and <see cref="IsAncestor"/>; this only reads the file git reads.
/// </summary>
public sealed partial class GitRepository
{
    /// <summary>The file `git commit` reads to record a merge's other parents, in this worktree's git dir.</summary>
    public string MergeHeadPath => Path.Combine(GitDir, "MERGE_HEAD");

    /// <summary>
    /// The lines of MERGE_HEAD (one object name each, as git wrote them), or null when there is no
    /// MERGE_HEAD. Empty lines are dropped; nothing is resolved or trusted here.
    /// </summary>
    public IReadOnlyList<string>? MergeHeadNames()
    {
        // Asked on every commit: a stat, not an exception, answers the usual "no merge".
        if (!File.Exists(MergeHeadPath))
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(MergeHeadPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>
    /// True when MERGE_MODE is exactly `no-ff` (as `git merge --no-ff` writes it): git then records
    /// HEAD and every MERGE_HEAD commit as parents; otherwise it drops a parent another one contains.
    /// </summary>
    public bool MergeModeNoFastForward()
    {
        var path = Path.Combine(GitDir, "MERGE_MODE");
        try
        {
            // git compares the whole file with "no-ff", so must this.
            return File.Exists(path) && File.ReadAllText(path) == "no-ff";
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="name"/> is spelled like a full object id (SHA-1 or SHA-256 hex), the only form git reads from MERGE_HEAD.</summary>
    public static bool IsObjectId(string name) =>
        name.Length is 40 or 64 && name.All(char.IsAsciiHexDigitLower);
}
