using System.Globalization;
using System.Text.Json.Nodes;
using Dialtone.Core.Memory;
using Dialtone.Core.Output;

namespace Dialtone.Core.UseCases.Memory;

/// <summary>
/// How archive findings read: `[ALERT] Similar patterns found in '&lt;t&gt;'.` with
/// why, `[CONTEXT] Found N related subtasks in DuckDB archives.` with the import command, and
/// `[TIP] From '&lt;t&gt;': …`. Nothing at all when nothing is relevant.
/// </summary>
public static class MemoryLines
{
    public static void Add(Reply reply, Findings findings)
    {
        if (findings.Similar.Count > 0)
        {
            var best = findings.Similar[0];
            reply.Add(Tag.Alert, $"Similar patterns found in '{best.Ticket}'.");
            reply.Detail(Why(best));
            if (findings.Similar.Count > 1)
            {
                reply.Detail("also similar: " + string.Join(", ", findings.Similar.Skip(1).Select(c => $"'{c.Ticket}' ({Percent(c.Coverage)})")));
            }
        }

        if (findings.Subtasks.Count > 0)
        {
            var count = findings.Subtasks.Count;
            reply.Add(Tag.Context, $"Found {count} related {(count == 1 ? "subtask" : "subtasks")} in DuckDB archives. Would you like to import {(count == 1 ? "it" : "them")}? {findings.ImportCommand}");
            foreach (var subtask in findings.Subtasks)
            {
                reply.Detail(Card(subtask));
            }
        }

        foreach (var (ticket, tip) in findings.Tips)
        {
            reply.Add(Tag.Tip, $"From '{ticket}': {TicketText.OneLine(tip, 300)}");
        }
    }

    /// <summary>"shared terms: stripe, webhook; shared files: src/Hook.cs (relevance 62%)".</summary>
    public static string Why(Candidate candidate)
    {
        var parts = new List<string>(2);
        if (candidate.SharedTerms.Count > 0)
        {
            parts.Add("shared terms: " + string.Join(", ", candidate.SharedTerms.Take(6)));
        }

        if (candidate.SharedFiles.Count > 0)
        {
            parts.Add("shared files: " + string.Join(", ", candidate.SharedFiles.Take(4).Select(f => TicketText.OneLine(f, 120))) + (candidate.SharedFiles.Count > 4 ? $" (+{candidate.SharedFiles.Count - 4})" : ""));
        }

        return $"{string.Join("; ", parts)} (relevance {Percent(candidate.Coverage)})";
    }

    /// <summary>"ticket/subtask: description (test: cmd; matched: a, b)".</summary>
    public static string Card(Candidate subtask)
    {
        var test = subtask.TestCommand is null ? "no test" : "test: " + TicketText.OneLine(subtask.TestCommand, 120);
        var matched = subtask.SharedTerms.Count > 0 ? "; matched: " + string.Join(", ", subtask.SharedTerms.Take(4)) : "";
        return $"{subtask.Reference}: {TicketText.OneLine(subtask.Description, 160)} ({test}{matched})";
    }

    public static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(Math.Clamp(share, 0, 1) * 100):0}%");

    public static JsonObject Json(Findings findings) => new()
    {
        ["similar"] = new JsonArray([.. findings.Similar.Select(c => (JsonNode?)CandidateJson(c))]),
        ["subtasks"] = new JsonArray([.. findings.Subtasks.Select(c => (JsonNode?)CandidateJson(c))]),
        ["tips"] = new JsonArray([.. findings.Tips.Select(t => (JsonNode?)new JsonObject { ["ticket"] = t.Ticket, ["tip"] = t.Tip })]),
        ["importCommand"] = findings.ImportCommand,
    };

    public static JsonObject CandidateJson(Candidate c)
    {
        var json = new JsonObject
        {
            ["ticket"] = c.Ticket,
            ["score"] = Math.Round(c.Score, 4),
            ["relevance"] = Math.Round(c.Coverage, 4),
            ["sharedTerms"] = new JsonArray([.. c.SharedTerms.Select(t => (JsonNode?)t)]),
            ["description"] = c.Description,
            ["tip"] = c.Tip,
        };
        if (c.IsTicket)
        {
            json["sharedFiles"] = new JsonArray([.. c.SharedFiles.Select(f => (JsonNode?)f)]);
        }
        else
        {
            json["subtask"] = c.Subtask;
            json["reference"] = c.Reference;
            json["conditions"] = new JsonArray([.. c.Conditions.Select(x => (JsonNode?)x)]);
            json["test"] = c.TestCommand;
        }

        return json;
    }
}
