using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Subtasks;

/// <summary>Finding a subtask of a ticket by name, with an error that lists the ones it has.</summary>
public static class SubtaskLookup
{
    public static Subtask Require(Ticket ticket, string name) => ticket.FindSubtask(name) ?? throw Unknown(ticket, name);

    public static DialtoneError Unknown(Ticket ticket, string name) => DialtoneError.Usage(
        $"Ticket '{ticket.Name}' has no subtask '{name}'{(ticket.Subtasks.Count == 0 ? "" : $" (it has: {string.Join(", ", ticket.Subtasks.Select(s => s.Name))})")}.",
        $"{NextStep.Cli} ticket subtask list");
}
