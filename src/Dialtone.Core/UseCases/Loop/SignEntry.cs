using System.Text.Json.Nodes;
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
/// its current test command, at the current snapshot tree; it appends an attestation to the chain.
/// </summary>
public static class SignEntry
{
    public static void Sign(Workspace workspace, Store store, Ticket ticket, string rest, string text, string tree, DateTimeOffset now, Reply reply)
    {
        var subtask = SubtaskLookup.Named(ticket, rest, "SIGN: <subtask> test-command is idempotent and PASS");
        var run = store.Runs.Latest(ticket.Name, subtask.Name);
        if (Refusal(workspace, subtask, run, tree) is { } refusal)
        {
            reply.Add(Tag.Block, $"Signature refused: {refusal}");
            reply.Fail(ExitCodes.Blocked, $"{NextStep.Cli} ticket next");
            return;
        }

        if (ticket.LastSignature(subtask.Name) is { } existing && existing.Tree == tree)
        {
            reply.Add(Tag.Ticket, $"'{subtask.Name}' is already signed at tree {RunReport.Short(tree)} (attestation #{existing.Seq}).");
            reply.Add(Tag.Action, $"{NextStep.Cli} ticket next");
            return;
        }

        var attestation = Chain.Append(ticket, new Attestation
        {
            Subtask = subtask.Name,
            Command = run!.Command,
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
        reply.Add(Tag.Ticket, $"Commit this work with its record, then continue with {NextStep.Cli} ticket next.");
        reply.Set("attestation", () => new JsonObject
        {
            ["seq"] = attestation.Seq,
            ["subtask"] = attestation.Subtask,
            ["tree"] = attestation.Tree,
            ["hash"] = attestation.Hash,
        });
        reply.Add(Tag.Action, $"git add -A && git commit -m \"{subtask.Name}: {TicketText.OneLine(subtask.Description, 60).Replace("\"", "'", StringComparison.Ordinal)}\"");
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
}
