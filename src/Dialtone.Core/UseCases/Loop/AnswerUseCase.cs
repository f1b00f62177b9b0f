using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>`ticket answer &lt;id&gt; "&lt;text&gt;" [--as &lt;user&gt;]`: the human's side of a question.</summary>
public static class AnswerUseCase
{
    /// <param name="who">Who answers; null or blank means git's user.name.</param>
    public static Reply Run(Workspace workspace, string rawId, string answer, string? who)
    {
        var id = MessageIds.Parse(rawId);
        if (string.IsNullOrWhiteSpace(answer))
        {
            throw DialtoneError.Usage("The answer is empty.", $"{NextStep.Cli} ticket answer {id} \"<answer>\"");
        }

        using var store = workspace.OpenStore();
        var messages = store.Messages;
        var message = messages.Find(id) ?? throw DialtoneError.Usage($"There is no question #{id}.", $"{NextStep.Cli} inbox");
        if (message.IsAcknowledged)
        {
            throw DialtoneError.Usage($"Question #{id} is closed (acknowledged).", $"{NextStep.Cli} inbox");
        }

        var by = string.IsNullOrWhiteSpace(who) ? Identity.Of(workspace.Repository) : who.Trim();
        var now = workspace.Now();
        messages.Answer(id, answer.Trim(), by, now);
        store.Journal.Log(message.Ticket, "answer", null, $"#{id} answered by {by}: {answer.Trim()}", now);

        var reply = new Reply();
        reply.Add(Tag.Ticket, $"Answer to question #{id} on '{message.Ticket}' recorded as '{by}'{(message.IsAnswered ? " (replacing the earlier answer)" : "")}.");
        reply.Add(Tag.Ticket, "The agent sees it at its next `ticket next` and must acknowledge it.");
        reply.Set("id", () => id);
        reply.Set("ticket", () => message.Ticket);
        reply.Set("answeredBy", () => by);
        return reply;
    }
}
