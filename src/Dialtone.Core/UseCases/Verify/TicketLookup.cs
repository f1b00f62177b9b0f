using Dialtone.Core.Workflow;
using Dialtone.Git;
using Dialtone.Records.Gate;

namespace Dialtone.Core.UseCases.Verify;

/// <summary>
/// Which ticket `dialtone verify` checks, the way the build gate finds it (`--ticket`, then
/// DIALTONE_TICKET, the checked-out branch, the CI's branch variables), then the `Dialtone-Ticket:`
/// trailer of HEAD (a CI checkout is often detached with no variable set).
/// </summary>
public static class TicketLookup
{
    public const string TrailerKey = "Dialtone-Ticket";

    // How far back the trailers of a branch are looked for when its record is missing.
    private const int TrailerDepth = 500;

    /// <param name="baseOption">`--base`, when given: a branch that changes a ticket's record is that ticket's, whatever its name.</param>
    public static VerifyTarget Find(GitRepository repository, string head, string? option, string? baseOption = null)
    {
        var probe = RepositoryProbe.Find(repository.TopLevel)
            ?? throw DialtoneError.Environment($"'{repository.TopLevel}' is not inside a git work tree.", "git status");
        var (name, isExplicit) = TicketResolver.Resolve(option, probe);
        if (isExplicit)
        {
            return TicketResolver.IsTicketName(name!)
                ? new VerifyTarget(name, Record(repository, head, name!))
                : throw DialtoneError.Usage(
                    $"'{Names(name!)}' is not a ticket name (lowercase letters, digits and dashes).",
                    $"{NextStep.Cli} verify --ticket <ticket>");
        }

        var candidate = name is not null && TicketResolver.IsTicketName(name) ? name : null;
        if (candidate is not null && Record(repository, head, candidate) is { } record)
        {
            return new VerifyTarget(candidate, record);
        }

        foreach (var trailer in repository.TrailerValues(head, TrailerKey).Where(TicketResolver.IsTicketName))
        {
            // HEAD says which ticket it belongs to: its record must be there.
            return new VerifyTarget(trailer, Record(repository, head, trailer));
        }

        if (candidate is not null && repository.TrailerValuesInHistory(head, TrailerKey, TrailerDepth).Contains(candidate, StringComparer.Ordinal))
        {
            return new VerifyTarget(candidate, null);
        }

        // Renamed away from its ticket and its trailers stripped, a branch still carries the record it changed.
        if (baseOption is { Length: > 0 } && ChangedRecords(repository, head, baseOption) is { Count: > 0 } changed)
        {
            return changed.Count == 1
                ? new VerifyTarget(changed[0], Record(repository, head, changed[0]))
                : throw DialtoneError.Usage(
                    $"The branch changes the records of {changed.Count} tickets ({string.Join(", ", changed)}) and nothing says which one it is.",
                    $"{NextStep.Cli} verify --ticket <ticket> --base {Core.Grants.ShellWords.Quote(baseOption)}");
        }

        if (name is null)
        {
            throw DialtoneError.Usage(
                "HEAD is detached and nothing names its ticket: no --ticket, no DIALTONE_TICKET, no CI branch variable, no Dialtone-Ticket trailer on HEAD.",
                $"{NextStep.Cli} verify --ticket <ticket>");
        }

        return new VerifyTarget(null, null, $"Branch '{Names(name)}' has no ticket record and no commit names it as a ticket: nothing to verify.");
    }

    /// <summary>The tickets whose records the branch adds or changes since its merge-base with the base (none when the base is not here: the base check says so).</summary>
    private static List<string> ChangedRecords(GitRepository repository, string head, string baseOption)
    {
        if (BaseLookup.Named(repository, baseOption) is not { } found || repository.MergeBase(found.Commit, head) is not { } mergeBase)
        {
            return [];
        }

        var prefix = $"{SnapshotTree.BookkeepingDirectory}/tickets/";
        return [.. (repository.DiffRaw(mergeBase, head, [prefix]) ?? [])
            .Where(c => c.NewBlob is not null && c.Path.StartsWith(prefix, StringComparison.Ordinal) && c.Path.EndsWith(".json", StringComparison.Ordinal))
            .Select(c => c.Path[prefix.Length..^".json".Length])
            .Where(TicketResolver.IsTicketName)
            .Distinct(StringComparer.Ordinal)];
    }

    private static byte[]? Record(GitRepository repository, string head, string ticket) =>
        repository.BlobBytes($"{head}:{VerifyTarget.RecordPath(ticket)}");

    private static string Names(string text) => Core.Tickets.Names.Printable(text, 80);
}
