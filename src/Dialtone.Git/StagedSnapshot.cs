namespace Dialtone.Git;

/// <summary>
/// What the commit gate asks of the index a commit is about to record, .dialtone/ excluded: its
/// tree, whether it equals a signed tree, what it changes, and the work tree's snapshot tree. Like
/// <see cref="SnapshotTree"/>, with git processes saved where it can, because this runs on every
/// commit. In a hook the repository carries the invoking git's GIT_INDEX_FILE, so "staged" means
/// what `git commit -a` and partial commits will record.
/// </summary>
public static class StagedSnapshot
{
    private static readonly string[] OutsideBookkeeping = ["--", ".", $":(exclude){SnapshotTree.BookkeepingDirectory}"];

    /// <summary>The index's tree without .dialtone/: the root listing is read once and filtered here.</summary>
    public static string Tree(GitRepository repository)
    {
        var full = repository.Git.RunChecked("write-tree").Trim();
        return WithoutBookkeeping(repository, full);
    }

    /// <summary>True when the index (.dialtone/ excluded) holds exactly <paramref name="tree"/>: paths only, no work tree access.</summary>
    public static bool TreeEquals(GitRepository repository, string tree)
    {
        string[] args = ["diff-index", "--cached", "--quiet", "--no-renames", tree, .. OutsideBookkeeping];
        var result = repository.Git.Run(args);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw new GitCommandException(args, result),
        };
    }

    /// <summary>What the index changes against HEAD (against the empty tree on an unborn branch), .dialtone/ excluded.</summary>
    public static IReadOnlyList<TreeChange> Changes(GitRepository repository)
    {
        var output = repository.Git.Checked(["diff", "--cached", "--name-status", "-z", "--no-renames", .. OutsideBookkeeping]).StdOut;
        return TreeChange.ParseNameStatus(output);
    }

    /// <summary>
    /// The working tree's snapshot tree, equal to SnapshotTree.Compute's: a temporary copy of the
    /// index takes `add -A`, and .dialtone/ is dropped from the written tree rather than removed
    /// from the index, which `git rm --cached` refuses while a staged record differs from both HEAD
    /// and the work tree (the usual state right after a blocked `git add -A &amp;&amp; git commit`).
    /// </summary>
    public static string WorkTree(GitRepository repository)
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
            repository.Git.Checked(["add", "-A", .. OutsideBookkeeping], environment: environment);
            var full = repository.Git.Checked(["write-tree"], environment: environment).StdOut.Trim();
            return WithoutBookkeeping(repository, full);
        }
        finally
        {
            File.Delete(tempIndex);
            File.Delete(tempIndex + ".lock");
        }
    }

    /// <summary>The tree without its root .dialtone entry: one listing, and one mktree only when the entry is there.</summary>
    private static string WithoutBookkeeping(GitRepository repository, string full)
    {
        var listing = repository.Git.Checked(["ls-tree", "-z", full]).StdOut;
        var entries = listing.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var kept = entries.Where(line => !line.EndsWith("\t" + SnapshotTree.BookkeepingDirectory, StringComparison.Ordinal)).ToList();
        if (kept.Count == entries.Length)
        {
            return full;
        }

        var input = kept.Count == 0 ? "" : string.Join('\0', kept) + "\0";
        return repository.Git.Checked(["mktree", "-z"], input).StdOut.Trim();
    }
}
