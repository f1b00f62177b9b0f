namespace Dialtone.Core.Alerts;

/// <summary>How a watched doc in the work tree relates to git's index.</summary>
public enum WatchedDocState
{
    /// <summary>As staged: its version is the index blob, no hashing needed.</summary>
    Clean,
    Modified,
    Untracked,
    Deleted,
}
