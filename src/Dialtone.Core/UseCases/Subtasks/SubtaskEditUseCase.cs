using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Subtasks;

/// <summary>
/// `ticket subtask edit &lt;name&gt; [--desc …] [--condition …]… [--add-condition …]… [--test …] [--deps a,b]`.
/// `--condition` replaces all conditions (not given: kept); `--add-condition`
/// appends; an empty `--deps` clears.
/// </summary>
public static class SubtaskEditUseCase
{
    public static Reply Run(Workspace workspace, string rawName, string? description, string[]? conditions, string[] addConditions, string? test, string? dependencies)
    {
        var name = Names.Require(rawName, "subtask", $"{NextStep.Cli} ticket subtask edit parse-config --test \"…\"");
        if (description is null && conditions is null && addConditions.Length == 0 && test is null && dependencies is null)
        {
            throw DialtoneError.Usage("Nothing to change: give at least one of --desc, --condition, --add-condition, --test, --deps.", $"{NextStep.Cli} ticket subtask edit {name} --test \"<idempotent command>\"");
        }

        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        var subtask = SubtaskLookup.Require(ticket, name);
        if (subtask.Status == SubtaskStatus.Done)
        {
            throw DialtoneError.Usage($"Subtask '{name}' is done; its definition is part of what was signed.", $"{NextStep.Cli} ticket subtask add {name}-followup --desc \"…\"");
        }

        var changed = new List<string>();
        if (description is not null)
        {
            subtask.Description = description.Trim();
            changed.Add("description");
        }

        if (conditions is not null)
        {
            subtask.Conditions = [.. conditions.Select(c => c.Trim()).Where(c => c.Length > 0)];
            changed.Add("conditions");
        }

        if (addConditions.Length > 0)
        {
            subtask.Conditions.AddRange(addConditions.Select(c => c.Trim()).Where(c => c.Length > 0));
            changed.Add("conditions");
        }

        if (test is not null)
        {
            subtask.TestCommand = string.IsNullOrWhiteSpace(test) ? null : test.Trim();
            changed.Add("test");
        }

        if (dependencies is not null)
        {
            subtask.Dependencies = DependencyRules.Parse(dependencies);
            DependencyRules.Check(ticket, subtask);
            changed.Add("deps");
        }

        subtask.UpdatedAt = workspace.Now();
        workspace.Save(store, ticket);

        var reply = new Reply();
        reply.Add(Tag.Ticket, $"Subtask updated: {name} ({string.Join(", ", changed.Distinct())})");
        TicketText.Card(reply, subtask);
        reply.Set("ticket", () => ticket.Name);
        reply.Set("subtask", () => TicketJson.Subtask(subtask, ticket.CurrentSubtask() == subtask));
        reply.Add(Tag.Action, NextStep.For(ticket));
        return reply;
    }
}
