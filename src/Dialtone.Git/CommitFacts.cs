namespace Dialtone.Git;

/// <summary>One commit as the post-commit check sees it: id, parents, tree and subject line.</summary>
public sealed record CommitFacts(string Id, IReadOnlyList<string> Parents, string Tree, string Subject)
{
    public bool IsMerge => Parents.Count > 1;

    public string ShortId => Id.Length > 7 ? Id[..7] : Id;
}
