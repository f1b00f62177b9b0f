using Dialtone.Core.Config;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>`ticket summary`: the current ticket's working summary, and whether it is stale.</summary>
public static class SummaryUseCase
{
    public static Reply Run(Workspace workspace)
    {
        var config = DialtoneConfig.Load(workspace.Repository.TopLevel);
        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        var summary = store.Journal.LatestSummary(ticket.Name);
        var now = workspace.Now();
        var stale = SummaryRules.IsStale(summary?.At, ticket.CreatedAt, now, config.SummaryMaxAgeMinutes);
        var reply = new Reply();
        if (summary is { } s)
        {
            reply.Add(Tag.Ticket, $"Summary of '{ticket.Name}', written {(int)(now - s.At).TotalMinutes} minutes ago{(stale ? " (stale)" : "")}:");
            foreach (var line in s.Text.Split('\n'))
            {
                reply.Detail(TicketText.OneLine(line, 500));
            }
        }
        else
        {
            reply.Add(Tag.Ticket, $"Ticket '{ticket.Name}' has no summary yet{(stale ? " (one is due)" : "")}.");
        }

        reply.Set("summary", () => summary?.Text);
        reply.Set("writtenAt", () => summary?.At);
        reply.Set("stale", () => stale);
        if (stale)
        {
            reply.Add(Tag.Action, $"{NextStep.Cli} ticket summary update \"<what is done, what is next>\"");
        }

        return reply;
    }
}
