using System.Text.Json.Nodes;
using Dialtone.Core.Output;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Verify;

/// <summary>
/// Everything one `dialtone verify` found, in the order it checked: rendered as tagged lines (each
/// failure with its fix, the answer ending with the first failure's [ACTION]), as the `--json`
/// data, and as the Markdown summary for the pull request.
/// </summary>
public sealed class VerifyReport
{
    public string? Ticket { get; set; }

    /// <summary>The base as named (`--base`, or the record's base branch as found here).</summary>
    public string? BaseRef { get; set; }

    public string? BaseCommit { get; set; }

    public string? MergeBase { get; set; }

    public string? Head { get; set; }

    public List<VerifyCheck> Checks { get; } = [];

    public List<VerifiedCommit> Commits { get; } = [];

    public List<VerifiedTest> Tests { get; } = [];

    public List<Evidence> Evidence { get; } = [];

    /// <summary>Set when there is no ticket to verify here: why.</summary>
    public string? NothingToVerify { get; set; }

    /// <summary>Set when verify could not run to the end (exit 2 or 3): the reason.</summary>
    public string? Error { get; set; }

    public bool Passed => Error is null && Checks.TrueForAll(c => c.Passed);

    /// <summary>Appends what a part of the verify found on its own (work done in parallel, shown in order).</summary>
    public void Merge(VerifyReport part)
    {
        Checks.AddRange(part.Checks);
        Commits.AddRange(part.Commits);
        Tests.AddRange(part.Tests);
        Evidence.AddRange(part.Evidence);
    }

    public VerifyCheck Add(VerifyCheck check)
    {
        Checks.Add(check);
        return check;
    }

    public Reply ToReply()
    {
        var reply = new Reply();
        reply.Add(Tag.Ticket, Heading());
        foreach (var check in Checks)
        {
            var tag = check.State switch
            {
                CheckState.Pass => Tag.Pass,
                CheckState.Warn => Tag.Warn,
                _ => Tag.Fail,
            };
            reply.Add(tag, check.Text);
            foreach (var line in check.Output)
            {
                reply.Add(Tag.None, "  | " + TicketText.OneLine(line, 400));
            }

            if (check.State == CheckState.Fail && check.Fix is { } fix)
            {
                reply.Add(Tag.Message, "Fix: " + fix);
            }
        }

        reply.Set("ticket", () => Ticket);
        reply.Set("base", () => BaseRef);
        reply.Set("baseCommit", () => BaseCommit);
        reply.Set("mergeBase", () => MergeBase);
        reply.Set("head", () => Head);
        reply.Set("passed", () => Passed);
        reply.Set("checks", () => new JsonArray([.. Checks.Select(c => (JsonNode?)CheckJson(c))]));
        reply.Set("commits", () => new JsonArray([.. Commits.Select(c => (JsonNode?)CommitJson(c))]));
        reply.Set("tests", () => new JsonArray([.. Tests.Select(t => (JsonNode?)TestJson(t))]));
        reply.Set("evidence", () => new JsonArray([.. Evidence.Select(e => (JsonNode?)EvidenceJson(e))]));

        var failures = Checks.Where(c => c.State == CheckState.Fail).ToList();
        if (failures.Count == 0)
        {
            var warnings = Checks.Count(c => c.State == CheckState.Warn);
            reply.Add(Tag.Pass, $"Verified ticket '{Ticket}': every claim of its record holds at {Short(Head)}{(warnings > 0 ? $" ({warnings} warning{Plural(warnings)} for the reviewer)" : "")}.");
            return reply;
        }

        reply.Add(Tag.Fail, $"Verify failed for ticket '{Ticket}': {failures.Count} claim{Plural(failures.Count)} of its record {(failures.Count == 1 ? "does" : "do")} not hold.");
        return reply.Fail(ExitCodes.Blocked, failures.Select(f => f.Action).FirstOrDefault(a => a is not null) ?? $"{Workflow.NextStep.Cli} ticket status");
    }

    public static string Short(string? id) => id is null ? "(none)" : id[..Math.Min(7, id.Length)];

    public static string Plural(int count) => count == 1 ? "" : "s";

    private string Heading()
    {
        var range = MergeBase is null ? "" : $", base {BaseRef ?? Short(BaseCommit)} (merge-base {Short(MergeBase)}), {Commits.Count} commit{Plural(Commits.Count)} since";
        return $"Verifying ticket '{Ticket}' at HEAD {Short(Head)}{range}.";
    }

    private static JsonObject CheckJson(VerifyCheck c) => new()
    {
        ["name"] = c.Name,
        ["passed"] = c.Passed,
        ["state"] = c.State.ToString().ToLowerInvariant(),
        ["detail"] = c.Text,
        ["fix"] = c.Fix,
        ["action"] = c.Action,
    };

    private static JsonObject CommitJson(VerifiedCommit c) => new()
    {
        ["sha"] = c.Commit.Id,
        ["subject"] = c.Commit.Subject,
        ["parents"] = new JsonArray([.. c.Commit.Parents.Select(p => (JsonNode?)p)]),
        ["tree"] = c.Tree,
        ["kind"] = c.Kind,
        ["passed"] = c.Passed,
        ["attestation"] = c.Attestation,
        ["note"] = c.Note,
    };

    private static JsonObject TestJson(VerifiedTest t)
    {
        var json = RunJson(t);
        json["atBase"] = t.AtBase is { } atBase ? RunJson(atBase) : null;
        return json;
    }

    private static JsonObject RunJson(VerifiedTest t) => new()
    {
        ["subtask"] = t.Subtask,
        ["command"] = t.Command,
        ["ran"] = t.Ran,
        ["exitCode"] = t.Ran ? t.ExitCode : null,
        ["timedOut"] = t.TimedOut,
        ["durationMs"] = t.DurationMs,
        ["passed"] = t.Passed,
        ["touched"] = new JsonArray([.. t.Touched.Select(p => (JsonNode?)p)]),
        ["leftUntracked"] = new JsonArray([.. t.LeftUntracked.Select(p => (JsonNode?)p)]),
        ["outputDigest"] = t.OutputDigest,
        ["outputTail"] = string.Join('\n', t.OutputTail),
    };

    private static JsonObject EvidenceJson(Evidence e) => new()
    {
        ["seq"] = e.Seq,
        ["kind"] = e.Kind,
        ["at"] = e.At,
        ["detail"] = e.Detail,
        ["hash"] = e.Hash,
    };
}
