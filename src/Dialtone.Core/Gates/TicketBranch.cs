using System.Text.Json;
using Dialtone.Core.Records;
using Dialtone.Core.Tickets;
using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Core.Gates;

/// <summary>
/// The ticket of the checked-out branch, as gates see it: the branch has a record
/// `.dialtone/tickets/&lt;branch&gt;.json` in the work tree or, when that file was deleted, in HEAD
/// (so removing the record does not switch the gate off). Reads git and the record, never the store.
/// </summary>
public sealed record TicketBranch(string Branch, Ticket Ticket, bool FromHead)
{
    public string RecordPath => RecordFile.RelativePath(Ticket.Name);

    /// <summary>The ticket of the current branch, or null when the branch has none (or HEAD is detached).</summary>
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
            return new TicketBranch(branch, ticket, FromHead: false);
        }

        var committed = repository.BlobBytes($"HEAD:{relative}");
        if (committed is null)
        {
            explain?.Invoke($"branch '{branch}' has no record {relative} in the work tree or in HEAD: no ticket branch");
            return null;
        }

        explain?.Invoke($"branch '{branch}': {relative} is missing from the work tree; using the one in HEAD");
        return new TicketBranch(branch, FromCommit(branch, committed), FromHead: true);
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

    private static Ticket FromCommit(string name, byte[] json)
    {
        var relative = RecordFile.RelativePath(name);
        try
        {
            var ticket = RecordMapper.FromRecord(RecordCodec.Parse(json));
            return ticket.Name == name ? ticket : throw new FormatException($"it describes ticket '{ticket.Name}', not '{name}'");
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw DialtoneError.Usage(
                $"The ticket record '{relative}' in HEAD cannot be read: {ex.Message}. Nothing was changed.",
                $"git checkout HEAD -- {relative}");
        }
    }
}
