using System.Text.Json.Nodes;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Subtasks;

/// <summary>`ticket subtask list`: the current ticket's subtasks with their statuses.</summary>
public static class SubtaskListUseCase
{
    public static Reply Run(Workspace workspace)
    {
        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        var reply = new Reply();
        reply.Add(Tag.Ticket, ticket.Subtasks.Count == 0
            ? $"Ticket '{ticket.Name}' has no subtasks yet."
            : $"Subtasks of '{ticket.Name}' ({ticket.DoneCount} of {ticket.Subtasks.Count} done):");
        TicketText.Queue(reply, ticket);

        reply.Set("ticket", () => ticket.Name);
        reply.Set("subtasks", () =>
        {
            var current = ticket.CurrentSubtask();
            var items = new JsonArray();
            foreach (var subtask in ticket.Subtasks)
            {
                items.Add(TicketJson.Subtask(subtask, subtask == current));
            }

            return items;
        });
        reply.Add(Tag.Action, NextStep.For(ticket));
        return reply;
    }
}
