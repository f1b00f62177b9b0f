using Dialtone.Git;

namespace Dialtone.Core.Runs;

/// <summary>
/// Compares the snapshot trees before and after a test run: changed, deleted or newly
/// tracked files mean the test is not safe to re-run; new untracked files only earn a warning.
/// </summary>
public static class IdempotencyProbe
{
    public static (List<string> Touched, List<string> LeftUntracked) Classify(GitRepository repository, string before, string after)
    {
        var touched = new List<string>();
        var added = new List<string>();
        foreach (var change in SnapshotTree.Diff(repository, before, after))
        {
            (change.Status == 'A' ? added : touched).Add(change.Path);
        }

        if (added.Count == 0)
        {
            return (touched, added);
        }

        // A new path the test also staged is a tracked file it created.
        var tracked = repository.TrackedAmong(added);
        var untracked = new List<string>();
        foreach (var path in added)
        {
            (tracked.Contains(path) ? touched : untracked).Add(path);
        }

        return (touched, untracked);
    }
}
