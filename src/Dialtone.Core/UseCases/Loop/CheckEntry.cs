using System.Text.RegularExpressions;
using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>`ticket log "CHECK: …"`: a checklist claim; Dialtone verifies the fields of every subtask it names.</summary>
public static class CheckEntry
{
    public static void Verify(Ticket ticket, string rest, Reply reply)
    {
        var named = ticket.Subtasks.Where(s => Regex.IsMatch(rest, $@"(?<![a-z0-9-]){Regex.Escape(s.Name)}(?![a-z0-9-])")).ToList();
        if (named.Count == 0)
        {
            reply.Add(Tag.Ticket, "Nothing in it names a subtask, so there is nothing Dialtone can verify.");
            return;
        }

        foreach (var subtask in named)
        {
            var missing = subtask.MissingFields();
            if (missing.Count == 0)
            {
                reply.Add(Tag.Pass, $"'{subtask.Name}' has a description, {subtask.Conditions.Count} test condition(s) and a test command.");
            }
            else
            {
                reply.Add(Tag.Warn, $"'{subtask.Name}' is missing {string.Join(", ", missing)}.");
                reply.Add(Tag.Action, NextStep.FixFields(subtask.Name, missing));
            }
        }
    }
}
