using System.CommandLine;
using Dialtone.Cli.Commands.Tickets;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.UseCases.Alerts;
using Dialtone.Core.UseCases.Loop;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Core;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>
/// `ticket ack [&lt;id&gt;] ["&lt;note&gt;"]`: acknowledge delivered answers — all of them, or one.
/// Each message is acknowledged on its own: a question asked later blocks again.
/// </summary>
public static class AckCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var first = new Argument<string?>("id-or-note") { Description = "A question number (#3 or 3), or a note.", Arity = ArgumentArity.ZeroOrOne };
        var second = new Argument<string?>("note") { Description = "A note, after a question number.", Arity = ArgumentArity.ZeroOrOne };
        var alert = new Option<long?>("--alert") { Description = "Acknowledge one alert (a design-doc change or an external event) by its number.", HelpName = "id" };
        var command = new Command("ack", "Acknowledge answered questions and alerts (all, or one).") { first, second, alert };
        Handler.Set(command, globals, "ticket ack", context => Run(context.Workspace, context.Value(first), context.Value(second), context.Value(alert)));
        return command;
    }

    public static Reply Run(Workspace workspace, string? first, string? second, long? alert = null)
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
        List<Core.Messages.Message> acknowledged;
        if (id is { } one)
        {
            var message = all.Find(m => m.Id == one)
                ?? throw DialtoneError.Usage($"Ticket '{ticket.Name}' has no question #{one}.", $"{NextStep.Cli} ticket status");
            if (!message.IsAnswered)
            {
                throw DialtoneError.Blocked($"Question #{one} has no answer yet; there is nothing to acknowledge.", $"{NextStep.Cli} inbox");
            }

            acknowledged = message.IsAcknowledged ? [] : [message];
        }
        else
        {
            acknowledged = all.Where(m => m.IsAnswered && !m.IsAcknowledged).ToList();
        }

        foreach (var message in acknowledged)
        {
            messages.Acknowledge(message.Id, note, now);
            reply.Add(Tag.Ticket, $"Acknowledged #{message.Id}: User '{message.AnsweredBy}' answered \"{TicketText.OneLine(message.Answer!, 200)}\"");
        }

        // Alerts too (DESIGN §6), unless one question was named: each doc alert moves its doc's baseline.
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

        reply.Set("acknowledged", () => new System.Text.Json.Nodes.JsonArray([.. acknowledged.Select(m => (System.Text.Json.Nodes.JsonNode?)m.Id)]));
        reply.Add(Tag.Action, $"{NextStep.Cli} ticket next");
        return reply;
    }
}
