using System.Globalization;
using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Memory;

/// <summary>
/// `dialtone stats [&lt;ticket&gt;]`: from the store, per-ticket cycle times and run outcomes, the
/// slowest tests, regressions, and test commands that passed and failed at the same tree.
/// </summary>
public static class StatsUseCase
{
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

        reply.Set("stats", () => StatsJson.Of(stats));
        return reply;
    }

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
