using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Tickets;

/// <summary>`ticket show [&lt;name&gt;]`: one ticket in full (default: the current one).</summary>
public static class ShowUseCase
{
    public static Reply Run(Workspace workspace, string? name)
    {
        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Resolve(workspace, store, name);

        var reply = new Reply();
        reply.Add(Tag.Ticket, $"Ticket: {ticket.Name} ({StatusText.Of(ticket.Status)}, revision {ticket.Revision})");
        reply.Detail($"Branch: {ticket.Branch}{(ticket.BaseBranch is null ? "" : $" from {ticket.BaseBranch}")}{(ticket.BaseCommit is null ? "" : $" at {ticket.BaseCommit[..Math.Min(7, ticket.BaseCommit.Length)]}")}");
        if (ticket.Parent is not null)
        {
            reply.Detail($"Side quest of: {ticket.Parent}");
        }

        reply.Detail($"Description: {(ticket.Description.Length == 0 ? "(none)" : TicketText.OneLine(ticket.Description, 500))}");
        reply.Detail($"Created: {ticket.CreatedAt:u}  Updated: {ticket.UpdatedAt:u}");
        reply.Detail($"Subtasks: {ticket.DoneCount} of {ticket.Subtasks.Count} done");
        foreach (var subtask in ticket.Subtasks)
        {
            TicketText.Card(reply, subtask);
        }

        reply.Set("ticket", () => TicketJson.Full(ticket));
        if (workspace.IsCheckedOut(ticket))
        {
            reply.Add(Tag.Action, NextStep.For(ticket));
        }

        return reply;
    }
}
