using System.Text.Json.Nodes;
using Dialtone.Core.Alerts;
using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Alerts;

/// <summary>`ticket watch add &lt;path-or-glob&gt;…`: watch more design docs (for every ticket of the repository).</summary>
public static class WatchAddUseCase
{
    /// <param name="directory">Where the command runs: a plain path is taken relative to it.</param>
    public static Reply Run(Workspace workspace, string directory, IReadOnlyList<string> patterns)
    {
        var normalized = patterns.Select(p => WatchPaths.RepositoryRelative(workspace, directory, p)).ToList();
        foreach (var pattern in normalized)
        {
            if (WatchRules.Problem(pattern) is { } problem)
            {
                throw DialtoneError.Usage($"Cannot watch '{Names.Printable(pattern)}': {problem}.", $"{NextStep.Cli} ticket watch add \"docs/**/*.md\"");
            }
        }

        var reply = new Reply();
        using var store = workspace.OpenStore();
        var table = store.Alerts;
        var scanner = PendingAlerts.Scanner(workspace, store);
        var now = workspace.Now();
        var who = Identity.Of(workspace.Repository);
        foreach (var pattern in normalized)
        {
            var watch = scanner.Watch();
            if (watch.Includes.FirstOrDefault(r => r.Pattern == pattern) is { } existing)
            {
                reply.Add(Tag.Ticket, $"Already watched: {pattern} ({existing.Source}).");
                continue;
            }

            // Adding back something `watch rm` switched off just lifts the exclusion.
            if (watch.Excludes.Contains(pattern))
            {
                table.RemoveWatch(pattern);
            }

            if (!scanner.Watch().Includes.Any(r => r.Pattern == pattern))
            {
                table.SetWatch(pattern, exclude: false, now, who);
            }

            var matches = WorkTreeDocs.List(workspace.Repository, new WatchRules.WatchSet([new WatchRules.Rule(pattern, "added")], []).Pathspecs()).Count;
            reply.Add(Tag.Ticket, $"Watching {pattern}: {matches} {(matches == 1 ? "file matches" : "files match")} now.");
            if (matches == 0)
            {
                reply.Add(Tag.Warn, $"Nothing matches '{pattern}' yet; it will raise an alert when a matching doc appears.");
            }
        }

        reply.Set("patterns", () => new JsonArray([.. normalized.Select(p => (JsonNode?)p)]));
        reply.Add(Tag.Action, $"{NextStep.Cli} ticket watch list");
        return reply;
    }
}
