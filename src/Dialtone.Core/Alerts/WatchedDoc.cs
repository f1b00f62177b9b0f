namespace Dialtone.Core.Alerts;

/// <summary>A watched doc in the work tree and its current version (null when deleted).</summary>
public sealed record WatchedDoc(string Path, string? Blob, WatchedDocState State)
{
    /// <summary>True when the version exists only in the work tree, so its text is kept in the store.</summary>
    public bool OnlyInWorkTree => State is WatchedDocState.Modified or WatchedDocState.Untracked;
}
