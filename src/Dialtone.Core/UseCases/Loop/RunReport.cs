using System.Globalization;
using System.Text.Json.Nodes;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Runs;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>How a test run is shown: the output tail, then [PASS] or [FAIL] with the facts.</summary>
public static class RunReport
{
    public static void Add(Reply reply, TestRun run, int tailLines)
    {
        foreach (var line in TestExecution.Tail(run.Output, tailLines))
        {
            reply.Add(Tag.None, "  | " + TicketText.OneLine(line, 400));
        }

        var facts = $"`{TicketText.OneLine(run.Command, 120)}` {Outcome(run)} in {Duration(run.DurationMs)} at tree {Short(run.TreeBefore)}";
        if (run.Passed)
        {
            reply.Add(Tag.Pass, $"Subtask '{run.Subtask}': {facts}.");
        }
        else
        {
            reply.Add(Tag.Fail, $"Subtask '{run.Subtask}': {facts}{(run.Regression ? " (regression: its previous run passed)" : "")}.");
        }

        if (run.Touched.Count > 0)
        {
            reply.Add(Tag.Fail, $"The test is not safe to re-run: it modified, deleted or created tracked files: {Paths(run.Touched)}.");
        }

        if (run.LeftUntracked.Count > 0)
        {
            reply.Add(Tag.Warn, $"The test left new untracked files: {Paths(run.LeftUntracked)}. Add them to .gitignore or remove them (and make the test clean up), or signing sees a changed tree.");
        }
    }

    /// <summary>The placeholder the agent replaces in <see cref="FailAction"/>; `ticket log` refuses text that still holds it.</summary>
    public const string NextActionPlaceholder = "<what you will try next>";

    /// <summary>
    /// The FAIL entry for a failed run, as one pasteable command: the text is single-quoted (a reason
    /// can name paths with any character in them), the plan is left for the agent in angle brackets.
    /// </summary>
    public static string FailAction(TestRun run) =>
        $"{NextStep.Cli} ticket log {ShellWords.Quote($"FAIL: {run.Subtask} {Reason(run)} (next action: {NextActionPlaceholder})")}";

    public static string Reason(TestRun run) =>
        run.TimedOut ? "timed out"
        : run.Touched.Count > 0 ? $"not idempotent, touched {Paths(run.Touched)}"
        : $"exit {run.ExitCode}";

    public static JsonObject Json(TestRun run) => new()
    {
        ["id"] = run.Id,
        ["subtask"] = run.Subtask,
        ["kind"] = run.Kind,
        ["command"] = run.Command,
        ["exitCode"] = run.ExitCode,
        ["timedOut"] = run.TimedOut,
        ["durationMs"] = run.DurationMs,
        ["passed"] = run.Passed,
        ["regression"] = run.Regression,
        ["treeBefore"] = run.TreeBefore,
        ["treeAfter"] = run.TreeAfter,
        ["touched"] = new JsonArray([.. run.Touched.Select(p => (JsonNode?)p)]),
        ["leftUntracked"] = new JsonArray([.. run.LeftUntracked.Select(p => (JsonNode?)p)]),
        ["outputDigest"] = run.OutputDigest,
        ["outputBytes"] = run.OutputBytes,
        ["outputTail"] = string.Join('\n', TestExecution.Tail(run.Output, 40)),
    };

    public static string Short(string hash) => hash[..Math.Min(7, hash.Length)];

    public static string Duration(long ms) =>
        ms < 1000 ? $"{ms} ms" : (ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Paths(IReadOnlyList<string> paths, int max = 10) =>
        string.Join(", ", paths.Take(max)) + (paths.Count > max ? $" and {paths.Count - max} more" : "");

    private static string Outcome(TestRun run) => run.TimedOut ? "timed out" : $"exited {run.ExitCode}";
}
