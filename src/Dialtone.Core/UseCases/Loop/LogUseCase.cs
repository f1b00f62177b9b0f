using System.Text.RegularExpressions;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Alerts;
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
                SignEntry.Sign(workspace, store, ticket, rest, text, tree!, now, reply);
                break;
            case "FAIL":
                {
                    var subtask = SubtaskLookup.Named(ticket, rest, "FAIL: <subtask> <reason> (next action: …)");
                    journal.Log(ticket.Name, "fail", subtask.Name, text, now);
                    reply.Add(Tag.Ticket, $"Failure noted for '{subtask.Name}'.");
                    reply.Add(Tag.Action, $"{NextStep.Cli} ticket next   (after the fix)");
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
        PendingAlerts.Add(reply, workspace, store, ticket);

        reply.Set("ticket", () => ticket.Name);
        reply.Set("kind", () => kind.ToLowerInvariant());
        return reply;
    }

    [GeneratedRegex(@"^\s*(?<kind>SIGN|FAIL|CHECK)\s*:\s*(?<rest>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
