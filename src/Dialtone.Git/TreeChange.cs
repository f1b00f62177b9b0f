namespace Dialtone.Git;

/// <summary>One path that differs between two trees: A added, M modified, D deleted, T type changed.</summary>
public sealed record TreeChange(char Status, string Path)
{
    public override string ToString() => $"{Status} {Path}";
}
