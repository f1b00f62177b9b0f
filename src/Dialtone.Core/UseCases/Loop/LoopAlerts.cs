using System.Text.Json.Nodes;
using Dialtone.Core.Alerts;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Alerts;
using Dialtone.Core.Workflow;
using Dialtone.Git;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// The pending alerts as `ticket next` and `ticket log` see them: checked once per command, shown
/// without each alert's own [ACTION] (those answers close with exactly one), and the design-doc
/// ones that refuse a SIGN (the spec moved under the work being signed).
/// </summary>
public static class LoopAlerts
{
    /// <summary>Every alert of the ticket not yet acknowledged, after checking the watched docs afresh (none for a done ticket).</summary>
    public static IReadOnlyList<Alert> Check(Reply reply, Workspace workspace, Store store, Ticket ticket, DateTimeOffset now)
    {
        if (ticket.Status == TicketStatus.Done)
        {
            return [];
        }

        try
        {
            return PendingAlerts.Scanner(workspace, store).Check(ticket, now).Pending;
        }
        catch (GitException ex)
        {
            // A failed check must not cost the agent its command; what is already pending still counts.
            reply.Add(Tag.Warn, $"Design docs could not be checked: {TicketText.OneLine(ex.Message, 300)}");
            return store.Alerts.Pending(ticket.Name);
        }
    }

    /// <summary>Adds the alerts' lines (with their own [ACTION]s only when the answer has no closing one) and `alerts[]` to --json.</summary>
    public static void Show(Reply reply, IReadOnlyList<Alert> alerts, DateTimeOffset now, bool withActions)
    {
        foreach (var alert in alerts)
        {
            var lines = new Reply();
            AlertText.Add(lines, alert, now);
            foreach (var (tag, text) in lines.Lines.Where(l => withActions || l.Tag != Tag.Action))
            {
                reply.Add(tag, text);
            }
        }

        reply.Set("alerts", () => new JsonArray([.. alerts.Select(a => (JsonNode?)AlertText.Json(a, now))]));
    }

    /// <summary>The design-doc alerts among <paramref name="alerts"/>: these refuse a SIGN until acknowledged.</summary>
    public static List<Alert> Docs(IReadOnlyList<Alert> alerts) => [.. alerts.Where(a => a.Kind == AlertKind.Doc)];

    /// <summary>"'api_spec.md' (alert #3)", for the lines that name what refuses the signature.</summary>
    public static string Names(IReadOnlyList<Alert> docs) =>
        string.Join(", ", docs.Select(a => $"'{a.Path}' (alert #{a.Id})"));

    /// <summary>The [MESSAGE] above the acknowledgement: what to do before signing over a moved spec.</summary>
    public static string AckMessage(IReadOnlyList<Alert> docs) =>
        $"Read the change (the [DIFF] lines above; {AlertText.DiffCommand(docs[0].Path!)} shows all of it), make the work meet it, acknowledge it, then run the test and sign again:";
}
