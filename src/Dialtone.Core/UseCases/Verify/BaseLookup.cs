using Dialtone.Core.Workflow;
using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Verify;

/// <summary>
/// The base `dialtone verify` compares with: `--base`, else the record's base branch (as
/// `origin/&lt;branch&gt;` too: a CI clone often has no local branch but the one checked out), else the
/// record's base commit; and its merge-base with HEAD. A base that is not here is bad input (exit 2).
/// </summary>
public static class BaseLookup
{
    public sealed record Found(string Ref, string Commit, string MergeBase);

    public static Found Resolve(GitRepository repository, string head, string? option, TicketRecord record)
    {
        var (name, commit) = option is { Length: > 0 }
            ? Named(repository, option) ?? throw Missing(repository, $"The base '{Printable(option)}' names no commit in this repository")
            : FromRecord(repository, record);
        var mergeBase = repository.MergeBase(commit, head)
            ?? throw DialtoneError.Usage(
                $"The base {name} ({VerifyReport.Short(commit)}) and HEAD have no common history{ShallowNote(repository)}.",
                repository.IsShallow ? "git fetch --unshallow" : $"{NextStep.Cli} verify --base <base-branch>");
        return new Found(name, commit, mergeBase);
    }

    /// <summary>The commit a `--base` names (as given, or as origin/&lt;name&gt;), or null when it names none here.</summary>
    public static (string Name, string Commit)? Named(GitRepository repository, string option)
    {
        foreach (var candidate in Candidates(option))
        {
            if (repository.ResolveCommit(candidate) is { } commit)
            {
                return (candidate, commit);
            }
        }

        return null;
    }

    private static (string Name, string Commit) FromRecord(GitRepository repository, TicketRecord record)
    {
        if (record.Base.Branch is { Length: > 0 } branch)
        {
            foreach (var candidate in Candidates(branch))
            {
                if (repository.ResolveCommit(candidate) is { } commit)
                {
                    return (candidate, commit);
                }
            }
        }

        if (record.Base.Commit is { Length: > 0 } recorded && repository.ResolveCommit(recorded) is { } found)
        {
            return (VerifyReport.Short(found), found);
        }

        var named = new List<string>();
        if (record.Base.Branch is { Length: > 0 } b)
        {
            named.Add($"branch '{Printable(b)}' (nor origin/{Printable(b)})");
        }

        if (record.Base.Commit is { Length: > 0 } c)
        {
            named.Add($"commit {Printable(c)}");
        }

        throw Missing(repository, named.Count == 0
            ? "The record names no base (no branch, no commit)"
            : $"The record's base {string.Join(" and ", named)} is not in this repository");
    }

    private static IEnumerable<string> Candidates(string name)
    {
        yield return name;
        if (!name.StartsWith("origin/", StringComparison.Ordinal) && !name.StartsWith("refs/", StringComparison.Ordinal))
        {
            yield return "origin/" + name;
        }
    }

    private static DialtoneError Missing(GitRepository repository, string what) =>
        DialtoneError.Usage(
            $"{what}{ShallowNote(repository)}; pass the branch the ticket will merge into.",
            repository.IsShallow ? "git fetch --unshallow" : $"{NextStep.Cli} verify --base <base-branch>");

    private static string ShallowNote(GitRepository repository) =>
        repository.IsShallow ? " (this clone is shallow: fetch the whole history, e.g. actions/checkout with fetch-depth: 0)" : "";

    private static string Printable(string text) => Core.Tickets.Names.Printable(text, 80);
}
