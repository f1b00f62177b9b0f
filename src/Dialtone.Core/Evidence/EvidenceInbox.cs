using System.Text;
using Dialtone.Core.Output;
using Dialtone.Core.Signing;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Records;

namespace Dialtone.Core.EvidenceFiles;

/// <summary>
/// What hooks must record, written where a shim can write it in sh with no .NET: a plain file
/// `evidence.log` in the store directory, one line per event (a hook run with DIALTONE=0, a commit
/// the gate did not pass). The first command that resolves the branch's ticket — post-commit's own
/// dialtone, or the next ticket command — takes its lines in as evidence (store and record) and
/// removes them; lines of other branches stay for their tickets. See docs/hooks.md.
/// </summary>
public static class EvidenceInbox
{
    public const string FileName = "evidence.log";

    private const string ClaimSuffix = ".claim";

    public static string PathIn(string storeDirectory) => Path.Combine(storeDirectory, FileName);

    /// <summary>Appends one line (O_APPEND, like the shims' `&gt;&gt;`), creating the store directory if needed.</summary>
    public static void Append(string storeDirectory, InboxLine line)
    {
        Directory.CreateDirectory(storeDirectory);
        File.AppendAllText(PathIn(storeDirectory), line.Format());
    }

    /// <summary>
    /// Takes in the lines of <paramref name="ticket"/>'s branch as evidence and saves the ticket when
    /// any were new; returns how many entries were added. Must run with the store open (its lock makes
    /// takers one at a time). Lines already taken in (a crash between save and cleanup) are not added twice.
    /// </summary>
    public static int Ingest(Workspace workspace, Store store, Ticket ticket)
    {
        var directory = workspace.StorePaths.Directory;
        List<string> claims;
        var mine = new List<InboxLine>();
        var others = new StringBuilder();
        try
        {
            claims = Claim(directory);
            foreach (var claim in claims)
            {
                foreach (var text in File.ReadAllLines(claim))
                {
                    if (InboxLine.Parse(text) is not { } line)
                    {
                        continue;
                    }

                    if (line.Branch == ticket.Branch)
                    {
                        mine.Add(line);
                    }
                    else
                    {
                        others.Append(text).Append('\n');
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable inbox stays where it is for the next command; this one goes on.
            return 0;
        }

        if (claims.Count == 0)
        {
            return 0;
        }

        var added = 0;
        foreach (var (kind, detail, at) in Entries(mine))
        {
            if (!ticket.Evidence.Exists(e => e.Kind == kind && e.Detail == detail && e.At == at))
            {
                Chain.AddEvidence(ticket, kind, detail, at);
                added++;
            }
        }

        if (added > 0)
        {
            workspace.Save(store, ticket);
        }

        try
        {
            if (others.Length > 0)
            {
                File.AppendAllText(PathIn(directory), others.ToString());
            }

            foreach (var claim in claims)
            {
                File.Delete(claim);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A claim left behind is taken again next time; entries already on the ticket are not added twice.
        }

        return added;
    }

    /// <summary>The sentence a reviewer reads for each line; a pre-commit skip followed by its commit's post-commit skip is one event.</summary>
    public static IEnumerable<(string Kind, string Detail, DateTimeOffset At)> Entries(IReadOnlyList<InboxLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line is { Kind: EvidenceKinds.GateSkipped, Hook: "pre-commit" } && i + 1 < lines.Count
                && lines[i + 1] is { Kind: EvidenceKinds.GateSkipped, Hook: "post-commit" })
            {
                continue;
            }

            yield return (line.Kind, Detail(line), line.At);
        }
    }

    private static string Detail(InboxLine line)
    {
        var subject = TicketText.OneLine(line.Subject, 120);
        var commit = line.Commit.Length == 0 ? "(no commit yet)" : line.ShortCommit;
        var branch = Names.Printable(line.Branch);
        var hook = Names.Printable(line.Hook);
        return (line.Kind, line.Hook) switch
        {
            (EvidenceKinds.GateSkipped, "post-commit") => $"commit {commit} '{subject}' was made with DIALTONE=0: no Dialtone hook checked it",
            (EvidenceKinds.GateSkipped, "pre-commit") => $"pre-commit ran with DIALTONE=0 on '{branch}' at {commit}: the commit gate checked nothing",
            (EvidenceKinds.GateSkipped, _) => $"{hook} ran with DIALTONE=0 on '{branch}' at {commit}: its checks were skipped",
            (EvidenceKinds.UnverifiedCommit, _) => UnverifiedCommitText(line.ShortCommit, line.Subject),
            _ => $"{Names.Printable(line.Kind)} reported by {hook} on '{branch}' at {commit}",
        };
    }

    /// <summary>The detail of an unverified-commit entry, the same whether post-commit wrote it or the inbox did.</summary>
    public static string UnverifiedCommitText(string shortCommit, string subject) =>
        $"commit {shortCommit} '{TicketText.OneLine(subject, 120)}' was made without passing the commit gate";

    /// <summary>
    /// Moves the inbox aside under a name of this process's own, so a shim appending meanwhile starts a
    /// new file; claims a crash left behind are taken too.
    /// </summary>
    private static List<string> Claim(string directory)
    {
        var inbox = PathIn(directory);
        if (File.Exists(inbox))
        {
            File.Move(inbox, $"{inbox}.{Environment.ProcessId}.{Guid.NewGuid():N}{ClaimSuffix}");
        }
        else if (!Directory.Exists(directory))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(directory, FileName + ".*" + ClaimSuffix).Order(StringComparer.Ordinal)];
    }
}
