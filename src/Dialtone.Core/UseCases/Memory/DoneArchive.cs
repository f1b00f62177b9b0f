using Dialtone.Core.Memory;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Storage.DuckDb;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Git;

namespace Dialtone.Core.UseCases.Memory;

/// <summary>What `ticket done` adds: the ticket goes into the archive that later starts search.</summary>
public static class DoneArchive
{
    public static void Add(Reply reply, Workspace workspace, Store store, Ticket ticket, DateTimeOffset now)
    {
        int files;
        try
        {
            files = Archiver.Archive(store, workspace.Repository, ticket, now);
        }
        catch (Exception ex) when (ex is DuckDbException or GitException)
        {
            // The ticket is done either way; catch-up archives it at the next start (without its files).
            reply.Add(Tag.Warn, $"'{ticket.Name}' is done, but archiving it failed ({TicketText.OneLine(ex.Message, 160)}); the next ticket start archives it.");
            return;
        }

        reply.Add(Tag.Ticket, $"Archived '{ticket.Name}' for later tickets: {ticket.Subtasks.Count} {(ticket.Subtasks.Count == 1 ? "subtask" : "subtasks")}, {files} changed {(files == 1 ? "file" : "files")}, its runs, log, summary and tip.");
    }
}
