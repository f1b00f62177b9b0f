using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>`ticket ask "&lt;question&gt;" [--fyi]`: a question for the human; it blocks `next` unless fyi.</summary>
public static class AskUseCase
{
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
