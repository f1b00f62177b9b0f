using System.Text.Json.Nodes;
using Dialtone.Core.Messages;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Alerts;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// `ticket ack [&lt;id&gt;] ["&lt;note&gt;"] [--alert &lt;id&gt;]`: acknowledge delivered answers and
/// alerts — all of them, or one. Each message is acknowledged on its own: a question asked later blocks again.
/// </summary>
public static class AckUseCase
{
    /// <param name="first">A question number (#3 or 3), or a note.</param>
    /// <param name="second">A note, after a question number.</param>
    /// <param name="alert">One alert to acknowledge instead of the answers.</param>
    public static Reply Run(Workspace workspace, string? first, string? second, long? alert)
    {
        if (alert is { } alertId)
        {
            return AlertAck.One(workspace, alertId, first, second);
        }

        long? id = MessageIds.TryParse(first, out var parsed) ? parsed : null;
        var note = id is null ? first : second;
        if (id is null && second is not null)
        {
            throw DialtoneError.Usage($"'{Core.Tickets.Names.Printable(first ?? "")}' is not a question number.", $"{NextStep.Cli} ticket ack [<id>] [\"<note>\"]");
        }

        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        var messages = store.Messages;
        var all = messages.ForTicket(ticket.Name);
        var now = workspace.Now();
        var reply = new Reply();
        var acknowledged = id is { } one ? Named(all, one, ticket.Name) : all.Where(m => m.IsAnswered && !m.IsAcknowledged).ToList();
        foreach (var message in acknowledged)
        {
            messages.Acknowledge(message.Id, note, now);
            reply.Add(Tag.Ticket, $"Acknowledged #{message.Id}: User '{message.AnsweredBy}' answered \"{TicketText.OneLine(message.Answer!, 200)}\"");
        }

        // Alerts too, unless one question was named: each doc alert moves its doc's baseline (docs/alerts.md).
        var alerts = id is null ? AlertAck.All(reply, workspace, store, ticket, note, now) : 0;
        if (acknowledged.Count == 0 && alerts == 0)
        {
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

        reply.Set("acknowledged", () => new JsonArray([.. acknowledged.Select(m => (JsonNode?)m.Id)]));
        reply.Add(Tag.Action, $"{NextStep.Cli} ticket next");
        return reply;
    }

    /// <summary>The one named question, when it has an answer not yet acknowledged (none when already acknowledged).</summary>
    private static List<Message> Named(List<Message> all, long id, string ticket)
    {
        var message = all.Find(m => m.Id == id)
            ?? throw DialtoneError.Usage($"Ticket '{ticket}' has no question #{id}.", $"{NextStep.Cli} ticket status");
        if (!message.IsAnswered)
        {
            throw DialtoneError.Blocked($"Question #{id} has no answer yet; there is nothing to acknowledge.", $"{NextStep.Cli} inbox");
        }

        return message.IsAcknowledged ? [] : [message];
    }
}
