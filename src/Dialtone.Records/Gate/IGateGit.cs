namespace Dialtone.Records.Gate;

/// <summary>
/// What the build gate asks git, answered by its callers (the MSBuild task and `dialtone gate
/// build`) through Dialtone.Git, so this project stays free of processes. Asked lazily: a record
/// that is missing or broken never costs a snapshot tree.
/// </summary>
public interface IGateGit
{
    /// <summary>The snapshot tree of the work tree being built (tracked and untracked files, `.dialtone/` excluded).</summary>
    string SnapshotTree();

    /// <summary>Paths that differ between two snapshot trees.</summary>
    IReadOnlyList<string> ChangedPaths(string fromTree, string toTree);

    /// <summary>The `Dialtone-Ticket:` trailer values of the branch's recent commits (HEAD and its last ancestors).</summary>
    IReadOnlyList<string> RecentTicketTrailers();
}
