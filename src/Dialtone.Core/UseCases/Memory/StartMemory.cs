using Dialtone.Core.Memory;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Storage.DuckDb;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Git;

namespace Dialtone.Core.UseCases.Memory;

/// <summary>What `ticket start` adds for a new ticket: archived tickets like it, their subtasks and tips.</summary>
public static class StartMemory
{
    public static void Add(Reply reply, Workspace workspace, Store store, Ticket ticket)
    {
        Findings findings;
        try
        {
            findings = Find(workspace, store, ticket);
        }
        catch (Exception ex) when (ex is DuckDbException or GitException)
        {
            // The ticket is started either way; the archive is advice, not a gate.
            reply.Add(Tag.Warn, $"Could not search the archive ({TicketText.OneLine(ex.Message, 160)}); try {NextStep.Cli} ticket search \"<words>\".");
            return;
        }

        if (findings.IsEmpty)
        {
            return;
        }

        MemoryLines.Add(reply, findings);
        reply.Set("memory", () => MemoryLines.Json(findings));
    }

    private static Findings Find(Workspace workspace, Store store, Ticket ticket)
    {
        Archiver.CatchUp(store);
        var archive = store.Archive;
        if (archive.Count() == 0)
        {
            return Findings.None;
        }

        var query = MemoryQuery.From([ticket.Name, ticket.Description], BranchFiles.Changed(workspace.Repository, ticket));
        return RelevanceRules.Select(archive.Candidates(query), query);
    }
}
