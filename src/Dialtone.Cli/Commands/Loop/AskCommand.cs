using System.CommandLine;
using Dialtone.Cli.Commands.Tickets;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Core;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>`ticket ask "&lt;question&gt;" [--fyi]`: a question for the human; it blocks `next` unless --fyi.</summary>
public static class AskCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var question = new Argument<string>("question") { Description = "The question for the human." };
        var fyi = new Option<bool>("--fyi") { Description = "Information only: does not block `ticket next`." };
        var command = new Command("ask", "Ask the human a question (blocks `ticket next` until answered and acknowledged).") { question, fyi };
        Handler.Set(command, globals, "ticket ask", context => Run(context.Workspace, context.Value(question), context.Value(fyi)));
        return command;
    }

    public static Reply Run(Workspace workspace, string question, bool fyi)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            throw DialtoneError.Usage("The question is empty.", $"{NextStep.Cli} ticket ask \"<question for the human>\"");
        }

        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        var now = workspace.Now();
        var id = store.Messages.Ask(ticket.Name, question.Trim(), !fyi, Identity.Of(workspace.Repository), now);
        store.Journal.Log(ticket.Name, "ask", null, question.Trim(), now);

        var reply = new Reply();
        reply.Add(Tag.Ticket, fyi
            ? $"Question #{id} recorded for the human (FYI: it does not block)."
            : $"Question #{id} recorded. `ticket next` is blocked until it is answered and acknowledged.");
        reply.Add(Tag.Ticket, $"The human answers with: {NextStep.Cli} ticket answer {id} \"<answer>\"");
        reply.Set("id", () => id);
        reply.Set("blocking", () => !fyi);
        return reply;
    }
}
