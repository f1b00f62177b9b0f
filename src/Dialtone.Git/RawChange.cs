namespace Dialtone.Git;

/// <summary>
/// One path in git's raw diff format: the blob before and after (null when the path did not exist
/// on that side) and the status letter (A, M, D, T).
/// </summary>
public sealed record RawChange(string Path, string? OldBlob, string? NewBlob, char Status);
