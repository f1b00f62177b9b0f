using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>`ticket summary update ["&lt;text&gt;"]`: records the working summary. Empty or placeholder text does not count.</summary>
public static class SummaryUpdateUseCase
{
    /// <param name="summary">The text as given (argument, file or stdin); null when none was.</param>
    public static Reply Run(Workspace workspace, string? summary)
    {
        if (SummaryRules.IsPlaceholder(summary))
        {
            throw DialtoneError.Usage(
                "That summary is empty or a placeholder; it does not count. Say what is done and what is next, in a sentence or two.",
                $"{NextStep.Cli} ticket summary update \"Parsing works and is tested; next: write the record atomically.\"");
        }

        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        store.Journal.WriteSummary(ticket.Name, summary!.Trim(), workspace.Now());
        var reply = new Reply();
        reply.Add(Tag.Ticket, $"Summary of '{ticket.Name}' updated ({summary.Trim().Length} characters).");
        reply.Add(Tag.Action, $"{NextStep.Cli} ticket next");
        return reply;
    }
}
