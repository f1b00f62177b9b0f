using System.CommandLine;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.UseCases.Alerts;
using Dialtone.Core.UseCases.Loop;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Cli.Commands.Tickets;

/// <summary>`ticket status`: the current ticket, its queue, and the next action.</summary>
public static class StatusCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("status", "Show the current ticket, its subtask queue and the next action.");
        Handler.Set(command, globals, "ticket status", context => Run(context.Workspace));
        return command;
    }

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
        var messageAction = MessageBlock.Describe(reply, messages);
        var alerted = PendingAlerts.Add(reply, workspace, store, ticket);
        reply.Set("ticket", () => TicketJson.Full(ticket));
        reply.Set("openMessages", () => new System.Text.Json.Nodes.JsonArray([.. messages.Where(m => m.Blocks).Select(m => (System.Text.Json.Nodes.JsonNode?)m.Id)]));
        reply.Add(Tag.Action, messageAction ?? (alerted ? $"{NextStep.Cli} ticket ack" : NextStep.For(ticket)));
        return reply;
    }
}
