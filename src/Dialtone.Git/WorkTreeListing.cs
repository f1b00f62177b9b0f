namespace Dialtone.Git;

/// <summary>
/// The files matching some pathspecs, tracked and untracked-unignored, from one `git ls-files`:
/// the files in the order git first listed them, and the length of the repository's object ids
/// (40 for SHA-1, 64 for SHA-256), for hashing the ones that changed the way git would.
/// </summary>
public sealed record WorkTreeListing(IReadOnlyList<WorkTreeFile> Files, int ObjectIdLength)
{
    public const int Sha1Length = 40;

    /// <summary>Parses `ls-files -z -t -s -c -m -d -o`: "&lt;tag&gt; &lt;mode&gt; &lt;blob&gt; &lt;stage&gt;\t&lt;path&gt;" per tracked entry, "? &lt;path&gt;" per untracked one.</summary>
    internal static WorkTreeListing Parse(string output)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var order = new List<string>();
        var hexLength = Sha1Length;
        foreach (var record in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            if (record.Length < 3 || record[1] != ' ')
            {
                continue;
            }

            var tag = record[0];
            var rest = record[2..];
            if (tag == '?')
            {
                Get(entries, order, rest).Untracked = true;
                continue;
            }

            var tab = rest.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                continue;
            }

            var fields = rest[..tab].Split(' ');
            var entry = Get(entries, order, rest[(tab + 1)..]);
            if (fields.Length < 3)
            {
                continue;
            }

            hexLength = fields[1].Length;
            switch (tag)
            {
                case 'C' or 'M':
                    entry.Modified = true;
                    break;
                case 'R':
                    entry.Deleted = true;
                    break;
                default:
                    // An unmerged path (stage 1-3) has no single index blob: it counts as modified.
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

        var files = new List<WorkTreeFile>(order.Count);
        foreach (var path in order)
        {
            var entry = entries[path];
            files.Add(new WorkTreeFile(path, entry.IndexBlob, entry.Modified, entry.Deleted, entry.Untracked));
        }

        return new WorkTreeListing(files, hexLength);
    }

    private static Entry Get(Dictionary<string, Entry> entries, List<string> order, string path)
    {
        if (!entries.TryGetValue(path, out var entry))
        {
            entries[path] = entry = new Entry();
            order.Add(path);
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
