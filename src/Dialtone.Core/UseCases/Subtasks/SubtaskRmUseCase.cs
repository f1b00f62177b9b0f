using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Subtasks;

/// <summary>`ticket subtask rm &lt;name&gt;`: remove a subtask that is not done and nothing depends on.</summary>
public static class SubtaskRmUseCase
{
    public static Reply Run(Workspace workspace, string rawName)
    {
        var name = Names.Require(rawName, "subtask", $"{NextStep.Cli} ticket subtask rm parse-config");
        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        var subtask = SubtaskLookup.Require(ticket, name);
        if (subtask.Status == SubtaskStatus.Done)
        {
            throw DialtoneError.Usage($"Subtask '{name}' is done and signed; it stays in the record.", $"{NextStep.Cli} ticket subtask list");
        }

        var dependents = ticket.Subtasks.Where(s => s.Dependencies.Contains(name)).Select(s => s.Name).ToList();
        if (dependents.Count > 0)
        {
            throw DialtoneError.Usage(
                $"Subtask '{name}' is a dependency of {string.Join(", ", dependents)}.",
                $"{NextStep.Cli} ticket subtask edit {dependents[0]} --deps \"\"");
        }

        ticket.Subtasks.Remove(subtask);
        workspace.Save(store, ticket);

        var reply = new Reply();
        reply.Add(Tag.Ticket, $"Subtask removed: {name} ({ticket.Subtasks.Count} left in '{ticket.Name}')");
        reply.Set("ticket", () => ticket.Name);
        reply.Set("removed", () => name);
        reply.Add(Tag.Action, NextStep.For(ticket));
        return reply;
    }
}
