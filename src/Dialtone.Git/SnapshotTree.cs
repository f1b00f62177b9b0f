namespace Dialtone.Git;

/// <summary>
/// The git tree of the working tree as it is now: tracked changes and untracked, unignored files,
/// with Dialtone's own bookkeeping (.dialtone/) left out. Computed through a temporary copy of the
/// index, so the real index is never touched and unchanged files are not re-hashed.
/// </summary>
public static class SnapshotTree
{
    public const string BookkeepingDirectory = ".dialtone";

    public static string Compute(GitRepository repository)
    {
        var realIndex = Path.Combine(repository.GitDir, "index");
        var tempIndex = Path.Combine(repository.ScratchDirectory, $"snapshot-{Environment.ProcessId}-{Guid.NewGuid():N}.index");
        try
        {
            if (File.Exists(realIndex))
            {
                File.Copy(realIndex, tempIndex);
            }

            var environment = new Dictionary<string, string?> { ["GIT_INDEX_FILE"] = tempIndex };
            Checked(repository, ["add", "-A", "--", ".", $":(exclude){BookkeepingDirectory}"], environment);
            Checked(repository, ["rm", "-r", "-q", "-f", "--cached", "--ignore-unmatch", "--", BookkeepingDirectory], environment);
            return Checked(repository, ["write-tree"], environment).Trim();
        }
        finally
        {
            File.Delete(tempIndex);
            File.Delete(tempIndex + ".lock");
        }
    }

    /// <summary>The tree of what is staged in the real index, .dialtone/ excluded (what a commit would record).</summary>
    public static string Staged(GitRepository repository)
    {
        var tree = Checked(repository, ["write-tree"], null).Trim();
        return WithoutBookkeeping(repository, tree);
    }

    /// <summary>The tree of a commit, .dialtone/ excluded.</summary>
    public static string OfCommit(GitRepository repository, string commit) =>
        WithoutBookkeeping(repository, Checked(repository, ["rev-parse", "--verify", "--end-of-options", commit + "^{tree}"], null).Trim());

    /// <summary>Paths that differ between two trees, with git's status letter (A, M, D, T).</summary>
    public static IReadOnlyList<TreeChange> Diff(GitRepository repository, string fromTree, string toTree)
    {
        if (fromTree == toTree)
        {
            return [];
        }

        var output = Checked(repository, ["diff-tree", "-r", "-z", "--no-renames", "--name-status", fromTree, toTree], null);
        return TreeChange.ParseNameStatus(output);
    }

    private static string WithoutBookkeeping(GitRepository repository, string tree)
    {
        var entry = repository.Git.Run("ls-tree", tree, "--", BookkeepingDirectory);
        if (!entry.Success || entry.Output.Length == 0)
        {
            return tree;
        }

        // Rebuild the root tree without the .dialtone entry; subtrees are shared, so this is one object.
        var listing = Checked(repository, ["ls-tree", "-z", tree], null);
        var kept = string.Join('\0', listing.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.EndsWith("\t" + BookkeepingDirectory, StringComparison.Ordinal)));
        var input = kept.Length == 0 ? "" : kept + "\0";
        var result = repository.Git.Run(["mktree", "-z"], input, null);
        return result.Success ? result.Output.Trim() : throw new GitCommandException(["mktree", "-z"], result);
    }

    private static string Checked(GitRepository repository, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? environment)
    {
        var result = repository.Git.Run(args, null, environment);
        return result.Success ? result.StdOut : throw new GitCommandException(args, result);
    }
}
