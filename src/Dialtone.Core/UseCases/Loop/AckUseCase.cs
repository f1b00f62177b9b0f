using System.Text.Json.Nodes;
using Dialtone.Core.Grants;
using Dialtone.Core.Messages;
using Dialtone.Core.Output;
using Dialtone.Core.Signing;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Alerts;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// `ticket ack [&lt;id&gt;] ["&lt;text&gt;"] [--alert &lt;id&gt;]`: acknowledge delivered answers and
/// alerts — all of them, or one. Each message is acknowledged on its own: a question asked later
/// blocks again. When a blocking question is still unanswered, the text is its answer, relayed by
/// the agent from its chat (recorded as `relayed-answer` evidence); otherwise it is the
/// acknowledgement's note. Text is never dropped: with nothing to answer or acknowledge, it is refused.
/// </summary>
public static class AckUseCase
{
    /// <param name="first">A question number (#3 or 3), or the text.</param>
    /// <param name="second">The text, after a question number.</param>
    /// <param name="alert">One alert to acknowledge instead of the answers.</param>
    public static Reply Run(Workspace workspace, string? first, string? second, long? alert)
    {
        if (alert is { } alertId)
        {
            return AlertAck.One(workspace, alertId, first, second);
        }

        long? id = MessageIds.TryParse(first, out var parsed) ? parsed : null;
        var text = id is null ? first : second;
        if (id is null && second is not null)
        {
            throw DialtoneError.Usage($"'{Names.Printable(first ?? "")}' is not a question number.", $"{NextStep.Cli} ticket ack [<id>] ['<answer or note>']");
        }

        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (text is not null && AnswerText.IsPlaceholder(text))
        {
            throw DialtoneError.Usage($"'{TicketText.OneLine(text, 60)}' is the placeholder, not the human's answer.", $"{NextStep.Cli} ticket status");
        }

        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        var all = store.Messages.ForTicket(ticket.Name);
        var now = workspace.Now();
        var reply = new Reply();

        // The nexttone loop writes `ticket ack "<answer>"`: the human answered in the agent's chat, not with `ticket answer`.
        var relayed = text is null ? null : id is { } named ? Unanswered(all, named, ticket.Name) : all.Find(m => m.Blocking && !m.IsAnswered && !m.IsAcknowledged);
        if (relayed is not null)
        {
            Relay(reply, workspace, store, ticket, relayed, text!, now);
        }

        var note = relayed is null ? text : null;
        var acknowledged = id is { } one ? Named(all, one, ticket.Name) : all.Where(m => m.IsAnswered && !m.IsAcknowledged).ToList();
        foreach (var message in acknowledged)
        {
            store.Messages.Acknowledge(message.Id, note, now);
            reply.Add(Tag.Ticket, message.AnsweredVia == Message.ViaRelayed
                ? $"Acknowledged #{message.Id}: the answer relayed by '{message.AnsweredBy}': \"{TicketText.OneLine(message.Answer!, 200)}\""
                : $"Acknowledged #{message.Id}: User '{message.AnsweredBy}' answered \"{TicketText.OneLine(message.Answer!, 200)}\"");
        }

        // Alerts too, unless one question was named: each doc alert moves its doc's baseline (docs/alerts.md).
        var alerts = id is null ? AlertAck.All(reply, workspace, store, ticket, note, now) : 0;
        reply.Set("acknowledged", () => new JsonArray([.. acknowledged.Select(m => (JsonNode?)m.Id)]));
        reply.Set("relayed", () => relayed?.Id);
        if (acknowledged.Count == 0 && alerts == 0)
        {
            if (text is not null)
            {
                // Nothing took the text: say so rather than exit 0 and lose it.
                reply.Add(Tag.Block, "Nothing to acknowledge, and no blocking question is waiting for an answer: the text was not recorded.");
                reply.Add(Tag.Message, "To keep it in the ticket's log instead:");
                return reply.Fail(ExitCodes.Blocked, $"{NextStep.Cli} ticket log {LogArgument(text)}");
            }

            reply.Add(Tag.Ticket, "Nothing to acknowledge.");
        }
        else if (acknowledged.Count > 0)
        {
            store.Journal.Log(ticket.Name, "ack", null, $"acknowledged {string.Join(", ", acknowledged.Select(m => "#" + m.Id))}{(note is null ? "" : ": " + note)}", now);
        }

        var waiting = all.Where(m => m.Blocking && !m.IsAnswered && !m.IsAcknowledged).ToList();
        if (waiting.Count > 0)
        {
            reply.Add(Tag.Ticket, $"Still waiting for answers to: {string.Join(", ", waiting.Select(m => "#" + m.Id))}.");
        }

        reply.Add(Tag.Action, $"{NextStep.Cli} ticket next");
        return reply;
    }

    /// <summary>Records the text as the question's answer, relayed by whoever runs this (the agent), with evidence for the reviewer.</summary>
    private static void Relay(Reply reply, Workspace workspace, Store store, Ticket ticket, Message message, string text, DateTimeOffset now)
    {
        var by = Identity.Of(workspace.Repository);

        // Evidence before the answer: a crash in between over-reports, never hides.
        Chain.AddEvidence(ticket, EvidenceKinds.RelayedAnswer, $"Question #{message.Id} was answered through the agent: '{by}' relayed \"{TicketText.OneLine(text, 200)}\" with ticket ack, not the human with ticket answer", now);
        workspace.Save(store, ticket);
        store.Messages.Answer(message.Id, text, by, now, Message.ViaRelayed);
        store.Journal.Log(ticket.Name, "answer", null, $"#{message.Id} answered (relayed by {by}): {text}", now);
        message.Answer = text;
        message.AnsweredBy = by;
        message.AnsweredAt = now;
        message.AnsweredVia = Message.ViaRelayed;
        reply.Add(Tag.Ticket, $"Recorded as the answer to question #{message.Id} (\"{TicketText.OneLine(message.Question, 120)}\"), relayed by '{by}'.");
        reply.Add(Tag.Warn, $"A relayed answer is recorded as evidence (relayed-answer) on ticket '{ticket.Name}' for the reviewer: Dialtone cannot tell the human's words from the agent's.");
    }

    /// <summary>The named question when it still waits for an answer (the text then answers it); null otherwise.</summary>
    private static Message? Unanswered(List<Message> all, long id, string ticket)
    {
        var message = all.Find(m => m.Id == id)
            ?? throw DialtoneError.Usage($"Ticket '{ticket}' has no question #{id}.", $"{NextStep.Cli} ticket status");
        return message.IsAnswered || message.IsAcknowledged ? null : message;
    }

    /// <summary>The one named question, when it has an answer not yet acknowledged (none when already acknowledged).</summary>
    private static List<Message> Named(List<Message> all, long id, string ticket)
    {
        var message = all.Find(m => m.Id == id)
            ?? throw DialtoneError.Usage($"Ticket '{ticket}' has no question #{id}.", $"{NextStep.Cli} ticket status");
        if (!message.IsAnswered && !message.IsAcknowledged)
        {
            throw DialtoneError.Blocked(
                $"Question #{id} has no answer yet; there is nothing to acknowledge. A human answers it (`{NextStep.Cli} inbox`, then `{NextStep.Cli} ticket answer {id} '<answer>'`); if they answered in your chat, relay their words with `{NextStep.Cli} ticket ack {id} '<their answer>'`.",
                $"{NextStep.Cli} ticket status");
        }

        return message.IsAcknowledged ? [] : [message];
    }

    /// <summary>The text as one shell word for the suggested `ticket log`, or the placeholder when it spans lines.</summary>
    private static string LogArgument(string text) =>
        text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal) || text.Length > 300
            ? "'<the text>'"
            : ShellWords.Quote(text);
}
