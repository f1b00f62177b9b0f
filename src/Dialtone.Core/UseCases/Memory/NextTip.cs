using Dialtone.Core.Memory;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Storage.DuckDb;
using Dialtone.Core.Tickets;

namespace Dialtone.Core.UseCases.Memory;

/// <summary>
/// The tip `ticket next` shows as work on a subtask starts: from the ticket it was imported from,
/// or from the ticket of its closest archived twin.
/// </summary>
public static class NextTip
{
    public static void Add(Reply reply, Store store, Ticket ticket, Subtask subtask)
    {
        try
        {
            AddTip(reply, store, ticket, subtask);
        }
        catch (DuckDbException ex)
        {
            // A tip is advice; a store hiccup reading it must not stop the test run.
            reply.Add(Tag.Warn, $"Could not read tips from the archive ({TicketText.OneLine(ex.Message, 160)}).");
        }
    }

    private static void AddTip(Reply reply, Store store, Ticket ticket, Subtask subtask)
    {
        var archive = store.Archive;
        if (archive.ImportOrigin(ticket.Name, subtask.Name) is { } origin)
        {
            if (!string.IsNullOrWhiteSpace(origin.Tip))
            {
                reply.Add(Tag.Tip, $"From '{origin.FromTicket}': {TicketText.OneLine(origin.Tip, 300)}");
                reply.Detail($"'{subtask.Name}' was imported from {origin.FromTicket}/{origin.FromSubtask}");
            }

            return;
        }

        if (archive.Count() == 0)
        {
            return;
        }

        var query = MemoryQuery.ForSubtask(subtask.Name, subtask.Description, subtask.Conditions);
        if (RelevanceRules.TipTwin(archive.Candidates(query, tickets: 1, subtasks: 5), query) is { } twin)
        {
            reply.Add(Tag.Tip, $"From '{twin.Ticket}': {TicketText.OneLine(twin.Tip!, 300)}");
            reply.Detail($"'{subtask.Name}' is like archived {twin.Reference} ({MemoryLines.Why(twin)})");
        }
    }
}
