using Dialtone.Git;

namespace Dialtone.Core.Alerts;

/// <summary>
/// The commit a branch points at, read from the ref files (a loose ref, or packed-refs) without
/// starting git: this runs on every ticket command. Anything git would resolve differently — a tag
/// or remote of the same name, a symbolic ref, a reftable repository — returns null, and the caller
/// asks git.
/// </summary>
public static class BranchTip
{
    public static string? FromFiles(GitRepository repository, string branch)
    {
        try
        {
            if (branch.Length == 0 || branch.Contains("..", StringComparison.Ordinal) || branch.StartsWith('-') || branch.Contains('\\', StringComparison.Ordinal))
            {
                return null;
            }

            // A base given as a full commit id (`ticket start --from <sha>`) never moves.
            if (IsObjectId(branch))
            {
                return branch;
            }

            var common = repository.CommonDir;
            if (Path.Exists(Path.Combine(common, "refs", "tags", branch)) || Path.Exists(Path.Combine(common, "refs", branch))
                || Path.Exists(Path.Combine(common, "refs", "remotes", branch)) || File.Exists(Path.Combine(common, "reftable", "tables.list")))
            {
                return null;
            }

            var loose = Path.Combine(common, "refs", "heads", branch);
            if (File.Exists(loose))
            {
                var text = File.ReadAllText(loose).Trim();
                return IsObjectId(text) ? text : null;
            }

            return FromPackedRefs(Path.Combine(common, "packed-refs"), branch);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static string? FromPackedRefs(string path, string branch)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        string? found = null;
        foreach (var line in File.ReadLines(path))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || line[0] is '#' or '^')
            {
                continue;
            }

            var name = line[(space + 1)..];
            if (name == $"refs/tags/{branch}" || name == $"refs/{branch}" || name == $"refs/remotes/{branch}")
            {
                return null;
            }

            if (name == $"refs/heads/{branch}" && IsObjectId(line[..space]))
            {
                found = line[..space];
            }
        }

        return found;
    }

    private static bool IsObjectId(string text) =>
        text.Length is 40 or 64 && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
