using Dialtone.Core.Tickets;
using Dialtone.Git;

namespace Dialtone.Core.Memory;

/// <summary>
/// The files a ticket's branch changed against its base: committed on the branch, changed in the
/// work tree, and new untracked files (.dialtone/ excluded). Two git processes, a few ms.
/// </summary>
public static class BranchFiles
{
    public static List<string> Changed(GitRepository repository, Ticket ticket)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // The base commit when it is known; else where the branch left its base branch; else HEAD
        // (then only uncommitted work counts).
        var from = ticket.BaseCommit is { } commit && repository.ResolveCommit(commit) is not null
            ? commit
            : ticket.BaseBranch is { } baseBranch && repository.MergeBase(baseBranch, "HEAD") is { } mergeBase
                ? mergeBase
                : "HEAD";

        // Against the work tree, so committed and uncommitted changes come in one call. An unborn
        // HEAD has nothing to diff against.
        Add(files, seen, repository.ChangedPathsSince(from) ?? []);
        Add(files, seen, repository.UntrackedFiles());
        return files;
    }

    private static void Add(List<string> files, HashSet<string> seen, IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            if (MemoryQuery.NormalizePath(path) is { } normal && files.Count < MemoryQuery.MaxFiles && seen.Add(normal))
            {
                files.Add(normal);
            }
        }
    }
}
