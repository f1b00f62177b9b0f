using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Dialtone.Core;
using Dialtone.Core.Memory;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Cli.Commands.Memory;

/// <summary>
/// `dialtone stats [&lt;ticket&gt;]`: from the store, per-ticket cycle times and run outcomes, the
/// slowest tests, regressions, and test commands that passed and failed at the same tree.
/// </summary>
public static class StatsCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var ticket = new Argument<string?>("ticket") { Description = "One ticket (default: all).", Arity = ArgumentArity.ZeroOrOne };
        var top = new Option<int?>("--top") { Description = "Rows per section (default 10)." };
        var command = new Command("stats", "Cycle times, run outcomes, slow and flaky tests, from the store.") { ticket, top };
        Handler.Set(command, globals, "stats", context => Run(context.Workspace, context.Value(ticket), context.Value(top) ?? 10));
        return command;
    }

    public static Reply Run(Workspace workspace, string? name, int top)
    {
        if (top is < 1 or > 1000)
        {
            throw DialtoneError.Usage($"--top {top} is out of range (1–1000).", $"{NextStep.Cli} stats --top 10");
        }

        using var store = workspace.OpenStore();
        if (name is not null)
        {
            var valid = Names.Require(name, "ticket", $"{NextStep.Cli} stats fix-login-timeout");
            _ = workspace.FindTicket(store, valid) ?? throw DialtoneError.Usage($"There is no ticket '{valid}'.", $"{NextStep.Cli} ticket list --all");
            name = valid;
        }

        var stats = store.Archive.Stats(name, top);
        var t = stats.Totals;
        var reply = new Reply();
        var scope = name is null ? "Store" : $"Ticket '{name}'";
        reply.Add(Tag.Ticket, $"{scope}: {t.DoneTickets} done, {t.OpenTickets} open, {t.Subtasks} {Plural(t.Subtasks, "subtask")}; {t.Runs} {Plural(t.Runs, "run")} ({t.PassedRuns} passed, {t.FailedRuns} failed), {t.Regressions} {Plural(t.Regressions, "regression")}"
            + (t.MedianCycle is { } median ? $"; median cycle time {Duration(median)}." : "."));

        if (stats.Tickets.Count > 0)
        {
            reply.Add(Tag.Context, name is null ? "Tickets, most recent first (cycle time = created → done):" : "Cycle time (created → done):");
            var width = stats.Tickets.Max(s => s.Ticket.Length);
            foreach (var s in stats.Tickets)
            {
                var cycle = s.Cycle is { } c ? $"cycle {Duration(c)}" : "open";
                reply.Detail($"{s.Ticket.PadRight(width)}  {cycle,-14} {s.Subtasks} {Plural(s.Subtasks, "subtask")}, runs {s.Runs} ({s.PassedRuns} pass, {s.FailedRuns} fail), {s.Regressions} {Plural(s.Regressions, "regression")}");
            }
        }

        if (stats.Subtasks.Count > 0)
        {
            reply.Add(Tag.Context, "Subtasks (runs pass/fail):");
            foreach (var s in stats.Subtasks)
            {
                reply.Detail($"{s.Subtask}: {s.PassedRuns} pass, {s.FailedRuns} fail, {s.Regressions} {Plural(s.Regressions, "regression")} in {s.Runs} {Plural(s.Runs, "run")} (median {Millis(s.MedianMs)})");
            }
        }

        if (stats.Slowest.Count > 0)
        {
            reply.Add(Tag.Context, "Slowest tests (median of their runs):");
            foreach (var s in stats.Slowest)
            {
                reply.Detail($"{Millis(s.MedianMs),8}  {s.Ticket}/{s.Subtask}: `{TicketText.OneLine(s.Command, 120)}` (max {Millis(s.MaxMs)}, {s.Runs} {Plural(s.Runs, "run")})");
            }
        }

        foreach (var r in stats.Regressions)
        {
            reply.Add(Tag.Warn, $"Regression: run #{r.RunId} of {r.Ticket}/{r.Subtask} failed (exit {r.ExitCode}) at {r.At:yyyy-MM-dd HH:mm} UTC after `{TicketText.OneLine(r.Command, 120)}` had passed.");
        }

        foreach (var f in stats.Flaky)
        {
            var kind = f.TouchedFiles > 0 ? "not idempotent (a failing run exited 0 but changed files)" : "flaky";
            reply.Add(Tag.Warn, $"`{TicketText.OneLine(f.Command, 120)}` passed {f.Passed} and failed {f.Failed} {Plural(f.Failed, "time")} at the same tree {Short(f.Tree)}: {kind} ({f.Where}).");
        }

        reply.Set("stats", () => Json(stats));
        return reply;
    }

    private static JsonObject Json(StoreStats stats) => new()
    {
        ["totals"] = new JsonObject
        {
            ["openTickets"] = stats.Totals.OpenTickets,
            ["doneTickets"] = stats.Totals.DoneTickets,
            ["subtasks"] = stats.Totals.Subtasks,
            ["runs"] = stats.Totals.Runs,
            ["passedRuns"] = stats.Totals.PassedRuns,
            ["failedRuns"] = stats.Totals.FailedRuns,
            ["regressions"] = stats.Totals.Regressions,
            ["medianCycleMs"] = (long?)stats.Totals.MedianCycle?.TotalMilliseconds,
        },
        ["tickets"] = Array(stats.Tickets, s => new JsonObject
        {
            ["ticket"] = s.Ticket,
            ["status"] = s.Status,
            ["createdAt"] = s.CreatedAt,
            ["doneAt"] = s.DoneAt,
            ["cycleMs"] = (long?)s.Cycle?.TotalMilliseconds,
            ["subtasks"] = s.Subtasks,
            ["runs"] = s.Runs,
            ["passedRuns"] = s.PassedRuns,
            ["failedRuns"] = s.FailedRuns,
            ["regressions"] = s.Regressions,
        }),
        ["subtasks"] = Array(stats.Subtasks, s => new JsonObject
        {
            ["ticket"] = s.Ticket,
            ["subtask"] = s.Subtask,
            ["runs"] = s.Runs,
            ["passedRuns"] = s.PassedRuns,
            ["failedRuns"] = s.FailedRuns,
            ["regressions"] = s.Regressions,
            ["medianMs"] = s.MedianMs,
        }),
        ["slowest"] = Array(stats.Slowest, s => new JsonObject
        {
            ["ticket"] = s.Ticket,
            ["subtask"] = s.Subtask,
            ["command"] = s.Command,
            ["runs"] = s.Runs,
            ["medianMs"] = s.MedianMs,
            ["maxMs"] = s.MaxMs,
        }),
        ["regressions"] = Array(stats.Regressions, r => new JsonObject
        {
            ["run"] = r.RunId,
            ["ticket"] = r.Ticket,
            ["subtask"] = r.Subtask,
            ["command"] = r.Command,
            ["exitCode"] = r.ExitCode,
            ["at"] = r.At,
        }),
        ["flaky"] = Array(stats.Flaky, f => new JsonObject
        {
            ["command"] = f.Command,
            ["tree"] = f.Tree,
            ["passed"] = f.Passed,
            ["failed"] = f.Failed,
            ["failedTouchingFiles"] = f.TouchedFiles,
            ["where"] = f.Where,
        }),
    };

    private static JsonArray Array<T>(IEnumerable<T> rows, Func<T, JsonObject> row) => new([.. rows.Select(r => (JsonNode?)row(r))]);

    private static string Plural(long count, string word) => count == 1 ? word : word + "s";

    private static string Short(string tree) => tree[..Math.Min(7, tree.Length)];

    private static string Millis(long ms) => ms < 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{ms} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{ms / 1000.0:0.0} s");

    /// <summary>"42 s", "12 min", "3.5 h", "2.1 d".</summary>
    public static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min"),
        < 86400 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.0} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.0} d"),
    };
}
