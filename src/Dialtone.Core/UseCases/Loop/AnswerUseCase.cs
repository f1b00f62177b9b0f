using Dialtone.Core.Messages;
using Dialtone.Core.Output;
using Dialtone.Core.Signing;
using Dialtone.Core.Workflow;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// `ticket answer &lt;id&gt; "&lt;text&gt;" [--as &lt;user&gt;]`: the human's side of a question. An answer
/// given by the identity that asked, or without a terminal, still counts (people script answers too),
/// but it is recorded as `self-answer` evidence on the ticket for the reviewer (docs/trust.md).
/// </summary>
public static class AnswerUseCase
{
    /// <param name="who">Who answers; null or blank means git's user.name.</param>
    /// <param name="fromTerminal">Whether stdin and stdout are a terminal: the front end knows, the use case does not.</param>
    public static Reply Run(Workspace workspace, string rawId, string answer, string? who, bool fromTerminal)
    {
        var id = MessageIds.Parse(rawId);
        if (string.IsNullOrWhiteSpace(answer))
        {
            throw DialtoneError.Usage("The answer is empty.", $"{NextStep.Cli} ticket answer {id} '<answer>'");
        }

        if (AnswerText.IsPlaceholder(answer))
        {
            throw DialtoneError.Usage($"'{TicketText.OneLine(answer.Trim(), 60)}' is the placeholder, not an answer.", $"{NextStep.Cli} ticket answer {id} '<answer>'");
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
        var reasons = SelfAnswerReasons(by, message.AskedBy, fromTerminal);
        string? warning = null;
        if (reasons.Count > 0 && workspace.FindTicket(store, message.Ticket) is { } ticket)
        {
            // Evidence before the answer: a crash in between over-reports, never hides.
            var why = string.Join(", ", reasons);
            Chain.AddEvidence(ticket, EvidenceKinds.SelfAnswer, $"Question #{id} was answered by '{by}', {why}: \"{TicketText.OneLine(answer.Trim(), 200)}\"", now);
            workspace.Save(store, ticket);
            warning = $"Question #{id} was answered by '{by}', {why}: the answer counts, and it is recorded as evidence (self-answer) on ticket '{ticket.Name}' for the reviewer.";
        }

        messages.Answer(id, answer.Trim(), by, now, Message.ViaAnswer);
        store.Journal.Log(message.Ticket, "answer", null, $"#{id} answered by {by}: {answer.Trim()}", now);

        var reply = new Reply();
        reply.Add(Tag.Ticket, $"Answer to question #{id} on '{message.Ticket}' recorded as '{by}'{(message.IsAnswered ? " (replacing the earlier answer)" : "")}.");
        reply.Add(Tag.Ticket, "The agent sees it at its next `ticket next` and must acknowledge it.");
        if (warning is not null)
        {
            reply.Add(Tag.Warn, warning);
        }

        reply.Set("id", () => id);
        reply.Set("ticket", () => message.Ticket);
        reply.Set("answeredBy", () => by);
        reply.Set("selfAnswer", () => reasons.Count > 0);
        return reply;
    }

    /// <summary>Why an answer does not show that a different person gave it; empty when nothing says so.</summary>
    private static List<string> SelfAnswerReasons(string by, string askedBy, bool fromTerminal)
    {
        var reasons = new List<string>();
        if (string.Equals(by.Trim(), askedBy.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("the identity that asked it");
        }

        if (!fromTerminal)
        {
            reasons.Add("without a terminal");
        }

        return reasons;
    }
}
