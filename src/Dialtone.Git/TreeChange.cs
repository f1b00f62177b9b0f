namespace Dialtone.Git;

/// <summary>One path that differs between two trees: A added, M modified, D deleted, T type changed.</summary>
public sealed record TreeChange(char Status, string Path)
{
    public override string ToString() => $"{Status} {Path}";

    /// <summary>Parses `--name-status -z` output: "&lt;status&gt;\0&lt;path&gt;\0" per path.</summary>
    internal static List<TreeChange> ParseNameStatus(string output)
    {
        var parts = output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var changes = new List<TreeChange>(parts.Length / 2);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            changes.Add(new TreeChange(parts[i][0], parts[i + 1]));
        }

        return changes;
    }
}
