using Dialtone.Core.Config;
using Dialtone.Core.Output;
using Dialtone.Core.Records;
using Dialtone.Core.Runs;
using Dialtone.Core.Signing;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// The done gate's check: every subtask signed, nothing changed since the last
/// signature, nothing unanswered or unacknowledged, and every test re-run at the current tree,
/// passing, touching nothing. The outcome is sealed into the chain and written to the record.
/// </summary>
public static class Validator
{
    /// <param name="Message">What the [MESSAGE] above the [ACTION] explains, when the action needs it.</param>
    public sealed record Outcome(bool Passed, Ticket Ticket, string? Action, string? Message = null);

    public static Outcome Run(Workspace workspace, string? name, Reply reply)
    {
        var config = DialtoneConfig.Load(workspace.Repository.TopLevel);
        var tree = SnapshotTree.Compute(workspace.Repository);
        Ticket ticket;
        var problems = new List<(string Text, string Action)>();
        string? staleHint = null;
        using (var store = workspace.OpenStore())
        {
            ticket = CurrentTicket.Resolve(workspace, store, name);
            if (!workspace.IsCheckedOut(ticket))
            {
                throw DialtoneError.Usage($"Ticket '{ticket.Name}' is not checked out; its tests run in its own work tree.", $"{NextStep.Cli} ticket start {ticket.Name}");
            }

            var messages = store.Messages.ForTicket(ticket.Name);
            foreach (var message in messages.Where(m => m.Blocks))
            {
                // Answering is the human's move; the agent's action is to look where things stand.
                problems.Add(message.IsAnswered
                    ? ($"The answer to question #{message.Id} is not acknowledged.", $"{NextStep.Cli} ticket ack")
                    : ($"Question #{message.Id} is not answered yet.", $"{NextStep.Cli} ticket status"));
            }

            // Unacknowledged alerts, checked afresh: a last-minute doc change counts too.
            problems.AddRange(Alerts.PendingAlerts.Problems(workspace, store, ticket).Select(p => (p.Text, $"{NextStep.Cli} ticket ack")));

            if (ticket.Subtasks.Count == 0)
            {
                problems.Add(($"Ticket '{ticket.Name}' has no subtasks.", NextStep.For(ticket)));
            }

            foreach (var subtask in ticket.Subtasks.Where(s => ticket.LastSignature(s.Name) is null))
            {
                problems.Add(($"Subtask '{subtask.Name}' is not signed.", $"{NextStep.Cli} ticket next"));
            }

            if (ticket.Attestations.Count > 0 && ticket.Attestations[^1].Tree != tree)
            {
                var changed = SnapshotTree.Diff(workspace.Repository, ticket.Attestations[^1].Tree, tree).Select(c => c.Path).ToList();
                var last = ticket.Attestations[^1].Subtask;
                problems.Add((
                    $"Files changed since the last signature ('{last}', #{ticket.Attestations[^1].Seq}): {RunReport.Paths(changed)}.",
                    $"{NextStep.Cli} ticket test"));
                staleHint = problems.Count == 1
                    ? $"The change is unsigned work: run every test, then sign the subtask whose test covers it ({NextStep.Cli} ticket log \"SIGN: {last} test-command is idempotent and PASS\" if it is '{last}'):"
                    : null;
            }
        }

        if (problems.Count > 0)
        {
            foreach (var (text, _) in problems)
            {
                reply.Add(Tag.Fail, text);
            }

            reply.Set("problems", () => new System.Text.Json.Nodes.JsonArray([.. problems.Select(p => (System.Text.Json.Nodes.JsonNode?)p.Text)]));

            return new Outcome(false, ticket, problems[0].Action, staleHint);
        }

        // Re-run every test with the store closed: passing again without touching files is the proof.
        var runs = ticket.Subtasks.Select(s => TestExecution.Run(workspace.Repository, ticket, s, "validate", config, workspace.Time)).ToList();
        var passed = runs.TrueForAll(r => r.Passed && r.TreeBefore == tree && r.TreeAfter == tree);
        using (var store = workspace.OpenStore())
        {
            var table = store.Runs;
            foreach (var run in runs)
            {
                table.Record(run);
            }

            ticket = workspace.FindTicket(store, ticket.Name)!;
            var now = workspace.Now();
            if (passed)
            {
                foreach (var subtask in ticket.Subtasks.Where(s => s.Status != SubtaskStatus.Done))
                {
                    subtask.Status = SubtaskStatus.Done;
                    subtask.UpdatedAt = now;
                }
            }

            var validation = Chain.Seal(ticket, new Validation
            {
                Tree = tree,
                ValidatedAt = now,
                Passed = passed,
                Results = runs.ConvertAll(r => new ValidationResult(r.Subtask, r.ExitCode, r.DurationMs, r.Passed)),
                PrevHash = "",
            });

            // This store ran it: `ticket done` trusts this hash, and only hashes it finds here.
            table.RecordValidation(ticket.Name, validation, now);
            workspace.Save(store, ticket);
        }

        // A run that passed but left files behind still fails validation: the re-run must touch nothing.
        var unclean = runs.Where(r => !r.Passed || r.TreeBefore != tree || r.TreeAfter != tree).ToList();
        foreach (var run in unclean)
        {
            RunReport.Add(reply, run, config.TestTailLines);
            if (run.Passed)
            {
                reply.Add(Tag.Fail, $"Re-running '{run.Subtask}' changed the work tree{(run.LeftUntracked.Count > 0 ? $": it left {RunReport.Paths(run.LeftUntracked)}" : "")}; a validated test must touch nothing.");
            }
        }

        var total = runs.Sum(r => r.DurationMs);
        if (passed)
        {
            reply.Add(Tag.Pass, $"Validation passed at tree {RunReport.Short(tree)}: {runs.Count} test{(runs.Count == 1 ? "" : "s")} re-run in {RunReport.Duration(total)}, all passing, no files touched.");
        }
        else
        {
            reply.Add(Tag.Fail, $"Validation failed at tree {RunReport.Short(tree)}: {unclean.Count} of {runs.Count} tests did not pass again cleanly.");
        }

        reply.Set("runs", () => new System.Text.Json.Nodes.JsonArray([.. runs.Select(r => (System.Text.Json.Nodes.JsonNode?)RunReport.Json(r))]));
        reply.Set("tree", () => tree);
        var failed = runs.Find(r => !r.Passed);
        var cleanUp = failed is null && unclean.Count > 0
            ? $"Make '{unclean[0].Subtask}' clean up after itself (or ignore what it writes in .gitignore), then validate again:"
            : null;
        var action = failed is not null
            ? RunReport.FailAction(failed)
            : unclean.Count > 0
                ? $"{NextStep.Cli} ticket validate"
                : null;
        return new Outcome(passed, ticket, action, cleanUp);
    }

    /// <summary>
    /// True when the ticket's last validation passed at the current tree, still links to the chain's
    /// head, and re-ran every subtask: one with fewer results than subtasks never counts.
    /// </summary>
    public static bool IsCurrent(Ticket ticket, string tree) =>
        ticket.Validation is { Passed: true } v && v.Tree == tree && v.PrevHash == Chain.HeadHash(ticket)
        && RecordVerifier.ValidationCovers(RecordMapper.ToRecord(ticket));

    /// <summary>
    /// True when the last validation is current and this store ran it itself. A validation that
    /// arrived in a record (a pull, a clone, a hand edit) may carry any hash it likes; only re-running proves it.
    /// </summary>
    public static bool IsTrusted(Store store, Ticket ticket, string tree) =>
        IsCurrent(ticket, tree) && store.Runs.RanPassingValidation(ticket.Name, ticket.Validation!.Hash);
}
