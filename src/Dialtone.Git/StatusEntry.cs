namespace Dialtone.Git;

/// <summary>
/// One path `git status` reports: its two-letter porcelain code (index, work tree; "??" for an
/// untracked file) and the path relative to the work tree root.
/// </summary>
public sealed record StatusEntry(string Code, string Path)
{
    public bool IsUntracked => Code == "??";

    public override string ToString() => $"{Code} {Path}";

    /// <summary>Parses `status --porcelain=v1 -z --no-renames`: "XY &lt;path&gt;\0" per path.</summary>
    internal static List<StatusEntry> Parse(string output)
    {
        var entries = new List<StatusEntry>();
        foreach (var record in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            if (record.Length > 3)
            {
                entries.Add(new StatusEntry(record[..2], record[3..]));
            }
        }

        return entries;
    }
}
