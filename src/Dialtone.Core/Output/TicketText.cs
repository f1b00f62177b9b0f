using Dialtone.Core.Tickets;

namespace Dialtone.Core.Output;

/// <summary>The human/agent rendering of tickets and subtasks as detail lines under a tagged line.</summary>
public static class TicketText
{
    /// <summary>One row per subtask: marker, status, name, description; the current one marked with '>'.</summary>
    public static void Queue(Reply reply, Ticket ticket)
    {
        var current = ticket.CurrentSubtask();
        var width = ticket.Subtasks.Count == 0 ? 0 : ticket.Subtasks.Max(s => s.Name.Length);
        foreach (var subtask in ticket.Subtasks)
        {
            var marker = subtask == current ? ">" : " ";
            var missing = subtask.MissingFields();
            var note = missing.Count == 0 ? "" : $"  (missing {string.Join(", ", missing)})";
            reply.Detail($"{marker} {StatusText.Of(subtask.Status),-8} {subtask.Name.PadRight(width)}  {OneLine(subtask.Description)}{note}");
        }
    }

    /// <summary>A subtask's full card: description, conditions, test, deps.</summary>
    public static void Card(Reply reply, Subtask subtask)
    {
        reply.Detail($"{subtask.Name} [{StatusText.Of(subtask.Status)}]: {OneLine(subtask.Description)}");
        foreach (var condition in subtask.Conditions)
        {
            reply.Detail($"  condition: {OneLine(condition)}");
        }

        reply.Detail($"  test: {(subtask.TestCommand is null ? "(none)" : OneLine(subtask.TestCommand))}");
        if (subtask.Dependencies.Count > 0)
        {
            reply.Detail($"  deps: {string.Join(", ", subtask.Dependencies)}");
        }
    }

    /// <summary>Keeps one value on one line, so a newline in user text cannot forge a tag line.</summary>
    public static string OneLine(string text, int max = 200)
    {
        var flat = text.ReplaceLineEndings(" ").Replace('\t', ' ');
        return Names.Printable(flat, max);
    }
}
