namespace Dialtone.Git;

/// <summary>
/// One path of a work-tree listing: its blob in the index when git vouches that the work tree holds
/// exactly that (nothing to read or hash), else whether it is modified, deleted or untracked.
/// </summary>
public sealed record WorkTreeFile(string Path, string? IndexBlob, bool Modified, bool Deleted, bool Untracked);
