using System.CommandLine;
using Dialtone.Cli.Commands.Tickets;
using Dialtone.Core.Output;
using Dialtone.Core.Records;
using Dialtone.Core.Signing;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Alerts;
using Dialtone.Core.UseCases.Loop;
using Dialtone.Core.UseCases.Memory;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Core;
using Dialtone.Git;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>
/// `ticket done [--tip "…"]`: validate if needed (seed section 5); without a tip, ask for one
/// (exit 1); with it, store the tip and archive the ticket.
/// </summary>
public static class DoneCommand
{
    public const string Prompt = "What is one tip for the next agent working on this plugin?";

    public static Command Build(GlobalOptions globals)
    {
        var tip = new Option<string?>("--tip") { Description = "One lesson for the next agent." };
        var command = new Command("done", "Validate (if needed), store a tip, and archive the ticket.") { tip };
        Handler.Set(command, globals, "ticket done", context => Run(context.Workspace, context.Value(tip)));
        return command;
    }

    public static Reply Run(Workspace workspace, string? tip)
    {
        var reply = new Reply();
        Ticket ticket;
        bool validated;
        var tree = SnapshotTree.Compute(workspace.Repository);
        using (var store = workspace.OpenStore())
        {
            ticket = CurrentTicket.Require(workspace, store);
            if (ticket.Status == TicketStatus.Done)
            {
                throw DialtoneError.Usage($"Ticket '{ticket.Name}' is already done.", $"{NextStep.Cli} ticket start <next-ticket>");
            }

            // A passing validation at this very tree, with nothing open since, need not run again.
            validated = Validator.IsCurrent(ticket, tree) && !store.Messages.ForTicket(ticket.Name).Exists(m => m.Blocks)
                && !PendingAlerts.AnyPending(workspace, store, ticket);
        }

        if (!validated)
        {
            var check = new Reply();
            var outcome = Validator.Run(workspace, null, check);
            reply.Add(Tag.Ticket, outcome.Passed ? "Validating... Pass." : "Validating... Fail.");
            foreach (var (tag, text) in check.Lines)
            {
                if (!outcome.Passed || tag != Tag.Pass)
                {
                    reply.Add(tag, text);
                }
            }

            if (!outcome.Passed)
            {
                return reply.Fail(ExitCodes.Blocked, outcome.Action);
            }

            ticket = outcome.Ticket;
        }
        else
        {
            reply.Add(Tag.Ticket, "Validating... Pass.");
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

            // Memory (issue 7): the done ticket becomes an archive entry later starts can find.
            DoneArchive.Add(reply, workspace, store, ticket, workspace.Now());
        }

        reply.Add(Tag.Ticket, $"Done: {ticket.Name}. Tip stored for the next agent: \"{TicketText.OneLine(ticket.Tip!, 300)}\"");
        reply.Set("ticket", () => TicketJson.Full(ticket));
        reply.Add(Tag.Action, $"git add {RecordFile.RelativePath(ticket.Name)} && git commit -m \"Done: {ticket.Name}\"");
        return reply;
    }
}
