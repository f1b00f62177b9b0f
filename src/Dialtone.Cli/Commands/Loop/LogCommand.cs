using System.CommandLine;
using System.Text.RegularExpressions;
using Dialtone.Cli.Commands.Tickets;
using Dialtone.Core.Output;
using Dialtone.Core.Signing;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Alerts;
using Dialtone.Core.UseCases.Loop;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Core;
using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>
/// `ticket log "&lt;text&gt;"`: a note, or `SIGN: &lt;subtask&gt; …` (accepted only when the subtask's
/// latest run passed at the current snapshot tree), `FAIL: &lt;subtask&gt; …`, `CHECK: …`.
/// </summary>
public static partial class LogCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var text = new Argument<string>("text") { Description = "A note, or SIGN: <subtask> …, FAIL: <subtask> …, CHECK: …" };
        var command = new Command("log", "Append to the ticket log; SIGN: signs a passing run.") { text };
        Handler.Set(command, globals, "ticket log", context => Run(context.Workspace, context.Value(text)));
        return command;
    }

    public static Reply Run(Workspace workspace, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DialtoneError.Usage("Nothing to log: the text is empty.", $"{NextStep.Cli} ticket log \"<what you did or decided>\"");
        }

        var match = Prefix().Match(text);
        var kind = match.Success ? match.Groups["kind"].Value.ToUpperInvariant() : "NOTE";
        var rest = match.Success ? match.Groups["rest"].Value.Trim() : text.Trim();

        // Signing needs the snapshot tree; git works best before the store is opened.
        var tree = kind == "SIGN" ? SnapshotTree.Compute(workspace.Repository) : null;
        var reply = new Reply();
        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        var journal = store.Journal;
        var now = workspace.Now();
        switch (kind)
        {
            case "SIGN":
                Sign(workspace, store, ticket, rest, text, tree!, now, reply);
                break;
            case "FAIL":
                {
                    var subtask = RequireSubtask(ticket, rest, "FAIL: <subtask> <reason> (next action: …)");
                    journal.Log(ticket.Name, "fail", subtask.Name, text, now);
                    reply.Add(Tag.Ticket, $"Failure noted for '{subtask.Name}'.");
                    reply.Add(Tag.Action, $"{NextStep.Cli} ticket next   (after the fix)");
                    break;
                }

            case "CHECK":
                journal.Log(ticket.Name, "check", null, text, now);
                reply.Add(Tag.Ticket, "Check captured.");
                Check(ticket, rest, reply);
                break;
            default:
                journal.Log(ticket.Name, "note", null, text, now);
                reply.Add(Tag.Ticket, "Log captured.");
                break;
        }

        // Seed section 4: after logging, whatever changed in the watched design docs (DESIGN §6).
        PendingAlerts.Add(reply, workspace, store, ticket);

        reply.Set("ticket", () => ticket.Name);
        reply.Set("kind", () => kind.ToLowerInvariant());
        return reply;
    }

    private static void Sign(Workspace workspace, Store store, Ticket ticket, string rest, string text, string tree, DateTimeOffset now, Reply reply)
    {
        var subtask = RequireSubtask(ticket, rest, "SIGN: <subtask> test-command is idempotent and PASS");
        var run = store.Runs.Latest(ticket.Name, subtask.Name);
        string? refusal = null;
        string fix = $"{NextStep.Cli} ticket next";
        if (run is null)
        {
            refusal = $"'{subtask.Name}' has no test run yet.";
        }
        else if (!run.Passed)
        {
            refusal = $"the latest run of '{subtask.Name}' did not pass ({RunReport.Reason(run)}, {run.StartedAt:HH:mm:ss} UTC).";
        }
        else if (run.Command != subtask.TestCommand)
        {
            refusal = $"the test command of '{subtask.Name}' changed since its latest run.";
        }
        else if (run.TreeBefore != tree)
        {
            var changed = SnapshotTree.Diff(workspace.Repository, run.TreeBefore, tree).Select(c => c.Path).ToList();
            refusal = $"files changed since the passing run of '{subtask.Name}': {RunReport.Paths(changed)}.";
        }

        if (refusal is not null)
        {
            reply.Add(Tag.Block, $"Signature refused: {refusal}");
            reply.Fail(ExitCodes.Blocked, fix);
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
        reply.Set("attestation", () => new System.Text.Json.Nodes.JsonObject
        {
            ["seq"] = attestation.Seq,
            ["subtask"] = attestation.Subtask,
            ["tree"] = attestation.Tree,
            ["hash"] = attestation.Hash,
        });
        reply.Add(Tag.Action, $"git add -A && git commit -m \"{subtask.Name}: {TicketText.OneLine(subtask.Description, 60).Replace("\"", "'", StringComparison.Ordinal)}\"");
    }

    private static void Check(Ticket ticket, string rest, Reply reply)
    {
        var named = ticket.Subtasks.Where(s => Regex.IsMatch(rest, $@"(?<![a-z0-9-]){Regex.Escape(s.Name)}(?![a-z0-9-])")).ToList();
        if (named.Count == 0)
        {
            reply.Add(Tag.Ticket, "Nothing in it names a subtask, so there is nothing Dialtone can verify.");
            return;
        }

        foreach (var subtask in named)
        {
            var missing = subtask.MissingFields();
            if (missing.Count == 0)
            {
                reply.Add(Tag.Pass, $"'{subtask.Name}' has a description, {subtask.Conditions.Count} test condition(s) and a test command.");
            }
            else
            {
                reply.Add(Tag.Warn, $"'{subtask.Name}' is missing {string.Join(", ", missing)}.");
                reply.Add(Tag.Action, NextStep.FixFields(subtask.Name, missing));
            }
        }
    }

    private static Subtask RequireSubtask(Ticket ticket, string rest, string form)
    {
        var name = rest.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (!Names.IsValid(name))
        {
            throw DialtoneError.Usage($"Expected the form \"{form}\".", $"{NextStep.Cli} ticket log \"{form}\"");
        }

        return ticket.FindSubtask(name) ?? throw Subtasks.SubtaskEditCommand.Unknown(ticket, name);
    }

    [GeneratedRegex(@"^\s*(?<kind>SIGN|FAIL|CHECK)\s*:\s*(?<rest>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
