using System.Text;
using Dialtone.Core.Config;
using Dialtone.Core.Output;
using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Verify;

/// <summary>
/// Every commit since the merge-base (all of them, not only the first-parent line) must be signed
/// (its tree, `.dialtone/` excluded, is an attested tree), bookkeeping (nothing outside `.dialtone/`
/// changed, and no policy) or a real merge; anything else was committed past the commit gate. Cost:
/// one `git log` and one `git cat-file --batch` whatever the number of commits, the trees hashed in
/// process (docs/verify.md).
/// </summary>
public static class CommitWalk
{
    /// <summary>HEAD's tree with `.dialtone/` excluded, and the config file's text at the merge-base and at HEAD (null: none).</summary>
    public sealed record Result(string HeadTree, string? BaseConfig, string? HeadConfig);

    private const string ConfigPath = DialtoneConfig.RelativePath;

    public static Result Run(GitRepository repository, TicketRecord record, BaseLookup.Found found, string head, VerifyReport report)
    {
        var commits = repository.CommitsInRange(found.MergeBase, head);
        var treeOf = commits.ToDictionary(c => c.Id, c => c.Tree, StringComparer.Ordinal);
        var trees = commits.Select(c => c.Tree).Distinct(StringComparer.Ordinal).ToList();
        var names = new List<string>(2 * trees.Count + 4);
        foreach (var tree in trees)
        {
            names.Add(tree);
            names.Add($"{tree}:{ConfigPath}");
        }

        // With no commit since the merge-base, HEAD (and the merge-base) are not in the listing.
        var unlisted = new[] { head, found.MergeBase }.Where(c => !treeOf.ContainsKey(c)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var commit in unlisted)
        {
            names.Add($"{commit}^{{tree}}");
            names.Add($"{commit}:{ConfigPath}");
        }

        var objects = repository.ReadObjects(names);
        var rootTrees = new Dictionary<string, GitObject?>(StringComparer.Ordinal);
        var configs = new Dictionary<string, GitObject?>(StringComparer.Ordinal);
        for (var i = 0; i < trees.Count; i++)
        {
            rootTrees[trees[i]] = objects[2 * i];
            configs[trees[i]] = objects[(2 * i) + 1];
        }

        for (var i = 0; i < unlisted.Count; i++)
        {
            var tree = objects[(2 * trees.Count) + (2 * i)] ?? throw new GitException($"git has no tree for commit {unlisted[i]}.");
            treeOf[unlisted[i]] = tree.Id;
            rootTrees[tree.Id] = tree;
            configs[tree.Id] = objects[(2 * trees.Count) + (2 * i) + 1];
        }

        var without = new Dictionary<string, string>(StringComparer.Ordinal);
        string Without(string rootTree)
        {
            if (!without.TryGetValue(rootTree, out var tree))
            {
                tree = repository.WithoutBookkeeping(rootTree, rootTrees.GetValueOrDefault(rootTree));
                without[rootTree] = tree;
            }

            return tree;
        }

        string? Config(string commit) => configs.GetValueOrDefault(treeOf[commit]) is { Type: "blob" } blob ? Encoding.UTF8.GetString(blob.Content) : null;

        var attested = new Dictionary<string, Attestation>(StringComparer.Ordinal);
        foreach (var attestation in record.Attestations)
        {
            attested[attestation.Tree] = attestation;
        }

        foreach (var commit in commits.Where(c => !c.Boundary))
        {
            report.Commits.Add(Classify(commit, Without(commit.Tree)));
        }

        VerifiedCommit Classify(RangeCommit commit, string tree)
        {
            if (commit.IsMerge)
            {
                return new VerifiedCommit(commit, CommitKind.Merge, tree);
            }

            var parent = commit.Parents.Count == 1 && treeOf.ContainsKey(commit.Parents[0]) ? commit.Parents[0] : null;
            if (parent is not null && configs.GetValueOrDefault(treeOf[parent])?.Id != configs.GetValueOrDefault(commit.Tree)?.Id
                && PolicyDiff.Changes(Config(parent), Config(commit.Id)) is { Count: > 0 } changes)
            {
                return new VerifiedCommit(commit, CommitKind.Policy, tree, Note: string.Join("; ", changes));
            }

            if (parent is not null && Without(treeOf[parent]) == tree)
            {
                return new VerifiedCommit(commit, CommitKind.Bookkeeping, tree);
            }

            return attested.TryGetValue(tree, out var signature)
                ? new VerifiedCommit(commit, CommitKind.Signed, tree, signature.Seq)
                : new VerifiedCommit(commit, CommitKind.Unsigned, tree);
        }

        Report(repository, found, report);
        return new Result(Without(treeOf[head]), Config(found.MergeBase), Config(head));
    }

