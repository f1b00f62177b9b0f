using System.Text.Json.Nodes;
using Dialtone.Core.Output;
using Dialtone.Core.Tickets;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// How `ticket status` and `ticket validate` show a ticket's evidence — what happened outside the
/// loop (docs/trust.md): one `[WARN]` per entry with its kind, time and detail, and `evidence[]` in --json.
/// </summary>
public static class EvidenceReport
{
    public static void Add(Reply reply, Ticket ticket)
    {
        foreach (var evidence in ticket.Evidence)
        {
            reply.Add(Tag.Warn, $"Evidence #{evidence.Seq} ({evidence.Kind}, {evidence.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC): {TicketText.OneLine(evidence.Detail, 400)}");
        }

        reply.Set("evidence", () => Json(ticket));
    }

    public static JsonArray Json(Ticket ticket) =>
        [.. ticket.Evidence.Select(e => (JsonNode?)new JsonObject
        {
            ["seq"] = e.Seq,
            ["kind"] = e.Kind,
            ["at"] = e.At,
            ["detail"] = e.Detail,
            ["hash"] = e.Hash,
        })];
}
