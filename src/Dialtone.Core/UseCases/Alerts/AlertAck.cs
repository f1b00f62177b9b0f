using System.Text.Json.Nodes;
using Dialtone.Core.Alerts;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Loop;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Alerts;

/// <summary>
/// Acknowledging alerts (`ticket ack` acknowledges all of them with the answers; `ticket ack --alert
/// &lt;id&gt;` one). A doc alert's acknowledgement moves that doc's baseline to the version it showed,
/// so a later change raises a new alert and a change already shown never does again.
/// </summary>
public static class AlertAck
{
    /// <summary>Acknowledges every pending alert of the ticket; returns how many.</summary>
    public static int All(Reply reply, Workspace workspace, Store store, Ticket ticket, string? note, DateTimeOffset now)
    {
        var table = store.Alerts;
        var pending = table.Pending(ticket.Name);
        if (pending.Count > 0)
        {
            var scanner = PendingAlerts.Scanner(workspace, store);
            store.InTransaction(() =>
            {
                foreach (var alert in pending)
                {
                    scanner.Acknowledge(alert, note, now);
                }

                store.Journal.Log(ticket.Name, "ack", null, $"acknowledged alerts {string.Join(", ", pending.Select(a => "#" + a.Id))}{(note is null ? "" : ": " + note)}", now);
            });
            foreach (var alert in pending)
            {
                reply.Add(Tag.Ticket, Acknowledged(alert, now));
            }
        }

        reply.Set("acknowledgedAlerts", () => new JsonArray([.. pending.Select(a => (JsonNode?)a.Id)]));
        return pending.Count;
    }

    /// <summary>`ticket ack --alert &lt;id&gt; ["&lt;note&gt;"]`.</summary>
    public static Reply One(Workspace workspace, long id, string? first, string? second)
    {
        if (second is not null || MessageIds.TryParse(first, out _))
        {
            throw DialtoneError.Usage("With --alert, give at most a note: a question number and an alert cannot be acknowledged together.", $"{NextStep.Cli} ticket ack --alert {id} [\"<note>\"]");
        }

        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        var table = store.Alerts;
        var alert = table.Find(id);
        if (alert is null || alert.Ticket != ticket.Name)
        {
            throw DialtoneError.Usage($"Ticket '{ticket.Name}' has no alert #{id}.", $"{NextStep.Cli} ticket status");
        }

        var reply = new Reply();
        var now = workspace.Now();
        if (alert.IsAcknowledged)
        {
            reply.Add(Tag.Ticket, $"Alert #{id} was already acknowledged ({alert.AckedAt:yyyy-MM-dd HH:mm} UTC).");
        }
        else
        {
            store.InTransaction(() =>
            {
                PendingAlerts.Scanner(workspace, store).Acknowledge(alert, first, now);
                store.Journal.Log(ticket.Name, "ack", null, $"acknowledged alert #{id}{(first is null ? "" : ": " + first)}", now);
            });
            reply.Add(Tag.Ticket, Acknowledged(alert, now));
        }

        var left = table.PendingCount(ticket.Name);
        if (left > 0)
        {
            reply.Add(Tag.Ticket, $"{left} more {(left == 1 ? "alert is" : "alerts are")} pending.");
        }

        reply.Set("acknowledged", () => new JsonArray());
        reply.Set("acknowledgedAlerts", () => new JsonArray(alert.Id));
        reply.Add(Tag.Action, left > 0 ? $"{NextStep.Cli} ticket status" : $"{NextStep.Cli} ticket next");
        return reply;
    }

    private static string Acknowledged(Alert alert, DateTimeOffset now) => alert.Kind == AlertKind.Doc
        ? TicketText.OneLine($"Acknowledged alert #{alert.Id}: {AlertText.Headline(alert, now)} Baseline moved to {(alert.ToBlob is null ? "deleted" : alert.ToBlob[..Math.Min(7, alert.ToBlob.Length)])} ({(alert.Stream == AlertStream.Local ? "work tree" : $"'{alert.BaseRef}'")}).", 600)
        : TicketText.OneLine($"Acknowledged alert #{alert.Id}: {alert.Source ?? "external"} ({AlertText.Level(alert.Level)}): {alert.Text}", 600);
}
