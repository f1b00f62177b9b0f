using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Subtasks;

/// <summary>`ticket subtask add &lt;name&gt; --desc … [--condition …]… [--test …] [--deps a,b]`.</summary>
public static class SubtaskAddUseCase
{
    public static Reply Run(Workspace workspace, string rawName, string? description, string[] conditions, string? test, string? dependencies)
    {
        var name = Names.Require(rawName, "subtask", $"{NextStep.Cli} ticket subtask add parse-config --desc \"…\"");
        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        if (ticket.FindSubtask(name) is not null)
        {
            throw DialtoneError.Usage($"Ticket '{ticket.Name}' already has a subtask '{name}'.", $"{NextStep.Cli} ticket subtask edit {name} --desc \"…\"");
        }

        var now = workspace.Now();
        var subtask = new Subtask
        {
            Name = name,
            Description = description?.Trim() ?? "",
            Conditions = [.. conditions.Select(c => c.Trim()).Where(c => c.Length > 0)],
            TestCommand = string.IsNullOrWhiteSpace(test) ? null : test.Trim(),
            Dependencies = DependencyRules.Parse(dependencies),
            CreatedAt = now,
            UpdatedAt = now,
        };
        DependencyRules.Check(ticket, subtask);
        ticket.Subtasks.Add(subtask);
        workspace.Save(store, ticket);

        var reply = new Reply();
        reply.Add(Tag.Ticket, $"Subtask added: {name} ({ticket.Subtasks.Count} of {ticket.Subtasks.Count} in '{ticket.Name}')");
        TicketText.Card(reply, subtask);
        var missing = subtask.MissingFields();
        if (missing.Count > 0)
        {
            reply.Add(Tag.Warn, $"Subtask '{name}' is missing {string.Join(", ", missing)}; ticket next blocks on it until they are set.");
        }

        reply.Set("ticket", () => ticket.Name);
        reply.Set("subtask", () => TicketJson.Subtask(subtask, ticket.CurrentSubtask() == subtask));
        reply.Add(Tag.Action, missing.Count > 0 ? NextStep.FixFields(name, missing) : NextStep.For(ticket));
        return reply;
    }
}
