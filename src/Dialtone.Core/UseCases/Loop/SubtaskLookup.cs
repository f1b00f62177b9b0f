using Dialtone.Core.Grants;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>The subtask a log entry names (`SIGN: &lt;subtask&gt; …`, `FAIL: &lt;subtask&gt; …`).</summary>
public static class SubtaskLookup
{
    /// <summary>The subtask named by the first word of <paramref name="rest"/>; <paramref name="form"/> is the entry's expected shape.</summary>
    public static Subtask Named(Ticket ticket, string rest, string form)
    {
        var name = rest.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (!Names.IsValid(name))
        {
            throw DialtoneError.Usage($"Expected the form \"{form}\".", $"{NextStep.Cli} ticket log {ShellWords.Quote(form)}");
        }

        return ticket.FindSubtask(name) ?? throw Unknown(ticket, name);
    }

    /// <summary>The error for a subtask the ticket does not have (the same words `subtask edit` uses).</summary>
    public static DialtoneError Unknown(Ticket ticket, string name) => DialtoneError.Usage(
        $"Ticket '{ticket.Name}' has no subtask '{name}'{(ticket.Subtasks.Count == 0 ? "" : $" (it has: {string.Join(", ", ticket.Subtasks.Select(s => s.Name))})")}.",
        $"{NextStep.Cli} ticket subtask list");
}
