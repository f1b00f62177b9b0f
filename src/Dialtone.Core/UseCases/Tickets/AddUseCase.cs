using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Tickets;

/// <summary>
/// `ticket add &lt;name&gt; [--desc …]`: a side quest, linked to the current ticket, without leaving
/// the current branch. Its branch and record are created when it is started.
/// </summary>
public static class AddUseCase
{
    public static Reply Run(Workspace workspace, string rawName, string? description)
    {
        var name = Names.Require(rawName, "ticket", $"{NextStep.Cli} ticket add flaky-login-test");
        using var store = workspace.OpenStore();
        if (workspace.FindTicket(store, name) is not null)
        {
            throw DialtoneError.Usage($"Ticket '{name}' already exists.", $"{NextStep.Cli} ticket show {name}");
        }

        var parent = workspace.CurrentTicket(store);
        var ticket = new Ticket
        {
            Name = name,
            Description = description ?? "",
            Branch = name,
            BaseBranch = workspace.CurrentBranch,
            BaseCommit = workspace.Repository.Head,
            Parent = parent?.Name,
            CreatedAt = workspace.Now(),
        };
        workspace.Save(store, ticket);

        var reply = new Reply();
        reply.Add(Tag.Ticket, parent is null ? $"Added: {name}" : $"Added: {name} (side quest of '{parent.Name}')");
        reply.Add(Tag.Ticket, $"Branch '{name}' will be created from {(ticket.BaseBranch is null ? "the current HEAD" : $"'{ticket.BaseBranch}'")} when you take it up: {NextStep.Cli} ticket start {name}");
        reply.Set("ticket", () => TicketJson.Full(ticket));
        if (parent is not null)
        {
            reply.Add(Tag.Ticket, $"Carry on with '{parent.Name}'.");
            reply.Add(Tag.Action, NextStep.For(parent));
        }

        return reply;
    }
}
