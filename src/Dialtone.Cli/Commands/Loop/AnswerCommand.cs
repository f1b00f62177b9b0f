using System.CommandLine;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.UseCases.Loop;
using Dialtone.Core.Workflow;
using Dialtone.Core;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>`ticket answer &lt;id&gt; "&lt;text&gt;" [--as &lt;user&gt;]`: the human's side of a question.</summary>
public static class AnswerCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var id = new Argument<string>("id") { Description = "The question's number (see `dialtone inbox`)." };
        var text = new Argument<string>("answer") { Description = "The answer." };
        var who = new Option<string?>("--as") { Description = "Who answers (default: git user.name).", HelpName = "user" };
        var command = new Command("answer", "Answer a question (the human's side).") { id, text, who };
        Handler.Set(command, globals, "ticket answer", context => Run(context.Workspace, context.Value(id), context.Value(text), context.Value(who)));
        return command;
    }

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
