using Dialtone.Git;

namespace Dialtone.Core.Gates;

/// <summary>
/// The commit gate's facts read from git, each on first use. In a hook the repository must be
/// ambient, so "staged" means the index git is about to commit (`git commit -a` and partial commits
/// use a temporary index named by GIT_INDEX_FILE).
/// </summary>
public sealed class GitCommitFacts(GitRepository repository) : ICommitFacts
{
    private string? stagedTree;
    private IReadOnlyList<TreeChange>? stagedChanges;
    private string? workTree;

    public bool IsMerge => File.Exists(Path.Combine(repository.GitDir, "MERGE_HEAD"));

    public string StagedTree => stagedTree ??= StagedTreeOf(repository);

    public IReadOnlyList<TreeChange> StagedChanges => stagedChanges ??= ReadStagedChanges();

    public string WorkTreeSnapshot => workTree ??= WorkTreeTreeOf(repository);

    public IReadOnlyList<TreeChange> ChangedSince(string tree) => SnapshotTree.Diff(repository, tree, StagedTree);

    public bool StagedEquals(string tree)
    {
        if (stagedTree is not null)
        {
            return stagedTree == tree;
        }

        // The index against the tree, paths only (no work tree access): exit 0 same, 1 different.
        string[] args = ["diff-index", "--cached", "--quiet", "--no-renames", tree, "--", ".", $":(exclude){SnapshotTree.BookkeepingDirectory}"];
        var result = repository.Git.Run(args, null, null);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw new GitCommandException(args, result),
        };
    }

    /// <summary>
    /// The index's tree without .dialtone/: like SnapshotTree.Staged, with one git process less
    /// (the root listing is read once and filtered here), because this runs on every commit.
    /// </summary>
    public static string StagedTreeOf(GitRepository repository)
    {
        var full = Checked(repository, ["write-tree"], null).Trim();
        return WithoutBookkeeping(repository, full);
    }

    /// <summary>The tree without its root .dialtone entry: one listing, and one mktree only when the entry is there.</summary>
    private static string WithoutBookkeeping(GitRepository repository, string full)
    {
        var listing = Checked(repository, ["ls-tree", "-z", full], null);
        var entries = listing.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var kept = entries.Where(line => !line.EndsWith("\t" + SnapshotTree.BookkeepingDirectory, StringComparison.Ordinal)).ToList();
        if (kept.Count == entries.Length)
        {
            return full;
        }

        var input = kept.Count == 0 ? "" : string.Join('\0', kept) + "\0";
        return Checked(repository, ["mktree", "-z"], input).Trim();
    }

    /// <summary>
    /// The working tree's snapshot tree, equal to SnapshotTree.Compute's: a temporary copy of the
    /// index takes `add -A`, and .dialtone/ is dropped from the written tree rather than removed
    /// from the index, which `git rm --cached` refuses while a staged record differs from both HEAD
    /// and the work tree (the usual state right after a blocked `git add -A &amp;&amp; git commit`).
    /// </summary>
    public static string WorkTreeTreeOf(GitRepository repository)
    {
        var realIndex = Path.Combine(repository.GitDir, "index");
        var tempIndex = Path.Combine(repository.GitDir, $"dialtone-gate-{Environment.ProcessId}-{Guid.NewGuid():N}.index");
        try
        {
            if (File.Exists(realIndex))
            {
                File.Copy(realIndex, tempIndex);
            }

            var environment = new Dictionary<string, string?> { ["GIT_INDEX_FILE"] = tempIndex };
            Checked(repository, ["add", "-A", "--", ".", $":(exclude){SnapshotTree.BookkeepingDirectory}"], null, environment);
            var full = Checked(repository, ["write-tree"], null, environment).Trim();
            return WithoutBookkeeping(repository, full);
        }
        finally
        {
            File.Delete(tempIndex);
            File.Delete(tempIndex + ".lock");
        }
    }

    private List<TreeChange> ReadStagedChanges()
    {
        // Without a commit argument, diff --cached compares with HEAD, or with the empty tree on an unborn branch.
        var output = Checked(repository, ["diff", "--cached", "--name-status", "-z", "--no-renames", "--", ".", $":(exclude){SnapshotTree.BookkeepingDirectory}"], null);
        var parts = output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var changes = new List<TreeChange>(parts.Length / 2);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            changes.Add(new TreeChange(parts[i][0], parts[i + 1]));
        }

        return changes;
    }

    private static string Checked(GitRepository repository, IReadOnlyList<string> args, string? stdin, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = repository.Git.Run(args, stdin, environment);
        return result.Success ? result.StdOut : throw new GitCommandException(args, result);
    }
}
