using System.Text.Json.Nodes;
using Dialtone.Core.Memory;

namespace Dialtone.Core.UseCases.Memory;

/// <summary>The --json data of `dialtone stats`: the store's statistics, field by field.</summary>
public static class StatsJson
{
    public static JsonObject Of(StoreStats stats) => new()
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
}
