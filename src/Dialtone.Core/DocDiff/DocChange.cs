namespace Dialtone.Core.DocDiff;

/// <summary>One change between two versions of a doc, as the sentence a [DIFF] line carries.</summary>
public sealed record DocChange(ChangeKind Kind, string Text)
{
    /// <summary>Breaking changes first: removals and renames, then type and required changes, additions, edits.</summary>
    public int Rank => Kind switch
    {
        ChangeKind.Removed or ChangeKind.Renamed or ChangeKind.PossiblyRenamed => 0,
        ChangeKind.TypeChanged or ChangeKind.RequiredChanged => 1,
        ChangeKind.Added => 2,
        _ => 3,
    };

    public string KindName => Kind switch
    {
        ChangeKind.Renamed => "renamed",
        ChangeKind.PossiblyRenamed => "possibly-renamed",
        ChangeKind.Removed => "removed",
        ChangeKind.Added => "added",
        ChangeKind.TypeChanged => "type-changed",
        ChangeKind.RequiredChanged => "required-changed",
        _ => "changed",
    };

    /// <summary>The kind named by <see cref="KindName"/> (stored alerts keep their changes this way).</summary>
    public static ChangeKind ParseKind(string name) => name switch
    {
        "renamed" => ChangeKind.Renamed,
        "possibly-renamed" => ChangeKind.PossiblyRenamed,
        "removed" => ChangeKind.Removed,
        "added" => ChangeKind.Added,
        "type-changed" => ChangeKind.TypeChanged,
        "required-changed" => ChangeKind.RequiredChanged,
        _ => ChangeKind.Changed,
    };
}
