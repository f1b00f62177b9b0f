using Dialtone.Git;

namespace Dialtone.Core.Alerts;

/// <summary>
/// The watched docs of a work tree and their versions, from one `git ls-files` (tracked with their
/// index blobs, modified, deleted and untracked-unignored, all in one listing). A doc git reports
/// unchanged is its index blob: nothing is read or hashed, which keeps the common "nothing changed"
/// answer to a few milliseconds. Only modified and untracked docs are read and hashed.
/// </summary>
public static class WorkTreeDocs
{
    public static List<WatchedDoc> List(GitRepository repository, IReadOnlyList<string> pathspecs)
    {
        var args = new List<string> { "ls-files", "-z", "-t", "-s", "-c", "-m", "-d", "-o", "--exclude-standard", "--" };
        args.AddRange(pathspecs);
        var result = repository.Git.Run(args, null, null);
        if (!result.Success)
        {
            throw new GitCommandException(args, result);
        }

        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var hexLength = GitBlob.Sha1Length;
        foreach (var record in result.StdOut.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            if (record.Length < 3 || record[1] != ' ')
            {
                continue;
            }

            var tag = record[0];
            var rest = record[2..];
            if (tag == '?')
            {
                Get(entries, rest).Untracked = true;
                continue;
            }

            // "<mode> <blob> <stage>\t<path>"
            var tab = rest.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                continue;
            }

            var fields = rest[..tab].Split(' ');
            var entry = Get(entries, rest[(tab + 1)..]);
            if (fields.Length < 3)
            {
                continue;
            }

            hexLength = fields[1].Length;
            switch (tag)
            {
                case 'C':
                    entry.Modified = true;
                    break;
                case 'R':
                    entry.Deleted = true;
                    break;
                case 'M':
                    entry.Modified = true;
                    break;
                default:
                    if (fields[2] == "0")
                    {
                        entry.IndexBlob = fields[1];
                    }
                    else
                    {
                        entry.Modified = true;
                    }

                    break;
            }
        }

        var docs = new List<WatchedDoc>(entries.Count);
        foreach (var (path, entry) in entries)
        {
            if (entry.Deleted)
            {
                docs.Add(new WatchedDoc(path, null, WatchedDocState.Deleted));
            }
            else if (entry.Untracked || entry.Modified || entry.IndexBlob is null)
            {
                var bytes = ReadFile(repository, path);
                docs.Add(bytes is null
                    ? new WatchedDoc(path, null, WatchedDocState.Deleted)
                    : new WatchedDoc(path, GitBlob.Id(bytes, hexLength), entry.Untracked ? WatchedDocState.Untracked : WatchedDocState.Modified));
            }
            else
            {
                docs.Add(new WatchedDoc(path, entry.IndexBlob, WatchedDocState.Clean));
            }
        }

        docs.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return docs;
    }

    /// <summary>A work-tree file's bytes, or null when it is gone (or not a regular file).</summary>
    public static byte[]? ReadFile(GitRepository repository, string path)
    {
        var full = Path.Combine(repository.TopLevel, path);
        try
        {
            return File.Exists(full) ? File.ReadAllBytes(full) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static Entry Get(Dictionary<string, Entry> entries, string path)
    {
        if (!entries.TryGetValue(path, out var entry))
        {
            entries[path] = entry = new Entry();
        }

        return entry;
    }

    private sealed class Entry
    {
        public string? IndexBlob { get; set; }

        public bool Modified { get; set; }

        public bool Deleted { get; set; }

        public bool Untracked { get; set; }
    }
}
