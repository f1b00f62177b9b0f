using System.Text.RegularExpressions;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Git;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// `ticket log "&lt;text&gt;"`: a note, or `SIGN: &lt;subtask&gt; …` (accepted only when the subtask's
/// latest run passed at the current snapshot tree), `FAIL: &lt;subtask&gt; …`, `CHECK: …`.
/// </summary>
public static partial class LogUseCase
{
    /// <summary>Placeholders Dialtone prints in the `ticket log` commands it suggests.</summary>
    private static readonly string[] PrintedPlaceholders = [RunReport.NextActionPlaceholder, "<what you did or decided>", "<subtask>", "<reason>"];

    public static Reply Run(Workspace workspace, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DialtoneError.Usage("Nothing to log: the text is empty.", $"{NextStep.Cli} ticket log '<what you did or decided>'");
        }

        if (PrintedPlaceholders.FirstOrDefault(p => text.Contains(p, StringComparison.Ordinal)) is { } placeholder)
        {
            // Canned text from Dialtone's own [ACTION] lines must not end up in the log or the archive.
            throw DialtoneError.Usage($"The text still contains the placeholder {placeholder}: replace it with what you mean.", $"{NextStep.Cli} ticket log '<what you did or decided>'");
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

        // The watched design docs, checked once: a SIGN is refused over a doc change, and every entry shows what is pending.
        var alerts = LoopAlerts.Check(reply, workspace, store, ticket, now);
        SignEntry.Verdict? verdict = null;
        switch (kind)
        {
            case "SIGN":
                verdict = SignEntry.Sign(workspace, store, ticket, rest, text, tree!, alerts, now, reply);
                break;
            case "FAIL":
                {
                    var subtask = SubtaskLookup.Named(ticket, rest, $"FAIL: <subtask> <reason> (next action: {RunReport.NextActionPlaceholder})");
                    journal.Log(ticket.Name, "fail", subtask.Name, text, now);
                    reply.Add(Tag.Ticket, $"Failure noted for '{subtask.Name}'.");
                    verdict = new SignEntry.Verdict(ExitCodes.Ok, $"{NextStep.Cli} ticket next", "After the fix, run its test again:");
                    break;
                }

            case "CHECK":
                journal.Log(ticket.Name, "check", null, text, now);
                reply.Add(Tag.Ticket, "Check captured.");
                CheckEntry.Verify(ticket, rest, reply);
                break;
            default:
                journal.Log(ticket.Name, "note", null, text, now);
                reply.Add(Tag.Ticket, "Log captured.");
                break;
        }

        // After logging, whatever changed in the watched design docs: the agent hears of it at once.
        LoopAlerts.Show(reply, alerts, now, withActions: verdict is null);
        reply.Set("ticket", () => ticket.Name);
        reply.Set("kind", () => kind.ToLowerInvariant());
        if (verdict is { } closing)
        {
            // The [ACTION] closes the answer, after the alerts.
            if (closing.Message is not null)
            {
                reply.Add(Tag.Message, closing.Message);
            }

            return closing.ExitCode == ExitCodes.Ok ? reply.Add(Tag.Action, closing.Action) : reply.Fail(closing.ExitCode, closing.Action);
        }

        return reply;
    }

    [GeneratedRegex(@"^\s*(?<kind>SIGN|FAIL|CHECK)\s*:\s*(?<rest>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
