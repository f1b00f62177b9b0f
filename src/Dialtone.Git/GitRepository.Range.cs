namespace Dialtone.Git;

/// <summary>
/// Questions about every commit of a range at once, for `dialtone verify`: one git process per
/// question, whatever the number of commits.
/// </summary>
public sealed partial class GitRepository
{
    /// <summary>
    /// Every commit reachable from <paramref name="included"/> and not from <paramref name="excluded"/>
    /// (all of them, not only the first-parent line), parents before children, followed by the
    /// boundary commits: the parents outside the range.
    /// </summary>
    public IReadOnlyList<RangeCommit> CommitsInRange(string excluded, string included)
    {
        string[] args = ["log", "--no-show-signature", "--topo-order", "--reverse", "--boundary", "-z", "--format=%m %H %T %P%n%s", "--end-of-options", included, "^" + excluded, "--"];
        var commits = RangeCommit.Parse(Git.Checked(args).StdOut);

        // --reverse puts the boundary commits first; listing them last keeps "the range, oldest first" on top.
        return [.. commits.Where(c => !c.Boundary), .. commits.Where(c => c.Boundary)];
    }

    /// <summary>
    /// The newest <paramref name="max"/> commits of the range that changed <paramref name="path"/>,
    /// newest first, side branches included (no history simplification hides a commit).
    /// </summary>
    public IReadOnlyList<string> CommitsTouching(string excluded, string included, string path, int max)
    {
        string[] args = ["--literal-pathspecs", "log", "--no-show-signature", "--full-history", "--format=%H", "-n", max.ToString(System.Globalization.CultureInfo.InvariantCulture), "--end-of-options", included, "^" + excluded, "--", path];
        return Git.Checked(args).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// The values of trailer <paramref name="key"/> in the newest <paramref name="max"/> commits
    /// reachable from <paramref name="revision"/>; empty when it names no commit here.
    /// </summary>
    public IReadOnlyList<string> TrailerValuesInHistory(string revision, string key, int max)
    {
        string[] args = ["log", "--no-show-signature", "-z", $"--format=%(trailers:key={key},valueonly)", "-n", max.ToString(System.Globalization.CultureInfo.InvariantCulture), "--end-of-options", revision, "--"];
        var result = Git.Run(args);
        if (!result.Success)
        {
            return Unresolved(revision) ? [] : throw new GitCommandException(args, result);
        }

        return result.StdOut.Split(['\0', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>True in a shallow clone, where history (and so a merge-base) may be cut off.</summary>
    public bool IsShallow => Git.RunChecked("rev-parse", "--is-shallow-repository") == "true";

    /// <summary>
    /// The tree git's own merge of two commits produces (without touching the index or the work
    /// tree), and whether it was free of conflicts; null when this git cannot say (older than 2.38).
    /// </summary>
    public AutoMerge? AutoMerge(string ours, string theirs)
    {
        string[] args = ["merge-tree", "--write-tree", "--no-messages", ours, theirs];
        var result = Git.Run(args);
        var tree = result.Output.Split('\n')[0].Trim();
        return result.ExitCode switch
        {
            0 or 1 when tree.Length is 40 or 64 => new AutoMerge(tree, result.ExitCode == 0),
            _ => null,
        };
    }
}
