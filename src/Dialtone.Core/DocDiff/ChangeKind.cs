namespace Dialtone.Core.DocDiff;

/// <summary>What happened to one element between two versions of a doc.</summary>
public enum ChangeKind
{
    Renamed,

    /// <summary>Paired as a rename with less confidence (similarity between the two thresholds).</summary>
    PossiblyRenamed,
    Removed,
    Added,
    TypeChanged,
    RequiredChanged,

    /// <summary>Content changed: a value, a cell, a section's text, a line.</summary>
    Changed,
}
