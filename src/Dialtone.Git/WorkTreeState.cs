namespace Dialtone.Git;

/// <summary>
/// The work tree at one moment, from one `git status`: the commit HEAD names (null on an unborn
/// branch) and every path that differs from it or the index, untracked files included.
/// </summary>
public sealed record WorkTreeState(string? Head, IReadOnlyList<StatusEntry> Entries)
{
    private const string OidHeader = "# branch.oid ";

    public bool IsClean => Entries.Count == 0;

    /// <summary>Parses `status --porcelain=v2 --branch -z --no-renames`.</summary>
    internal static WorkTreeState Parse(string output)
    {
        string? head = null;
        var entries = new List<StatusEntry>();
        var records = output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            switch (record[0])
            {
                case '#':
                    if (record.StartsWith(OidHeader, StringComparison.Ordinal) && record[OidHeader.Length..] is var oid && oid != "(initial)")
                    {
                        head = oid;
                    }

                    break;
                case '1' when record.Split(' ', 9) is { Length: 9 } fields:
                    entries.Add(new StatusEntry(fields[1].Replace('.', ' '), fields[8]));
                    break;
                case '2' when record.Split(' ', 10) is { Length: 10 } fields:
                    entries.Add(new StatusEntry(fields[1].Replace('.', ' '), fields[9]));
                    i++; // The path it was renamed or copied from.
                    break;
                case 'u' when record.Split(' ', 11) is { Length: 11 } fields:
                    entries.Add(new StatusEntry(fields[1], fields[10]));
                    break;
                case '?' when record.Length > 2:
                    entries.Add(new StatusEntry("??", record[2..]));
                    break;
                default:
                    break;
            }
        }

        return new WorkTreeState(head, entries);
    }
}
