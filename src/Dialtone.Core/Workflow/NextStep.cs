using Dialtone.Core.Tickets;

namespace Dialtone.Core.Workflow;

/// <summary>
/// What the agent should do next on a ticket, as the exact command for the [ACTION] line.
/// Pure: decided from the ticket alone.
/// </summary>
public static class NextStep
{
    public const string Cli = "./dialtone.sh";

    public static string For(Ticket ticket)
    {
        if (ticket.Status == TicketStatus.Done)
        {
            return $"{Cli} ticket start <next-ticket>";
        }

        if (ticket.Subtasks.Count == 0)
        {
            return $"{Cli} ticket subtask add <subtask-name> --desc \"<goal>\" --condition \"<objective check>\" --test \"<idempotent command>\"";
        }

        var current = ticket.CurrentSubtask();
        if (current is null)
        {
            return $"{Cli} ticket validate";
        }

        var missing = current.MissingFields();
        return missing.Count > 0 ? FixFields(current.Name, missing) : $"{Cli} ticket next";
    }

    /// <summary>The edit command that supplies the missing fields of a subtask.</summary>
    public static string FixFields(string subtask, IEnumerable<string> missing)
    {
        var options = missing.Select(option => option switch
        {
            "--desc" => "--desc \"<goal>\"",
            "--condition" => "--condition \"<objective check>\"",
            "--test" => "--test \"<idempotent command>\"",
            _ => option,
        });
        return $"{Cli} ticket subtask edit {subtask} {string.Join(' ', options)}";
    }
}
