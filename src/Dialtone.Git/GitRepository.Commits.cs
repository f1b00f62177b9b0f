using System.Text;

namespace Dialtone.Git;

/// <summary>
/// Questions the hooks ask about commits: a commit's parents, tree and subject, whether it changed
/// anything outside a directory, the trailers of recent history, and several blobs in one process. A revision that names no commit is an answer (null or empty).
/// </summary>
public sealed partial class GitRepository
{
    /// <summary>Id, parents, tree and subject of <paramref name="revision"/>; null when it names no commit here.</summary>
    public CommitFacts? Commit(string revision)
    {
        string[] args = ["log", "-1", "--no-show-signature", "--format=%H%x1f%P%x1f%T%x1f%s", "--end-of-options", revision];
        var result = Git.Run(args);
        if (!result.Success)
        {
            return Unresolved(revision) ? null : throw new GitCommandException(args, result);
        }

        var parts = result.Output.Split('\x1f');
        if (parts.Length < 4)
        {
            return null;
        }

        return new CommitFacts(parts[0], parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries), parts[2], parts[3]);
    }

    /// <summary>
    /// True when <paramref name="commit"/> changes a path outside <paramref name="directory"/> compared
    /// with its first parent (with the empty tree for a root commit).
    /// </summary>
    public bool ChangesOutside(CommitFacts commit, string directory) =>
        DiffersOutside(commit.Parents.Count > 0 ? commit.Parents[0] + "^{tree}" : EmptyTree(commit.Tree.Length), commit.Tree, directory);

    /// <summary>True when two trees (or commits) differ in a path outside <paramref name="directory"/>.</summary>
    public bool DiffersOutside(string from, string to, string directory)
    {
        string[] args = ["diff-tree", "--quiet", "-r", "--no-renames", from, to, "--", ".", $":(exclude){directory}"];
        var result = Git.Run(args);
        return result.ExitCode switch
        {
            0 => false,
            1 => true,
            _ => throw new GitCommandException(args, result),
        };
    }

    /// <summary>
    /// The values of trailer <paramref name="key"/> in the last <paramref name="limit"/> commits
    /// reachable from <paramref name="revision"/>, newest first; empty when it names no commit here.
    /// Bounded, because this runs in hooks on every commit.
    /// </summary>
    public IReadOnlyList<string> RecentTrailerValues(string revision, string key, int limit)
    {
        string[] args = ["log", $"--max-count={limit}", $"--format=%(trailers:key={key},valueonly)", "--end-of-options", revision];
        var result = Git.Run(args);
        if (!result.Success)
        {
            return Unresolved(revision) ? [] : throw new GitCommandException(args, result);
        }

        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>
    /// The contents of several blobs ("&lt;revision&gt;:&lt;path&gt;", ":&lt;path&gt;" for the index,
    /// or ids) in one git process, in order; null for each that git does not have.
    /// </summary>
    public IReadOnlyList<byte[]?> BlobsBytes(IReadOnlyList<string> names)
    {
        var answers = new byte[]?[names.Count];
        var asked = new List<int>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            // cat-file reads one name per line; no object is named with a newline.
            if (!names[i].Contains('\n', StringComparison.Ordinal))
            {
                asked.Add(i);
            }
        }

        if (asked.Count == 0)
        {
            return answers;
        }

        var input = string.Concat(asked.Select(i => names[i] + "\n"));
        var bytes = Git.Checked(["cat-file", "--batch"], input).StdOutBytes;
        var at = 0;
        foreach (var index in asked)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', at);
            if (newline < 0)
            {
                break;
            }

            // "<id> <type> <size>\n<content>\n", or "<name> missing\n".
            var header = Encoding.UTF8.GetString(bytes, at, newline - at).Split(' ');
            at = newline + 1;
            if (header.Length == 3 && int.TryParse(header[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size)
                && at + size <= bytes.Length)
            {
                if (header[1] == "blob")
                {
                    answers[index] = bytes.AsSpan(at, size).ToArray();
                }

                at += size + 1;
            }
        }

        return answers;
    }

    private static string EmptyTree(int idLength) => idLength == 64
        ? "6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321"
        : "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
}
