using Dialtone.Core.Output;
using Dialtone.Core.Records;
using Dialtone.Core.Signing;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Alerts;
using Dialtone.Core.UseCases.Memory;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Git;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// `ticket done [--tip "…"]`: validate if needed; without a tip, ask for one (exit 1); with it,
/// store the tip and archive the ticket.
/// </summary>
public static class DoneUseCase
{
    public const string Prompt = "What is one tip for the next agent working on this plugin?";

    /// <param name="tip">One lesson for the next agent; null asks for one.</param>
    public static Reply Run(Workspace workspace, string? tip)
    {
        var reply = new Reply();
        if (Validate(workspace, reply) is not { } ticket)
        {
            return reply;
        }

        if (tip is null)
        {
            reply.Add(Tag.Prompt, Prompt);
            reply.Add(Tag.None, $"Usage: {NextStep.Cli} ticket done --tip \"Remember to escape the webhook secret.\"");
            return reply.Fail(ExitCodes.Blocked, $"{NextStep.Cli} ticket done --tip \"<one tip for the next agent>\"");
        }

        if (SummaryRules.IsPlaceholderTip(tip))
        {
            throw DialtoneError.Usage("That tip is empty or a placeholder; leave one real lesson for the next agent.", $"{NextStep.Cli} ticket done --tip \"Remember to escape the webhook secret.\"");
        }

        using (var store = workspace.OpenStore())
        {
            ticket = workspace.FindTicket(store, ticket.Name)!;
            Chain.Close(ticket, tip.Trim(), store.Journal.LatestSummary(ticket.Name)?.Text, workspace.Now());
            workspace.Save(store, ticket);
            store.Journal.Log(ticket.Name, "done", null, tip.Trim(), workspace.Now());

            // The done ticket becomes an archive entry that later starts can find (docs/memory.md).
            DoneArchive.Add(reply, workspace, store, ticket, workspace.Now());
        }

        reply.Add(Tag.Ticket, $"Done: {ticket.Name}. Tip stored for the next agent: \"{TicketText.OneLine(ticket.Tip!, 300)}\"");
        reply.Set("ticket", () => TicketJson.Full(ticket));
        reply.Add(Tag.Action, $"git add {RecordFile.RelativePath(ticket.Name)} && git commit -m \"Done: {ticket.Name}\"");
        return reply;
    }

    /// <summary>
    /// Validates unless a passing validation that this store ran itself, at this very tree, with
    /// nothing open since, makes it needless. Returns the ticket, or null when validation failed (the
    /// reply then says why).
    /// </summary>
    private static Ticket? Validate(Workspace workspace, Reply reply)
    {
        Ticket ticket;
        bool validated;
        bool arrived;
        var tree = SnapshotTree.Compute(workspace.Repository);
        using (var store = workspace.OpenStore())
        {
            ticket = CurrentTicket.Require(workspace, store);
            if (ticket.Status == TicketStatus.Done)
            {
                throw DialtoneError.Usage($"Ticket '{ticket.Name}' is already done.", $"{NextStep.Cli} ticket start <next-ticket>");
            }

            validated = Validator.IsTrusted(store, ticket, tree) && !store.Messages.ForTicket(ticket.Name).Exists(m => m.Blocks)
                && !PendingAlerts.AnyPending(workspace, store, ticket);

            // A passing validation this store never ran came in a record (pull, clone, hand edit).
            arrived = !validated && Validator.IsCurrent(ticket, tree) && !store.Runs.RanPassingValidation(ticket.Name, ticket.Validation!.Hash);
        }

        if (validated)
        {
            reply.Add(Tag.Ticket, "Validating... Pass.");
            return ticket;
        }

        var check = new Reply();
        var outcome = Validator.Run(workspace, null, check);
        reply.Add(Tag.Ticket, outcome.Passed ? "Validating... Pass." : "Validating... Fail.");
        if (arrived)
        {
            reply.Add(Tag.Warn, $"The passing validation in the record (tree {RunReport.Short(tree)}) was not run by this store: it arrived in the record, so every test was run again.");
        }

        foreach (var (tag, text) in check.Lines)
        {
            if (!outcome.Passed || tag != Tag.Pass)
            {
                reply.Add(tag, text);
            }
        }

        if (!outcome.Passed)
        {
            if (outcome.Message is not null)
            {
                reply.Add(Tag.Message, outcome.Message);
            }

            reply.Fail(ExitCodes.Blocked, outcome.Action);
            return null;
        }

        return outcome.Ticket;
    }
}
