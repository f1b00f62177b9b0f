using System.Text.Json.Nodes;
using Dialtone.Core.Config;
using Dialtone.Core.Output;
using Dialtone.Core.Runs;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>`ticket test [&lt;name&gt;]`: run every subtask test of the ticket, record the runs, change no statuses.</summary>
public static class TestUseCase
{
    /// <param name="name">The ticket; null for the current one.</param>
    public static Reply Run(Workspace workspace, string? name)
    {
        var config = DialtoneConfig.Load(workspace.Repository.TopLevel);
        Ticket ticket;
        using (var store = workspace.OpenStore())
        {
            ticket = CurrentTicket.Resolve(workspace, store, name);
        }

        if (!workspace.IsCheckedOut(ticket))
        {
            throw DialtoneError.Usage($"Ticket '{ticket.Name}' is not checked out; its tests run in its own work tree.", $"{NextStep.Cli} ticket start {ticket.Name}");
        }

        var reply = new Reply();
        var runnable = ticket.Subtasks.Where(s => !string.IsNullOrWhiteSpace(s.TestCommand)).ToList();
        foreach (var skipped in ticket.Subtasks.Except(runnable))
        {
            reply.Add(Tag.Warn, $"Subtask '{skipped.Name}' has no test command; skipped.");
        }

        // The store is closed while the tests run: they can take minutes and may call dialtone.
        var runs = runnable.ConvertAll(s => TestExecution.Run(workspace.Repository, ticket, s, "test", config, workspace.Time));
        using (var store = workspace.OpenStore())
        {
            var table = store.Runs;
            foreach (var run in runs)
            {
                table.Record(run);
            }
        }

        foreach (var run in runs)
        {
            RunReport.Add(reply, run, run.Passed ? 0 : config.TestTailLines);
        }

        var failed = runs.Count(r => !r.Passed);
        reply.Add(Tag.Ticket, $"{runs.Count - failed} passed, {failed} failed.");
        reply.Set("runs", () => new JsonArray([.. runs.Select(r => (JsonNode?)RunReport.Json(r))]));
        return failed == 0
            ? reply.Add(Tag.Action, $"{NextStep.Cli} ticket validate")
            : reply.Fail(ExitCodes.Blocked, $"{NextStep.Cli} ticket log \"FAIL: {runs.First(r => !r.Passed).Subtask} <reason> (next action: …)\"");
    }
}
