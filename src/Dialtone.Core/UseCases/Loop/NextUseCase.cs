using Dialtone.Core.Alerts;
using Dialtone.Core.Config;
using Dialtone.Core.Output;
using Dialtone.Core.Quality;
using Dialtone.Core.Runs;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Memory;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// `ticket next`, in order: messages, summary, fields, advancing past a signed subtask, quality
/// checks, then the test run (with the store lock released) and the verdict.
/// </summary>
public static class NextUseCase
{
    public static Reply Run(Workspace workspace)
    {
        var config = DialtoneConfig.Load(workspace.Repository.TopLevel);
        var reply = new Reply();
        Ticket ticket;
        Subtask subtask;
        List<Alert> docAlerts;
        using (var store = workspace.OpenStore())
        {
            ticket = CurrentTicket.Require(workspace, store);
            if (ticket.Status == TicketStatus.Done)
            {
                throw DialtoneError.Usage($"Ticket '{ticket.Name}' is done.", $"{NextStep.Cli} ticket start <next-ticket>");
            }

            var now = workspace.Now();
            if (IsHeld(reply, workspace, store, ticket, config, now, out var alerts)
                || NextSubtask.Find(reply, workspace, store, ticket, now) is not { } current
                || !IsReady(reply, current, config, now))
            {
                return reply;
            }

            subtask = current;
            docAlerts = LoopAlerts.Docs(alerts);
            if (subtask.Status == SubtaskStatus.Todo)
            {
                // A tip from the archive, once, as work on this subtask starts (docs/memory.md).
                NextTip.Add(reply, store, ticket, subtask);
                subtask.Status = SubtaskStatus.Progress;
                subtask.StartedAt ??= now;
                subtask.UpdatedAt = now;
                workspace.Save(store, ticket);
            }
        }

        // The store is closed while the test runs: tests can take minutes and may call dialtone.
        var run = TestExecution.Run(workspace.Repository, ticket, subtask, "next", config, workspace.Time);
        bool firstPass;
        using (var store = workspace.OpenStore())
        {
            // Null: this run is the command's first.
            firstPass = run.Passed && (store.Runs.FirstRunPassed(ticket.Name, subtask.Name, run.Command) ?? true);
            store.Runs.Record(run);
        }

        RunReport.Add(reply, run, config.TestTailLines);
        if (firstPass)
        {
            reply.Add(Tag.Warn, FirstPass.Warning(subtask.Name));
        }

        reply.Set("run", () => RunReport.Json(run));
        reply.Set("firstRunPassed", () => firstPass);
        if (!run.Passed)
        {
            return reply.Fail(ExitCodes.Blocked, RunReport.FailAction(run));
        }

        if (docAlerts.Count > 0)
        {
            // The SIGN would be refused: say so now, and point at what unblocks it.
            reply.Add(Tag.Message, $"The test passed, but a SIGN is refused while {LoopAlerts.Names(docAlerts)} changed unacknowledged. {LoopAlerts.AckMessage(docAlerts)}");
            return reply.Add(Tag.Action, $"{NextStep.Cli} ticket ack");
        }

        return reply.Add(Tag.Action, $"{NextStep.Cli} ticket log \"SIGN: {subtask.Name} test-command is idempotent and PASS\"");
    }

    /// <summary>True (and the reply blocked) when messages wait for the agent or the working summary is stale.</summary>
    private static bool IsHeld(Reply reply, Workspace workspace, Store store, Ticket ticket, DialtoneConfig config, DateTimeOffset now, out IReadOnlyList<Alert> alerts)
    {
        alerts = [];
        var messages = store.Messages.ForTicket(ticket.Name);
        if (messages.Exists(m => m.Blocks))
        {
            reply.Add(Tag.Block, "Cannot proceed to 'next' subtask.");
            MessageBlock.Close(reply, MessageBlock.Describe(reply, messages)!, ExitCodes.Blocked);
            return true;
        }

        // Design-doc changes and external events are shown here; SIGN and validate refuse until they are acknowledged.
        alerts = LoopAlerts.Check(reply, workspace, store, ticket, now);
        LoopAlerts.Show(reply, alerts, now, withActions: false);

        var summary = store.Journal.LatestSummary(ticket.Name);
        if (!SummaryRules.IsStale(summary?.At, ticket.CreatedAt, now, config.SummaryMaxAgeMinutes))
        {
            return false;
        }

        var age = DialtoneConfig.Minutes((now - (summary?.At ?? ticket.CreatedAt)).TotalMinutes);
        var limit = DialtoneConfig.Minutes(config.SummaryMaxAgeMinutes);
        reply.Add(Tag.Block, summary is null
            ? $"No working summary yet, and the ticket started {age} minutes ago (limit {limit} minutes)."
            : $"The working summary is stale: last updated {age} minutes ago (limit {limit} minutes).");
        reply.Fail(ExitCodes.Blocked, $"{NextStep.Cli} ticket summary update \"<what is done, what is next>\"");
        return true;
    }

    /// <summary>The quality checks before the run; false (and the reply blocked) for an unsafe test command.</summary>
    private static bool IsReady(Reply reply, Subtask subtask, DialtoneConfig config, DateTimeOffset now)
    {
        foreach (var vague in QualityChecks.VagueConditions(subtask))
        {
            reply.Add(Tag.Warn, $"Condition \"{TicketText.OneLine(vague, 120)}\" of '{subtask.Name}' is vague: say what can be checked (an exit code, an output, a file).");
        }

        if (QualityChecks.UnsafeReason(subtask.TestCommand!) is { } unsafeReason)
        {
            reply.Add(Tag.Block, $"The test command of '{subtask.Name}' is not safe to run: {unsafeReason}.");
            reply.Detail($"test: {TicketText.OneLine(subtask.TestCommand!)}");
            reply.Fail(ExitCodes.Blocked, $"{NextStep.Cli} ticket subtask edit {subtask.Name} --test \"<safe, idempotent command>\"");
            return false;
        }

        if (QualityChecks.RunsTooLong(subtask, now, config.SubtaskMaxMinutes))
        {
            reply.Add(Tag.Warn, $"Subtask '{subtask.Name}' has been in progress for {(int)(now - subtask.StartedAt!.Value).TotalMinutes} minutes (more than {DialtoneConfig.Minutes(config.SubtaskMaxMinutes)}): consider splitting it ({NextStep.Cli} ticket subtask add <smaller-step> …).");
        }

        return true;
    }
}
