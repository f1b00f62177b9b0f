using Dialtone.Core.EvidenceFiles;
using Dialtone.Core.Records;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Git;

namespace Dialtone.Core.Gates;

/// <summary>
/// The ticket of the checked-out branch, as gates see it. A branch is a ticket branch when its record
/// `.dialtone/tickets/&lt;branch&gt;.json` is in the work tree, or — so that moving the record aside does
/// not switch the gate off — when the store directory has the branch's marker, HEAD has the record
/// committed, or one of the last <see cref="TrailerDepth"/> commits reachable from HEAD carries
/// `Dialtone-Ticket: &lt;branch&gt;` (this branch's name: a branch made from a ticket branch carries the
/// other ticket's trailers and is not one). Without the record in the work tree, <see cref="Ticket"/>
/// is null and the gate blocks until it is restored. Reads files and git, never the store.
/// </summary>
public sealed record TicketBranch(string Branch, TicketBranchSource Source, Ticket? Ticket)
{
    /// <summary>How far back the trailer search looks: the hook shims use the same bound.</summary>
    public const int TrailerDepth = 200;

    public string RecordPath => RecordFile.RelativePath(Branch);

    /// <summary>The ticket branch checked out, or null when the branch is not one (or HEAD is detached).</summary>
    public static TicketBranch? Find(GitRepository repository, Action<string>? explain = null)
    {
        var branch = BranchOf(repository);
        if (branch is null)
        {
            explain?.Invoke("HEAD is detached: no ticket branch");
            return null;
        }

        if (!Names.IsValid(branch))
        {
            explain?.Invoke($"branch '{branch}' cannot be a ticket name: no ticket branch");
            return null;
        }

        var relative = RecordFile.RelativePath(branch);
        if (RecordFile.Read(repository.TopLevel, branch) is { } ticket)
        {
            explain?.Invoke($"branch '{branch}' has the record {relative} in the work tree");
            return new TicketBranch(branch, TicketBranchSource.Record, ticket);
        }

        if (SourceWithoutRecord(repository, branch) is not { } source)
        {
            explain?.Invoke($"branch '{branch}' has no record {relative}, no marker, no committed record and no '{TrailerHandoff.TicketTrailer}: {branch}' trailer in its last {TrailerDepth} commits: no ticket branch");
            return null;
        }

        explain?.Invoke($"branch '{branch}' is a ticket branch ({Describe(source)}), but {relative} is missing from the work tree");
        return new TicketBranch(branch, source, null);
    }

    /// <summary>
    /// Whether <paramref name="branch"/> is a ticket branch, without reading its record: what the hook
    /// shims decide in sh. <paramref name="lookInGit"/> adds the checks that cost git processes
    /// (committed record, trailers), which only pre-commit makes.
    /// </summary>
    public static TicketBranchSource? Identify(GitRepository repository, string branch, bool lookInGit)
    {
        if (File.Exists(RecordFile.PathIn(repository.TopLevel, branch)))
        {
            return TicketBranchSource.Record;
        }

        if (BranchMarker.Exists(StorePaths.ForCommonDir(repository.CommonDir).Directory, branch))
        {
            return TicketBranchSource.Marker;
        }

        return lookInGit ? InGit(repository, branch) : null;
    }

    /// <summary>What tells that <paramref name="branch"/> is a ticket branch when its record is not in the work tree; null when nothing does.</summary>
    public static TicketBranchSource? SourceWithoutRecord(GitRepository repository, string branch) =>
        BranchMarker.Exists(StorePaths.ForCommonDir(repository.CommonDir).Directory, branch)
            ? TicketBranchSource.Marker
            : InGit(repository, branch);

    private static TicketBranchSource? InGit(GitRepository repository, string branch)
    {
        if (repository.BlobIdAt("HEAD", RecordFile.RelativePath(branch)) is not null)
        {
            return TicketBranchSource.CommittedRecord;
        }

        return repository.RecentTrailerValues("HEAD", TrailerHandoff.TicketTrailer, TrailerDepth).Contains(branch, StringComparer.Ordinal)
            ? TicketBranchSource.Trailer
            : null;
    }

    /// <summary>Why the gate knows the branch, for a sentence.</summary>
    public static string Describe(TicketBranchSource source) => source switch
    {
        TicketBranchSource.Record => "its record is in the work tree",
        TicketBranchSource.Marker => "ticket start marked it in this repository's store directory",
        TicketBranchSource.CommittedRecord => "HEAD has its record committed",
        _ => $"its commits carry '{TrailerHandoff.TicketTrailer}' trailers naming it",
    };

    /// <summary>
    /// The one command that puts the missing record back: from HEAD when HEAD has it; else from the
    /// store (`ticket status` rewrites the record of the checked-out ticket); in a clone without the
    /// ticket in its store, from the last commit that had it.
    /// </summary>
    public string RestoreAction(GitRepository repository)
    {
        if (Source == TicketBranchSource.CommittedRecord || repository.BlobIdAt("HEAD", RecordPath) is not null)
        {
            return $"git checkout HEAD -- {RecordPath}";
        }

        if (Source == TicketBranchSource.Marker)
        {
            return $"{NextStep.Cli} ticket status";
        }

        // HEAD lacks it, so the last commit that touched it removed it: its parent still had it.
        return repository.LastCommitTouching("HEAD", RecordPath) is { } removal
            ? $"git checkout {removal.Id[..Math.Min(12, removal.Id.Length)]}~1 -- {RecordPath}"
            : $"{NextStep.Cli} ticket status";
    }

    /// <summary>
    /// The branch from the HEAD file of this worktree's git dir (no process), falling back to git
    /// for anything unusual. Null when detached.
    /// </summary>
    public static string? BranchOf(GitRepository repository)
    {
        const string prefix = "ref: refs/heads/";
        try
        {
            var head = File.ReadAllText(Path.Combine(repository.GitDir, "HEAD")).TrimEnd('\n', '\r');
            if (head.StartsWith(prefix, StringComparison.Ordinal))
            {
                return head[prefix.Length..];
            }

            if (head.Length is 40 or 64 && head.All(char.IsAsciiHexDigitLower))
            {
                return null;
            }
        }
        catch (IOException)
        {
            // Fall through to git, which knows every ref storage.
        }

        return repository.CurrentBranch;
    }
}
