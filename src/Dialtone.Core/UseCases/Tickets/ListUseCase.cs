using System.Text.Json.Nodes;
using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Tickets;

/// <summary>`ticket list [--all]`: open tickets (and done ones with --all), newest first.</summary>
public static class ListUseCase
{
    public static Reply Run(Workspace workspace, bool includeDone)
    {
        using var store = workspace.OpenStore();
        workspace.ImportRecords(store);
        var table = store.Tickets;
        var tickets = table.List(includeDone);
        var counts = table.SubtaskCounts();
        var current = workspace.CurrentBranch;

        var reply = new Reply();
        reply.Add(Tag.Ticket, tickets.Count switch
        {
            0 => includeDone ? "No tickets yet." : "No open tickets.",
            1 => "1 ticket:",
            _ => $"{tickets.Count} tickets:",
        });

        var width = tickets.Count == 0 ? 0 : tickets.Max(t => t.Name.Length);
        foreach (var ticket in tickets)
        {
            var (done, total) = counts.GetValueOrDefault(ticket.Name);
            var isCurrent = ticket.Branch == current;
            var parent = ticket.Parent is null ? "" : $"  side quest of {ticket.Parent}";
            reply.Detail($"{(isCurrent ? "*" : " ")} {ticket.Name.PadRight(width)}  {StatusText.Of(ticket.Status),-4}  {done}/{total}{parent}");
        }

        reply.Set("tickets", () =>
        {
            var items = new JsonArray();
            foreach (var ticket in tickets)
            {
                var (done, total) = counts.GetValueOrDefault(ticket.Name);
                items.Add(TicketJson.Summary(ticket, done, total, ticket.Branch == current));
            }

            return items;
        });
        if (tickets.Count == 0)
        {
            reply.Add(Tag.Action, $"{NextStep.Cli} ticket start <ticket-name>");
        }

        return reply;
    }
}