    private static void Report(GitRepository repository, BaseLookup.Found found, VerifyReport report)
    {
        var reset = $"git reset --soft {found.MergeBase}";
        foreach (var c in report.Commits)
        {
            var name = $"commit {c.Commit.Short}";
            var subject = TicketText.OneLine(c.Commit.Subject, 80);
            switch (c.Kind)
            {
                case CommitKind.Unsigned:
                    report.Add(VerifyCheck.Fail(
                        name,
                        $"commit {c.Commit.Short} '{subject}' records work no signature covers (its tree {VerifyReport.Short(c.Tree)}, .dialtone/ excluded, is no attested tree): it was made past the commit gate (git commit --no-verify, or no hooks).",
                        $"sign the work and commit it through the commit gate: {reset} keeps the branch's work staged, and a new git commit is checked against the signatures (run ./dialtone.sh ticket next and SIGN first if the last state is not signed).",
                        reset));
                    break;
                case CommitKind.Policy:
                    report.Add(VerifyCheck.Fail(
                        name,
                        $"commit {c.Commit.Short} '{subject}' changes policy in {ConfigPath}: {c.Note}.",
                        $"policy is the human's: take the change out of the branch ({reset}, then restore {ConfigPath} with git checkout {VerifyReport.Short(found.MergeBase)} -- {ConfigPath}) and let the human commit it on the base branch.",
                        reset));
                    break;
                case CommitKind.Merge:
                    MergeWarning(repository, c, report);
                    break;
                default:
                    break;
            }
        }

        if (report.Commits.TrueForAll(c => c.Passed))
        {
            int Count(string kind) => report.Commits.Count(c => c.Kind == kind);
            report.Add(report.Commits.Count == 0
                ? VerifyCheck.Warn("commits", $"commits: none since the merge-base {VerifyReport.Short(found.MergeBase)}: HEAD is already on the base {found.Ref}; is that the branch the ticket merges into?")
                : VerifyCheck.Pass("commits", $"commits: all {report.Commits.Count} since the merge-base are signed ({Count(CommitKind.Signed)}), bookkeeping ({Count(CommitKind.Bookkeeping)}) or merges ({Count(CommitKind.Merge)})."));
        }
    }

    /// <summary>
    /// A merge passes, but one whose tree is not what git's own merge of its parents gives (a hand
    /// resolution, or work slipped in under the merge) is shown to the reviewer.
    /// </summary>
    private static void MergeWarning(GitRepository repository, VerifiedCommit merge, VerifyReport report)
    {
        if (merge.Commit.Parents.Count != 2 || repository.AutoMerge(merge.Commit.Parents[0], merge.Commit.Parents[1]) is not { } auto)
        {
            return;
        }

        var automatic = repository.TreesWithoutBookkeeping([auto.Tree])[auto.Tree];
        if (auto.Clean && automatic == merge.Tree)
        {
            return;
        }

        report.Add(VerifyCheck.Warn(
            $"commit {merge.Commit.Short}",
            $"merge {merge.Commit.Short} '{TicketText.OneLine(merge.Commit.Subject, 80)}' is not git's own merge of its parents ({(auto.Clean ? "it changes more than the merge does" : "it resolves conflicts")}); review what it adds: git show --remerge-diff {merge.Commit.Short}"));
    }
}
