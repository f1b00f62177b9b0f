using System.Text.Json.Nodes;
using Dialtone.Core.Alerts;
using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Alerts;

/// <summary>
/// `ticket watch rm &lt;path-or-glob&gt;…`: stop watching. A pattern added with `watch add` is removed;
/// a configured or default pattern, or one file that a pattern matches, is excluded.
/// </summary>
public static class WatchRmUseCase
{
    /// <param name="directory">Where the command runs: a plain path is taken relative to it.</param>
    public static Reply Run(Workspace workspace, string directory, IReadOnlyList<string> patterns)
    {
        var reply = new Reply();
        using var store = workspace.OpenStore();
        var table = store.Alerts;
        var scanner = PendingAlerts.Scanner(workspace, store);
        var now = workspace.Now();
        var who = Identity.Of(workspace.Repository);
        var removed = new List<string>();
        foreach (var raw in patterns)
        {
            var pattern = WatchPaths.RepositoryRelative(workspace, directory, raw);
            var watch = scanner.Watch();
            var rule = watch.Includes.FirstOrDefault(r => r.Pattern == pattern);
            if (rule is { Source: "added" })
            {
                table.RemoveWatch(pattern);
                reply.Add(Tag.Ticket, $"No longer watching {pattern}.");
            }
            else if (rule is not null)
            {
                table.SetWatch(pattern, exclude: true, now, who);
                reply.Add(Tag.Ticket, $"No longer watching {pattern} ({rule.Source} pattern switched off; `{NextStep.Cli} ticket watch add {AlertText.Quote(pattern)}` brings it back).");
            }
            else if (!watch.IsEmpty && WorkTreeDocs.List(workspace.Repository, watch.Pathspecs()).Exists(d => d.Path == pattern))
            {
                table.SetWatch(pattern, exclude: true, now, who);
                reply.Add(Tag.Ticket, $"No longer watching {pattern} (excluded from the patterns that match it).");
            }
            else
            {
                throw DialtoneError.Usage($"'{Names.Printable(pattern)}' is not watched: it is neither a watched pattern nor a file one matches.", $"{NextStep.Cli} ticket watch list");
            }

            removed.Add(pattern);
        }

        reply.Set("removed", () => new JsonArray([.. removed.Select(p => (JsonNode?)p)]));
        reply.Add(Tag.Action, $"{NextStep.Cli} ticket watch list");
        return reply;
    }
}
