using Dialtone.Core.Memory;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Cli.Commands.Memory;

/// <summary>What `ticket done` adds: the ticket goes into the archive that later starts search.</summary>
public static class DoneArchive
{
    public static void Add(Reply reply, Workspace workspace, Store store, Ticket ticket, DateTimeOffset now)
    {
        var files = Archiver.Archive(store, workspace.Repository, ticket, now);
        reply.Add(Tag.Ticket, $"Archived '{ticket.Name}' for later tickets: {ticket.Subtasks.Count} {(ticket.Subtasks.Count == 1 ? "subtask" : "subtasks")}, {files} changed {(files == 1 ? "file" : "files")}, its runs, log, summary and tip.");
    }
}
