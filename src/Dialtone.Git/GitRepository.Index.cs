using System.Globalization;

namespace Dialtone.Git;

/// <summary>
/// The index and the work tree's files. In a hook the index is the one the invoking git names
/// (GIT_INDEX_FILE), so `git commit -a` and partial commits see what they will commit.
/// </summary>
public sealed partial class GitRepository
{
    /// <summary>Tracked, modified, deleted and untracked-unignored files matching <paramref name="pathspecs"/>, in one listing.</summary>
    public WorkTreeListing ListWorkTree(IReadOnlyList<string> pathspecs)
    {
        var output = Git.Checked(["ls-files", "-z", "-t", "-s", "-c", "-m", "-d", "-o", "--exclude-standard", "--", .. pathspecs]).StdOut;
        return WorkTreeListing.Parse(output);
    }

    /// <summary>Untracked files that no ignore rule covers, relative to the work tree root.</summary>
    public IReadOnlyList<string> UntrackedFiles() =>
        Git.Checked(["ls-files", "-z", "--others", "--exclude-standard"]).StdOut.Split('\0', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Those of <paramref name="paths"/> (exact paths, no patterns) that are in the index.</summary>
    public IReadOnlySet<string> TrackedAmong(IReadOnlyCollection<string> paths)
    {
        if (paths.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var output = Git.Checked(["--literal-pathspecs", "ls-files", "-z", "--", .. paths]).StdOut;
        return new HashSet<string>(output.Split('\0', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
    }

    /// <summary>The index entry of <paramref name="path"/> (an exact path); null when it is not in the index.</summary>
    public IndexEntry? IndexEntry(string path)
    {
        var output = Git.Checked(["--literal-pathspecs", "ls-files", "--stage", "-z", "--", path]).StdOut;
        foreach (var record in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <object id> <stage>\t<path>"
            var tab = record.IndexOf('\t', StringComparison.Ordinal);
            var fields = tab < 0 ? [] : record[..tab].Split(' ');
            if (fields.Length == 3 && record[(tab + 1)..] == path
                && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var stage))
            {
                return new IndexEntry(fields[0], fields[1], stage, path);
            }
        }

        return null;
    }

    /// <summary>Stages the work tree's <paramref name="path"/> (an exact path) in the index.</summary>
    public void Add(string path) => Git.Checked(["--literal-pathspecs", "add", "--", path]);
}
