using Dialtone.Core.Memory;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Cli.Commands.Memory;

/// <summary>What `ticket start` adds for a new ticket: archived tickets like it, their subtasks and tips.</summary>
public static class StartMemory
{
    public static void Add(Reply reply, Workspace workspace, Store store, Ticket ticket)
    {
        Archiver.CatchUp(store);
        var archive = new ArchiveTable(store.Connection);
        if (archive.Count() == 0)
        {
            return;
        }

        var query = MemoryQuery.From([ticket.Name, ticket.Description], BranchFiles.Changed(workspace.Repository, ticket));
        var findings = RelevanceRules.Select(archive.Candidates(query), query);
        if (findings.IsEmpty)
        {
            return;
        }

        MemoryLines.Add(reply, findings);
        reply.Set("memory", () => MemoryLines.Json(findings));
    }
}
