using System.CommandLine;
using Dialtone.Cli.Commands.Tickets;
using Dialtone.Core.Config;
using Dialtone.Core.Output;
using Dialtone.Core.Quality;
using Dialtone.Core.Runs;
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
/// `ticket next`: the contract of DESIGN §4, in order — messages, summary, fields, advancing past a
/// signed subtask, quality checks, then the test run (with the store lock released) and the verdict.
/// </summary>
public static class NextCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("next", "Check the current subtask and run its test.");
        Handler.Set(command, globals, "ticket next", context => Run(context.Workspace));
        return command;
    }

    public static Reply Run(Workspace workspace)
    {
        var config = DialtoneConfig.Load(workspace.Repository.TopLevel);
        var reply = new Reply();
        Ticket ticket;
        Subtask subtask;
        string? tree = null;
        using (var store = workspace.OpenStore())
        {
            ticket = CurrentTicket.Require(workspace, store);
            if (ticket.Status == TicketStatus.Done)
            {
                throw DialtoneError.Usage($"Ticket '{ticket.Name}' is done.", $"{NextStep.Cli} ticket start <next-ticket>");
            }

            var now = workspace.Now();
            var messages = store.Messages.ForTicket(ticket.Name);
            if (messages.Exists(m => m.Blocks))
            {
                reply.Add(Tag.Block, "Cannot proceed to 'next' subtask.");
                return reply.Fail(ExitCodes.Blocked, MessageBlock.Describe(reply, messages));
            }

            // Design-doc changes and external events (DESIGN §6): shown here; validate refuses until acknowledged.
            PendingAlerts.Add(reply, workspace, store, ticket);

            var summary = store.Journal.LatestSummary(ticket.Name);
            if (SummaryRules.IsStale(summary?.At, ticket.CreatedAt, now, config.SummaryMaxAgeMinutes))
            {
                var age = DialtoneConfig.Minutes((now - (summary?.At ?? ticket.CreatedAt)).TotalMinutes);
                reply.Add(Tag.Block, summary is null
                    ? $"No working summary yet, and the ticket started {age} minutes ago (limit {DialtoneConfig.Minutes(config.SummaryMaxAgeMinutes)} minutes)."
                    : $"The working summary is stale: last updated {age} minutes ago (limit {DialtoneConfig.Minutes(config.SummaryMaxAgeMinutes)} minutes).");
                return reply.Fail(ExitCodes.Blocked, $"{NextStep.Cli} ticket summary update \"<what is done, what is next>\"");
            }

            while (true)
            {
                var current = ticket.CurrentSubtask();
                if (current is null)
                {
                    reply.Add(Tag.Ticket, ticket.Subtasks.Count == 0
                        ? $"Ticket '{ticket.Name}' has no subtasks yet."
                        : $"All {ticket.Subtasks.Count} subtasks of '{ticket.Name}' are done.");
                    reply.Set("ticket", () => TicketJson.Full(ticket));
                    reply.Add(Tag.Action, NextStep.For(ticket));
                    return reply;
                }

                var missing = current.MissingFields();
                if (missing.Count > 0)
                {
                    reply.Add(Tag.Block, $"Subtask '{current.Name}' is incomplete: missing {string.Join(", ", missing)}.");
                    TicketText.Card(reply, current);
                    return reply.Fail(ExitCodes.Blocked, NextStep.FixFields(current.Name, missing));
                }

                // A signature counts for the command it signed; an edited test needs a new run and SIGN.
                if (ticket.LastSignature(current.Name) is { } signature && signature.Command == current.TestCommand)
                {
                    current.Status = SubtaskStatus.Done;
                    current.UpdatedAt = now;
                    workspace.Save(store, ticket);
                    reply.Add(Tag.Ticket, $"Subtask '{current.Name}' is signed (attestation #{signature.Seq}): marked done.");
                    tree ??= SnapshotTree.Compute(workspace.Repository);
                    if (signature.Tree != tree)
                    {
                        var changed = SnapshotTree.Diff(workspace.Repository, signature.Tree, tree).Select(c => c.Path).ToList();
                        reply.Add(Tag.Warn, $"Files changed since '{current.Name}' was signed: {RunReport.Paths(changed)}. They are unsigned work until the next signature (commits and validation will ask for one).");
                    }

                    if (ticket.CurrentSubtask() is { } following)
                    {
                        reply.Add(Tag.Ticket, $"Next subtask: {following.Name}");
                        if (following.MissingFields().Count == 0)
                        {
                            TicketText.Card(reply, following);
                        }
                    }

                    continue;
                }

                subtask = current;
                break;
            }

            foreach (var vague in QualityChecks.VagueConditions(subtask))
            {
                reply.Add(Tag.Warn, $"Condition \"{TicketText.OneLine(vague, 120)}\" of '{subtask.Name}' is vague: say what can be checked (an exit code, an output, a file).");
            }

            if (QualityChecks.UnsafeReason(subtask.TestCommand!) is { } unsafeReason)
            {
                reply.Add(Tag.Block, $"The test command of '{subtask.Name}' is not safe to run: {unsafeReason}.");
                reply.Detail($"test: {TicketText.OneLine(subtask.TestCommand!)}");
                return reply.Fail(ExitCodes.Blocked, $"{NextStep.Cli} ticket subtask edit {subtask.Name} --test \"<safe, idempotent command>\"");
            }

            if (QualityChecks.RunsTooLong(subtask, now, config.SubtaskMaxMinutes))
            {
                reply.Add(Tag.Warn, $"Subtask '{subtask.Name}' has been in progress for {(int)(now - subtask.StartedAt!.Value).TotalMinutes} minutes (more than {DialtoneConfig.Minutes(config.SubtaskMaxMinutes)}): consider splitting it ({NextStep.Cli} ticket subtask add <smaller-step> …).");
            }

            if (subtask.Status == SubtaskStatus.Todo)
            {
                // Memory (issue 7): a tip from the archive, once, as work on this subtask starts.
                NextTip.Add(reply, store, ticket, subtask);
            }

            if (subtask.Status == SubtaskStatus.Todo)
            {
                subtask.Status = SubtaskStatus.Progress;
                subtask.StartedAt ??= now;
                subtask.UpdatedAt = now;
                workspace.Save(store, ticket);
            }
        }

        // The store is closed while the test runs: tests can take minutes and may call dialtone.
        var run = TestExecution.Run(workspace.Repository, ticket, subtask, "next", config, workspace.Time);
        using (var store = workspace.OpenStore())
        {
            store.Runs.Record(run);
        }

        RunReport.Add(reply, run, config.TestTailLines);
        reply.Set("run", () => RunReport.Json(run));
        return run.Passed
            ? reply.Add(Tag.Action, $"{NextStep.Cli} ticket log \"SIGN: {subtask.Name} test-command is idempotent and PASS\"")
            : reply.Fail(ExitCodes.Blocked, $"{NextStep.Cli} ticket log \"FAIL: {subtask.Name} {RunReport.Reason(run)} (next action: …)\"");
    }
}
