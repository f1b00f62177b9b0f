using Dialtone.Git;

namespace Dialtone.Core.Alerts;

/// <summary>
/// When a doc's version came about and who made it: the commit that introduced it (time, author,
/// subject), or for an uncommitted edit the file's modification time.
/// </summary>
public sealed record ChangeOrigin(DateTimeOffset At, string? Author, string? Commit, string? Subject)
{
    /// <summary>The origin of the work tree's version of <paramref name="path"/> (null blob: deleted).</summary>
    public static ChangeOrigin Local(GitRepository repository, string path, string? blob, DateTimeOffset now)
    {
        if (LastCommit(repository, "HEAD", path) is { } commit)
        {
            if (repository.BlobIdAt(commit.Commit!, path) == blob)
            {
                return commit;
            }
        }

        return Uncommitted(repository, path, now);
    }

    /// <summary>An edit not committed yet: when the file was last written (now, for a deleted file).</summary>
    public static ChangeOrigin Uncommitted(GitRepository repository, string path, DateTimeOffset now)
    {
        var full = Path.Combine(repository.TopLevel, path);
        var at = File.Exists(full) ? new DateTimeOffset(File.GetLastWriteTimeUtc(full), TimeSpan.Zero) : now;
        return new ChangeOrigin(at > now ? now : at, null, null, null);
    }

    /// <summary>The commit on the base branch that last changed <paramref name="path"/>.</summary>
    public static ChangeOrigin Upstream(GitRepository repository, string tip, string path, DateTimeOffset now) =>
        LastCommit(repository, tip, path) ?? new ChangeOrigin(now, null, null, null);

    private static ChangeOrigin? LastCommit(GitRepository repository, string start, string path) =>
        repository.LastCommitTouching(start, path) is { } commit
            ? new ChangeOrigin(commit.Time, commit.Author, commit.Id, commit.Subject)
            : null;
}
