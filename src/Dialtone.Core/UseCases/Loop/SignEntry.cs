using System.Text.Json.Nodes;
using Dialtone.Core.Alerts;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Runs;
using Dialtone.Core.Signing;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// `ticket log "SIGN: &lt;subtask&gt; …"`: accepted only when the subtask's latest run passed, with
/// its current test command, at the current snapshot tree; when that command never both passed and
/// failed at this tree (flaky); and when no design-doc change waits to be acknowledged. It appends
/// an attestation to the chain.
/// </summary>
public static class SignEntry
{
    /// <summary>How the entry closes: an optional [MESSAGE] above the one [ACTION], and the exit code.</summary>
    public sealed record Verdict(int ExitCode, string Action, string? Message = null);

    /// <param name="alerts">The ticket's pending alerts, just checked: a design-doc change refuses the signature.</param>
    public static Verdict Sign(Workspace workspace, Store store, Ticket ticket, string rest, string text, string tree, IReadOnlyList<Alert> alerts, DateTimeOffset now, Reply reply)
    {
        var subtask = SubtaskLookup.Named(ticket, rest, "SIGN: <subtask> test-command is idempotent and PASS");
        var runs = store.Runs;
        var run = runs.Latest(ticket.Name, subtask.Name);
        if (Refusal(workspace, subtask, run, tree) is { } refusal)
        {
            reply.Add(Tag.Block, $"Signature refused: {refusal}");
            return new Verdict(ExitCodes.Blocked, $"{NextStep.Cli} ticket next");
        }

        if (ticket.LastSignature(subtask.Name) is { } existing && existing.Tree == tree && existing.Command == run!.Command)
        {
            reply.Add(Tag.Ticket, $"'{subtask.Name}' is already signed at tree {RunReport.Short(tree)} (attestation #{existing.Seq}).");
            return new Verdict(ExitCodes.Ok, $"{NextStep.Cli} ticket next");
        }

        // A pass proves nothing when the same command also failed at this very tree.
        var (passes, failures) = runs.OutcomesAt(ticket.Name, subtask.Name, run!.Command, tree);
        if (passes > 0 && failures > 0)
        {
            reply.Add(Tag.Block, $"Signature refused: '{subtask.Name}' is flaky: {Count(passes, "pass", "passes")} and {Count(failures, "failure", "failures")} at tree {RunReport.Short(tree)}.");
            return new Verdict(
                ExitCodes.Blocked,
                $"{NextStep.Cli} ticket next",
                $"A test that both passed and failed at the same tree proves nothing by passing, and more runs here cannot change that. Find what it depends on besides the tree (timing, order, the network, ignored or generated files) and fix it; "
                + $"Dialtone accepts a SIGN only at a tree where the test has not failed, so the fix (a changed tree) is what makes it signable. After the fix, run the test again:");
        }

        var docs = LoopAlerts.Docs(alerts);
        if (docs.Count > 0)
        {
            reply.Add(Tag.Block, $"Signature refused: the design doc{(docs.Count == 1 ? "" : "s")} {LoopAlerts.Names(docs)} changed and the change is not acknowledged: the spec moved under the work being signed.");
            return new Verdict(ExitCodes.Blocked, $"{NextStep.Cli} ticket ack", LoopAlerts.AckMessage(docs));
        }

        var attestation = Chain.Append(ticket, new Attestation
        {
            Subtask = subtask.Name,
            Command = run.Command,
            ExitCode = run.ExitCode,
            DurationMs = run.DurationMs,
            Tree = tree,
            OutputDigest = run.OutputDigest,
            SignedAt = now,
            Signer = Identity.Of(workspace.Repository),
            PrevHash = "",
        });
        store.Journal.Log(ticket.Name, "sign", subtask.Name, text, now);
        workspace.Save(store, ticket);
        reply.Add(Tag.Ticket, $"Signed: {subtask.Name} (attestation #{attestation.Seq}, tree {RunReport.Short(tree)}, run #{run.Id}).");
        if (runs.FirstRunPassed(ticket.Name, subtask.Name, run.Command) == true)
        {
            reply.Add(Tag.Warn, FirstPass.Warning(subtask.Name));
        }

        reply.Add(Tag.Ticket, $"Commit this work with its record, then continue with {NextStep.Cli} ticket next.");
        reply.Set("attestation", () => new JsonObject
        {
            ["seq"] = attestation.Seq,
            ["subtask"] = attestation.Subtask,
            ["tree"] = attestation.Tree,
            ["hash"] = attestation.Hash,
        });
        // The description is user text: single-quoted, so nothing in it can run when the line is pasted.
        return new Verdict(ExitCodes.Ok, $"git add -A && git commit -m {ShellWords.Quote($"{subtask.Name}: {TicketText.OneLine(subtask.Description, 60)}")}");
    }

    /// <summary>Why the latest run cannot be signed, or null when it can.</summary>
    private static string? Refusal(Workspace workspace, Subtask subtask, TestRun? run, string tree)
    {
        if (run is null)
        {
            return $"'{subtask.Name}' has no test run yet.";
        }

        if (!run.Passed)
        {
            return $"the latest run of '{subtask.Name}' did not pass ({RunReport.Reason(run)}, {run.StartedAt:HH:mm:ss} UTC).";
        }

        if (run.Command != subtask.TestCommand)
        {
            return $"the test command of '{subtask.Name}' changed since its latest run.";
        }

        if (run.TreeBefore != tree)
        {
            var changed = SnapshotTree.Diff(workspace.Repository, run.TreeBefore, tree).Select(c => c.Path).ToList();
            return $"files changed since the passing run of '{subtask.Name}': {RunReport.Paths(changed)}.";
        }

        return null;
    }

    private static string Count(long n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
