using System.Text.Json.Nodes;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Alerts;
using Dialtone.Core.UseCases.Loop;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Tickets;

/// <summary>`ticket status`: the current ticket, its queue, and the next action.</summary>
public static class StatusUseCase
{
    public static Reply Run(Workspace workspace)
    {
        using var store = workspace.OpenStore();
        var ticket = workspace.CurrentTicket(store);
        var reply = new Reply();
        if (ticket is null)
        {
            reply.Add(Tag.Ticket, workspace.CurrentBranch is { } branch ? $"No ticket on branch '{branch}'." : "HEAD is detached; no current ticket.");
            reply.Set("ticket", () => null);
            reply.Add(Tag.Action, $"{NextStep.Cli} ticket start <ticket-name>");
            return reply;
        }

        var current = ticket.CurrentSubtask();
        reply.Add(Tag.Ticket, $"Current ticket: {ticket.Name} ({ticket.DoneCount} of {ticket.Subtasks.Count} subtasks done{(current is null ? "" : $"; current: {current.Name}")})");
        TicketText.Queue(reply, ticket);
        var messages = store.Messages.ForTicket(ticket.Name);
        var blocker = MessageBlock.Describe(reply, messages);
        var alerted = PendingAlerts.Add(reply, workspace, store, ticket);

        // What happened outside the loop, for the agent and for whoever reviews the ticket (docs/trust.md).
        EvidenceReport.Add(reply, ticket);
        reply.Set("ticket", () => TicketJson.Full(ticket));
        reply.Set("openMessages", () => new JsonArray([.. messages.Where(m => m.Blocks).Select(m => (JsonNode?)m.Id)]));
        if (blocker is not null)
        {
            reply.Add(Tag.Message, blocker.Message);
            return reply.Add(Tag.Action, blocker.Action);
        }

        return reply.Add(Tag.Action, alerted ? $"{NextStep.Cli} ticket ack" : NextStep.For(ticket));
    }
}
