namespace Dialtone.Git;

/// <summary>
/// One path `git status` reports: its two-letter code (index, work tree, as in the short format;
/// "??" for an untracked file) and the path relative to the work tree root.
/// </summary>
public sealed record StatusEntry(string Code, string Path)
{
    public bool IsUntracked => Code == "??";

    public override string ToString() => $"{Code} {Path}";
}
