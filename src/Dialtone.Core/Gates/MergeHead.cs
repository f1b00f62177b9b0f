using Dialtone.Core.Tickets;
using Dialtone.Git;

namespace Dialtone.Core.Gates;

/// <summary>
/// What MERGE_HEAD says about the commit being made. It counts as a merge only when every commit it
/// names exists and is neither HEAD nor an ancestor of HEAD, and git will keep HEAD as a parent: then
/// the commit has two parents and really brings in work the ticket's signatures never covered. A
/// MERGE_HEAD that names HEAD, an ancestor, or nothing (written by hand, or left over) makes no
/// merge: git would record one parent, or a parent that adds nothing. Nor does one naming a
/// descendant of HEAD without MERGE_MODE `no-ff`: git would drop HEAD and record that commit as the
/// only parent. Such a commit is judged like any other.
/// </summary>
public sealed record MergeHead(IReadOnlyList<string> Commits, string? IgnoredBecause)
{
    public static readonly MergeHead None = new([], null);

    /// <summary>A MERGE_HEAD file is there.</summary>
    public bool Present => Commits.Count > 0 || IgnoredBecause is not null;

    /// <summary>git will record this commit with the named commits as further parents.</summary>
    public bool IsRealMerge => Commits.Count > 0 && IgnoredBecause is null;

    public static MergeHead Read(GitRepository repository)
    {
        if (repository.MergeHeadNames() is not { } names)
        {
            return None;
        }

        if (names.Count == 0)
        {
            return new MergeHead([], "it is empty");
        }

        var head = repository.Head;
        if (head is null)
        {
            return new MergeHead(names, "HEAD has no commit yet, so there is nothing to merge into");
        }

        var noFastForward = repository.MergeModeNoFastForward();
        foreach (var name in names)
        {
            var shown = Short(name);
            if (!GitRepository.IsObjectId(name) || repository.ResolveCommit(name) is null)
            {
                return new MergeHead(names, $"'{Names.Printable(shown)}' is not a commit of this repository");
            }

            if (name == head)
            {
                return new MergeHead(names, $"it names HEAD ({shown}) itself");
            }

            if (repository.IsAncestor(name, head))
            {
                return new MergeHead(names, $"it names {shown}, which HEAD already contains");
            }

            if (!noFastForward && repository.IsAncestor(head, name))
            {
                return new MergeHead(names, $"it names {shown}, which already contains HEAD, and without MERGE_MODE no-ff git would record it as the only parent");
            }
        }

        return new MergeHead(names, null);
    }

    private static string Short(string name) => name.Length > 12 ? name[..12] : name;
}
