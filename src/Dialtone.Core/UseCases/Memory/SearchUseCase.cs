using System.Text.Json.Nodes;
using Dialtone.Core.Memory;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Memory;

/// <summary>
/// `ticket search "&lt;query&gt;"`: the archive, ranked by the same relevance query `ticket start`
/// uses — but every match is listed, not only those above the start threshold.
/// </summary>
public static class SearchUseCase
{
    public static Reply Run(Workspace workspace, string text, int limit)
    {
        if (limit is < 1 or > 100)
        {
            throw DialtoneError.Usage($"--limit {limit} is out of range (1–100).", $"{NextStep.Cli} ticket search \"{TicketText.OneLine(text, 80)}\" --limit 10");
        }

        var query = MemoryQuery.From([text], []);
        if (query.IsEmpty)
        {
            throw DialtoneError.Usage(
                $"Nothing to search for in \"{TicketText.OneLine(text, 80)}\": it has only stop words or one-letter words.",
                $"{NextStep.Cli} ticket search \"stripe webhook signature\"");
        }

        using var store = workspace.OpenStore();
        Archiver.CatchUp(store);
        var archive = store.Archive;
        var total = archive.Count();
        var candidates = archive.Candidates(query, tickets: limit, subtasks: RelevanceRules.MaxSubtasks * 2);
        var tickets = candidates.Where(c => c.IsTicket && c.Score > 0).OrderByDescending(c => c.Score).ThenBy(c => c.Ticket, StringComparer.Ordinal).ToList();
        var subtasks = candidates.Where(c => !c.IsTicket && c.SharedTerms.Count > 0)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Reference, StringComparer.Ordinal).Take(RelevanceRules.MaxSubtasks).ToList();

        var reply = new Reply();
        var shown = $"\"{TicketText.OneLine(text, 80)}\" (terms: {string.Join(' ', query.Terms)}{(query.Files.Count > 0 ? "; files: " + string.Join(' ', query.Files) : "")})";
        if (tickets.Count == 0)
        {
            reply.Add(Tag.Ticket, $"No archived ticket matches {shown}; {total} archived.");
        }
        else
        {
            reply.Add(Tag.Ticket, $"{tickets.Count} of {total} archived {(total == 1 ? "ticket" : "tickets")} match {shown}:");
            for (var i = 0; i < tickets.Count; i++)
            {
                var c = tickets[i];
                var similar = RelevanceRules.Enough(c, query, RelevanceRules.TicketCoverage) ? " [similar]" : "";
                reply.Detail($"{i + 1}. {c.Ticket}{similar}: {TicketText.OneLine(c.Description, 120)}");
                reply.Detail($"   {MemoryLines.Why(c)}");
            }
        }

        if (subtasks.Count > 0)
        {
            var command = $"{NextStep.Cli} ticket import {string.Join(' ', subtasks.Select(s => s.Reference))}";
            reply.Add(Tag.Context, $"{subtasks.Count} related archived {(subtasks.Count == 1 ? "subtask" : "subtasks")}; import into the current ticket with: {command}");
            foreach (var s in subtasks)
            {
                reply.Detail(MemoryLines.Card(s));
            }
        }

        foreach (var (ticket, tip) in tickets.Concat(subtasks).Where(c => !string.IsNullOrWhiteSpace(c.Tip))
            .Select(c => (c.Ticket, c.Tip!)).DistinctBy(t => t.Ticket).Take(RelevanceRules.MaxTips))
        {
            reply.Add(Tag.Tip, $"From '{ticket}': {TicketText.OneLine(tip, 300)}");
        }

        reply.Set("query", () => new JsonObject
        {
            ["text"] = text,
            ["terms"] = new JsonArray([.. query.Terms.Select(t => (JsonNode?)t)]),
            ["files"] = new JsonArray([.. query.Files.Select(f => (JsonNode?)f)]),
        });
        reply.Set("archived", () => total);
        reply.Set("tickets", () => new JsonArray([.. tickets.Select(c => (JsonNode?)MemoryLines.CandidateJson(c))]));
        reply.Set("subtasks", () => new JsonArray([.. subtasks.Select(c => (JsonNode?)MemoryLines.CandidateJson(c))]));
        return reply;
    }
}
