namespace Dialtone.Git;

/// <summary>Root trees with Dialtone's bookkeeping left out, for comparing commits with snapshot trees.</summary>
public sealed partial class GitRepository
{
    /// <summary>
    /// For each of <paramref name="trees"/> (root tree ids), its id with `.dialtone/` left out: read
    /// through one `git cat-file --batch` and hashed in process.
    /// </summary>
    public IReadOnlyDictionary<string, string> TreesWithoutBookkeeping(IReadOnlyCollection<string> trees)
    {
        var distinct = trees.Distinct(StringComparer.Ordinal).ToList();
        var objects = ReadObjects(distinct);
        var result = new Dictionary<string, string>(distinct.Count, StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++)
        {
            result[distinct[i]] = WithoutBookkeeping(distinct[i], objects[i]);
        }

        return result;
    }

    /// <summary>
    /// The id of root tree <paramref name="treeId"/> with `.dialtone/` left out, computed in process
    /// from <paramref name="tree"/> (its content, from <see cref="ReadObjects"/>); a tree that cannot
    /// be done that way is rebuilt by git (`mktree`).
    /// </summary>
    public string WithoutBookkeeping(string treeId, GitObject? tree) =>
        (tree is not null ? TreeFilter.WithoutEntry(tree, SnapshotTree.BookkeepingDirectory) : null)
            ?? SnapshotTree.OfCommit(this, treeId);
}
