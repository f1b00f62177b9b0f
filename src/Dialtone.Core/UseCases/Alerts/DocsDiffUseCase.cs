using System.Text.Json.Nodes;
using Dialtone.Core.Alerts;
using Dialtone.Core.DocDiff;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Alerts;

/// <summary>
/// `dialtone docs diff &lt;path&gt;`: every change of a watched doc since the current ticket last
/// acknowledged it — the pending alerts' full [DIFF] lists (local and upstream), or, when nothing is
/// pending, the acknowledged version against the work tree.
/// </summary>
public static class DocsDiffUseCase
{
    /// <param name="directory">Where the command runs: a plain path is taken relative to it.</param>
    public static Reply Run(Workspace workspace, string directory, string rawPath)
    {
        var path = WatchPaths.RepositoryRelative(workspace, directory, rawPath);
        if (WatchRules.Problem(path) is { } problem)
        {
            throw DialtoneError.Usage($"'{Names.Printable(rawPath)}' is not a path in this repository: {problem}.", $"{NextStep.Cli} ticket watch list");
        }

        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        var reply = new Reply();
        var now = workspace.Now();
        var scanner = PendingAlerts.Scanner(workspace, store);
        var pending = scanner.Check(ticket, now).Pending.Where(a => a.Kind == AlertKind.Doc && a.Path == path).ToList();
        var changes = new JsonArray();
        foreach (var alert in pending)
        {
            var stream = alert.Stream == AlertStream.Local ? "the acknowledged version to the work tree" : $"the acknowledged version of '{alert.BaseRef}' to its tip";
            reply.Add(Tag.Ticket, TicketText.OneLine($"{AlertText.Headline(alert, now)} {Count(alert.Changes.Count)} from {stream} ({AlertText.Origin(alert)}).", 600));
            foreach (var change in alert.Changes)
            {
                reply.Add(Tag.Diff, TicketText.OneLine(change.Text, 300));
                changes.Add(new JsonObject { ["alert"] = alert.Id, ["kind"] = change.KindName, ["text"] = change.Text });
            }
        }

        if (pending.Count == 0)
        {
            SinceAcknowledged(reply, workspace, store, scanner, ticket, path, changes);
        }

        reply.Set("path", () => path);
        reply.Set("alerts", () => new JsonArray([.. pending.Select(a => (JsonNode?)AlertText.Json(a, now))]));
        reply.Set("changes", () => changes);
        reply.Add(Tag.Action, pending.Count switch
        {
            0 => $"{NextStep.Cli} ticket status",
            1 => $"Please update your implementation, then: {NextStep.Cli} ticket ack --alert {pending[0].Id}",
            _ => $"Please update your implementation, then: {NextStep.Cli} ticket ack   (alerts {string.Join(", ", pending.Select(a => "#" + a.Id))})",
        });
        return reply;
    }

    /// <summary>With no alert pending: the acknowledged version of the doc against the work tree.</summary>
    private static void SinceAcknowledged(Reply reply, Workspace workspace, Store store, AlertScanner scanner, Ticket ticket, string path, JsonArray changes)
    {
        var baseline = store.Alerts.Baselines(ticket.Name).Find(b => b.Stream == AlertStream.Local && b.Path == path);
        var current = WorkTreeDocs.ReadFile(workspace.Repository, path) is { } bytes ? GitBlob.Decode(bytes) : null;
        if (baseline is null && current is null)
        {
            throw DialtoneError.Usage($"'{Names.Printable(path)}' is neither a watched doc of ticket '{ticket.Name}' nor a file in the work tree.", $"{NextStep.Cli} ticket watch list");
        }

        var before = baseline?.Blob is { } blob ? scanner.Text(blob) : null;
        var result = DocDiffer.Diff(path, before, current);
        reply.Add(Tag.Ticket, result.Changes.Count == 0
            ? $"Design Doc '{path}' has no structural changes since ticket '{ticket.Name}' acknowledged it."
            : $"Design Doc '{path}': {Count(result.Changes.Count)} since ticket '{ticket.Name}' acknowledged it (no alert yet).");
        if (result.FellBack)
        {
            reply.Add(Tag.Warn, $"'{path}' does not parse as {DocDiffer.FormatOf(path).ToString().ToUpperInvariant()}; compared line by line.");
        }

        foreach (var change in result.Changes)
        {
            reply.Add(Tag.Diff, TicketText.OneLine(change.Text, 300));
            changes.Add(new JsonObject { ["alert"] = null, ["kind"] = change.KindName, ["text"] = change.Text });
        }
    }

    private static string Count(int changes) => changes == 1 ? "1 change" : $"{changes} changes";
}
