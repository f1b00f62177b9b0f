using System.Text.Json.Nodes;
using Dialtone.Core.Alerts;
using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Alerts;

/// <summary>
/// `ticket alert "&lt;text&gt;" [--source ci] [--level error|warn|info] [--ticket &lt;t&gt;]`: an external
/// event (a failing CI job, …) shown at the next command of that ticket — or of every open ticket —
/// until acknowledged, and blocking validation until then.
/// </summary>
public static class AlertUseCase
{
    private const string Usage = $"{NextStep.Cli} ticket alert \"<what happened>\" [--source ci] [--level error|warn|info] [--ticket <name>]";

    /// <param name="source">Who raises it; null or blank means "external".</param>
    /// <param name="level">error, warn or info (and their synonyms); null means warn.</param>
    /// <param name="ticketName">The ticket it is for; null means every open ticket.</param>
    public static Reply Run(Workspace workspace, string text, string? source, string? level, string? ticketName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DialtoneError.Usage("The alert text is empty.", Usage);
        }

        var parsedLevel = ParseLevel(level);
        var from = string.IsNullOrWhiteSpace(source) ? "external" : TicketText.OneLine(source.Trim(), 40);
        var message = text.Trim();

        using var store = workspace.OpenStore();
        List<Ticket> targets;
        if (ticketName is not null)
        {
            var named = Names.Require(ticketName, "ticket", Usage);
            var ticket = workspace.FindTicket(store, named) ?? throw DialtoneError.Usage($"There is no ticket '{named}'.", $"{NextStep.Cli} ticket list");
            if (ticket.Status == TicketStatus.Done)
            {
                throw DialtoneError.Usage($"Ticket '{named}' is done; an alert for it would never be seen.", $"{NextStep.Cli} ticket list");
            }

            targets = [ticket];
        }
        else
        {
            targets = store.Tickets.List(includeDone: false);
        }

        var reply = new Reply();
        if (targets.Count == 0)
        {
            reply.Add(Tag.Warn, "There is no open ticket, so the alert was not recorded.");
            reply.Set("alerts", () => new JsonArray());
            return reply.Add(Tag.Action, $"{NextStep.Cli} ticket list --all");
        }

        var now = workspace.Now();
        var table = store.Alerts;
        var raised = store.InTransaction(() => targets.ConvertAll(t => (Ticket: t.Name, Id: table.RaiseEvent(t.Name, message, from, parsedLevel, now))));
        foreach (var (ticket, id) in raised)
        {
            reply.Add(Tag.Ticket, TicketText.OneLine($"Alert #{id} raised for ticket '{ticket}' ({from}, {AlertText.Level(parsedLevel)}): {message}", 400));
        }

        reply.Set("alerts", () => new JsonArray([.. raised.Select(r => (JsonNode?)new JsonObject { ["id"] = r.Id, ["ticket"] = r.Ticket })]));
        reply.Add(Tag.Ticket, "It is shown at the ticket's next command until acknowledged (ticket ack), and blocks validation until then.");
        return reply;
    }

    private static AlertLevel ParseLevel(string? level) => (level ?? "warn").Trim().ToLowerInvariant() switch
    {
        "error" or "err" or "fail" or "failure" => AlertLevel.Error,
        "warn" or "warning" => AlertLevel.Warn,
        "info" or "notice" => AlertLevel.Info,
        _ => throw DialtoneError.Usage($"--level '{Names.Printable(level!)}' is not one of error, warn, info.", Usage),
    };
}
