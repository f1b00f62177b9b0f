using System.Globalization;

namespace Dialtone.Git;

/// <summary>
/// Questions about commits: ancestry, what changed between two of them, who last touched a path,
/// trailers. A revision that names no commit here (an unborn HEAD, a deleted branch, history
/// collected after a rewrite) is an answer (null, false or empty), never an error; any other
/// failure of git is.
/// </summary>
public sealed partial class GitRepository
{
    private const string CommitFormat = "--format=%H%x1f%an%x1f%ct%x1f%s";

    /// <summary>The best common ancestor of two commits; null when they have none or either names no commit here.</summary>
    public string? MergeBase(string a, string b)
    {
        string[] args = ["merge-base", a, b];
        var result = Git.Run(args);
        return result.ExitCode switch
        {
            0 => result.Output.Length > 0 ? result.Output : null,
            1 => null, // No common ancestor.
            _ => Unresolved(a, b) ? null : throw new GitCommandException(args, result),
        };
    }

    /// <summary>True when <paramref name="commit"/> is <paramref name="descendant"/> or one of its ancestors; false when either names no commit here.</summary>
    public bool IsAncestor(string commit, string descendant)
    {
        string[] args = ["merge-base", "--is-ancestor", commit, descendant];
        var result = Git.Run(args);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => Unresolved(commit, descendant) ? false : throw new GitCommandException(args, result),
        };
    }

    /// <summary>The last commit reachable from <paramref name="revision"/> that changed <paramref name="path"/>; null when none did.</summary>
    public CommitInfo? LastCommitTouching(string revision, string path)
    {
        string[] args = ["log", "-1", CommitFormat, revision, "--", path];
        var result = Git.Run(args);
        if (!result.Success)
        {
            return Unresolved(revision) ? null : throw new GitCommandException(args, result);
        }

        var parts = result.Output.Split('\x1f');
        if (parts.Length < 4 || !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        return new CommitInfo(parts[0], parts[1], DateTimeOffset.FromUnixTimeSeconds(seconds), parts[3]);
    }

    /// <summary>
    /// The blobs of the paths matching <paramref name="pathspecs"/> that differ between two commits;
    /// null when either names no commit here.
    /// </summary>
    public IReadOnlyList<RawChange>? DiffRaw(string from, string to, IReadOnlyList<string> pathspecs)
    {
        string[] args = ["diff", "--raw", "-z", "--no-renames", "--no-abbrev", "--no-ext-diff", "--no-textconv", from, to, "--", .. pathspecs];
        var result = Git.Run(args);
        if (!result.Success)
        {
            return Unresolved(from, to) ? null : throw new GitCommandException(args, result);
        }

        return RawDiffFormat.Parse(result.StdOut);
    }

    /// <summary>
    /// What each commit reachable from <paramref name="included"/> but not from <paramref name="excluded"/>
    /// did to <paramref name="path"/>, newest first; empty when either names no commit here.
    /// </summary>
    public IReadOnlyList<RawChange> LogRaw(string excluded, string included, string path)
    {
        string[] args = ["log", "--format=", "--raw", "-z", "--no-renames", "--no-abbrev", $"{excluded}..{included}", "--", path];
        var result = Git.Run(args);
        if (!result.Success)
        {
            return Unresolved(excluded, included) ? [] : throw new GitCommandException(args, result);
        }

        return RawDiffFormat.Parse(result.StdOut);
    }

    /// <summary>
    /// Paths whose work-tree content differs from <paramref name="revision"/>'s (committed since and
    /// uncommitted changes alike; untracked files are not listed); null when it names no commit here.
    /// </summary>
    public IReadOnlyList<string>? ChangedPathsSince(string revision)
    {
        string[] args = ["diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", revision, "--"];
        var result = Git.Run(args);
        if (!result.Success)
        {
            return Unresolved(revision) ? null : throw new GitCommandException(args, result);
        }

        return result.StdOut.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The values of trailer <paramref name="key"/> in a commit's message (empty when there is no such commit).</summary>
    public IReadOnlyList<string> TrailerValues(string revision, string key)
    {
        string[] args = ["log", "-1", $"--format=%(trailers:key={key},valueonly)", "--end-of-options", revision];
        var result = Git.Run(args);
        if (!result.Success)
        {
            return Unresolved(revision) ? [] : throw new GitCommandException(args, result);
        }

        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Adds trailers (key, value) to a commit message file in place; a trailer already there is left as it is.</summary>
    public void AddTrailers(string messageFile, IReadOnlyList<KeyValuePair<string, string>> trailers)
    {
        var args = new List<string> { "interpret-trailers", "--in-place", "--if-exists", "doNothing" };
        foreach (var (key, value) in trailers)
        {
            args.AddRange(["--trailer", $"{key}: {value}"]);
        }

        args.Add(messageFile);
        Git.Checked(args);
    }

    /// <summary>True when any of the revisions names no commit here: the failure that is an answer.</summary>
    private bool Unresolved(params string[] revisions) => revisions.Any(r => ResolveCommit(r) is null);
}
