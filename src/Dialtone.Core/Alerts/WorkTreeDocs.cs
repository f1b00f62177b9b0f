using Dialtone.Git;

namespace Dialtone.Core.Alerts;

/// <summary>
/// The watched docs of a work tree and their versions, from one `git ls-files` (tracked with their
/// index blobs, modified, deleted and untracked-unignored, all in one listing). A doc git reports
/// unchanged is its index blob: nothing is read or hashed, which keeps the common "nothing changed"
/// answer to a few milliseconds. Only modified and untracked docs are read and hashed.
/// </summary>
public static class WorkTreeDocs
{
    public static List<WatchedDoc> List(GitRepository repository, IReadOnlyList<string> pathspecs)
    {
        var listing = repository.ListWorkTree(pathspecs);
        var docs = new List<WatchedDoc>(listing.Files.Count);
        foreach (var file in listing.Files)
        {
            if (file.Deleted)
            {
                docs.Add(new WatchedDoc(file.Path, null, WatchedDocState.Deleted));
            }
            else if (file.Untracked || file.Modified || file.IndexBlob is null)
            {
                var bytes = ReadFile(repository, file.Path);
                docs.Add(bytes is null
                    ? new WatchedDoc(file.Path, null, WatchedDocState.Deleted)
                    : new WatchedDoc(file.Path, GitBlob.Id(bytes, listing.ObjectIdLength), file.Untracked ? WatchedDocState.Untracked : WatchedDocState.Modified));
            }
            else
            {
                docs.Add(new WatchedDoc(file.Path, file.IndexBlob, WatchedDocState.Clean));
            }
        }

        docs.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return docs;
    }

    /// <summary>A work-tree file's bytes, or null when it is gone (or not a regular file).</summary>
    public static byte[]? ReadFile(GitRepository repository, string path)
    {
        var full = Path.Combine(repository.TopLevel, path);
        try
        {
            return File.Exists(full) ? File.ReadAllBytes(full) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
