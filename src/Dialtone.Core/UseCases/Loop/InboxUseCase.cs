using System.Text.Json.Nodes;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>`dialtone inbox`: the human's view — open questions across all tickets.</summary>
public static class InboxUseCase
{
    public static Reply Run(Workspace workspace)
    {
        using var store = workspace.OpenStore();
        var open = store.Messages.Unanswered();
        var reply = new Reply();
        reply.Add(Tag.Ticket, open.Count == 0 ? "No open questions." : $"{open.Count} open question{(open.Count == 1 ? "" : "s")}:");
        foreach (var message in open)
        {
            reply.Detail($"#{message.Id} [{message.Ticket}] {(message.Blocking ? "" : "(fyi) ")}{TicketText.OneLine(message.Question, 300)}  — asked by {message.AskedBy}, {message.AskedAt:yyyy-MM-dd HH:mm} UTC");
        }

        if (open.Count > 0)
        {
            reply.Add(Tag.Action, $"{NextStep.Cli} ticket answer {open[0].Id} \"<answer>\"");
        }

        reply.Set("questions", () => new JsonArray([.. open.Select(m => (JsonNode?)new JsonObject
        {
            ["id"] = m.Id,
            ["ticket"] = m.Ticket,
            ["question"] = m.Question,
            ["blocking"] = m.Blocking,
            ["askedBy"] = m.AskedBy,
            ["askedAt"] = m.AskedAt,
        })]));
        return reply;
    }
}
