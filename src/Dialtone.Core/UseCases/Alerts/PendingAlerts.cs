using System.Text.Json.Nodes;
using Dialtone.Core.Alerts;
using Dialtone.Core.Config;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Git;

namespace Dialtone.Core.UseCases.Alerts;

/// <summary>
/// The design-doc check every ticket command runs (log, status, next, start when resuming, the
/// post-checkout and post-merge hooks): both streams, the work tree and the base branch
/// (docs/alerts.md), then every pending alert — doc changes and external events — printed until
/// it is acknowledged.
/// </summary>
public static class PendingAlerts
{
    /// <summary>Checks the ticket's watched docs and adds every pending alert to the reply (and `alerts` to --json). True when any is pending.</summary>
    public static bool Add(Reply reply, Workspace workspace, Store store, Ticket ticket)
    {
        if (ticket.Status == TicketStatus.Done)
        {
            return false;
        }

        var now = workspace.Now();
        var pending = Check(reply, workspace, store, ticket, now).Pending;
        foreach (var alert in pending)
        {
            AlertText.Add(reply, alert, now);
        }

        reply.Set("alerts", () => new JsonArray([.. pending.Select(a => (JsonNode?)AlertText.Json(a, now))]));
        return pending.Count > 0;
    }

    /// <summary>
    /// At `ticket start`: a new ticket takes its baselines (the watched docs as they are now, the base
    /// branch where it forked); a resumed one hears what changed while it was away.
    /// </summary>
    public static void AtStart(Reply reply, Workspace workspace, Store store, Ticket ticket, bool resumed)
    {
        var now = workspace.Now();
        var scanner = Scanner(workspace, store);
        int watched;
        IReadOnlyList<Alert> pending = [];
        try
        {
            if (resumed)
            {
                var result = scanner.Check(ticket, now);
                watched = result.Watched;
                pending = result.Pending;
            }
            else
            {
                watched = scanner.TakeBaselines(ticket, now);
            }
        }
        catch (GitException ex)
        {
            reply.Add(Tag.Warn, $"Design docs could not be checked: {TicketText.OneLine(ex.Message, 300)}");
            return;
        }

        var patterns = scanner.Watch().Includes.Select(r => r.Pattern).ToList();
        reply.Add(Tag.Schema, TicketText.OneLine($"Watched design docs: {watched} {(watched == 1 ? "file" : "files")} matching {string.Join(", ", patterns.Take(4))}{(patterns.Count > 4 ? ", …" : "")}; changes raise alerts ({NextStep.Cli} ticket watch list).", 600));
        foreach (var alert in pending)
        {
            AlertText.Add(reply, alert, now);
        }

        reply.Set("alerts", () => new JsonArray([.. pending.Select(a => (JsonNode?)AlertText.Json(a, now))]));
    }

    /// <summary>What `ticket validate` and `ticket done` refuse over: every alert not yet acknowledged (checked afresh).</summary>
    public static List<(string Text, string Action)> Problems(Workspace workspace, Store store, Ticket ticket)
    {
        var now = workspace.Now();
        var problems = new List<(string, string)>();
        foreach (var alert in Check(null, workspace, store, ticket, now).Pending)
        {
            var what = alert.Kind == AlertKind.Doc
                ? AlertText.Headline(alert, now)
                : $"{alert.Source ?? "external"} ({AlertText.Level(alert.Level)}): {TicketText.OneLine(alert.Text ?? "", 200)}";
            problems.Add(($"Alert #{alert.Id} is not acknowledged: {what}", $"{NextStep.Cli} ticket ack --alert {alert.Id}   (or all: {NextStep.Cli} ticket ack)"));
        }

        return problems;
    }

    /// <summary>True when the ticket has an alert not yet acknowledged (checked afresh).</summary>
    public static bool AnyPending(Workspace workspace, Store store, Ticket ticket) =>
        Check(null, workspace, store, ticket, workspace.Now()).Pending.Count > 0;

    public static AlertScanner Scanner(Workspace workspace, Store store) =>
        new(workspace.Repository, store, DialtoneConfig.Load(workspace.Repository.TopLevel));

    private static AlertScanner.Result Check(Reply? reply, Workspace workspace, Store store, Ticket ticket, DateTimeOffset now)
    {
        try
        {
            return Scanner(workspace, store).Check(ticket, now);
        }
        catch (GitException ex)
        {
            // A failed check must not cost the agent its command; what is already pending still shows.
            reply?.Add(Tag.Warn, $"Design docs could not be checked: {TicketText.OneLine(ex.Message, 300)}");
            return new AlertScanner.Result(store.Alerts.Pending(ticket.Name), 0);
        }
    }
}
