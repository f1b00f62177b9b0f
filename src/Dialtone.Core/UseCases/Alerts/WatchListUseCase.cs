using System.Text.Json.Nodes;
using Dialtone.Core.Alerts;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Alerts;

/// <summary>`ticket watch list`: the watched patterns (and where each comes from), the exclusions, and the files they match.</summary>
public static class WatchListUseCase
{
    private const int MaxFiles = 50;

    public static Reply Run(Workspace workspace)
    {
        WatchRules.WatchSet watch;
        using (var store = workspace.OpenStore())
        {
            watch = PendingAlerts.Scanner(workspace, store).Watch();
        }

        var files = watch.IsEmpty ? [] : WorkTreeDocs.List(workspace.Repository, watch.Pathspecs());
        var reply = new Reply();
        reply.Add(Tag.Ticket, $"Watched design docs: {files.Count} {(files.Count == 1 ? "file matches" : "files match")} {watch.Includes.Count} {(watch.Includes.Count == 1 ? "pattern" : "patterns")}.");
        var width = watch.Includes.Select(r => r.Pattern.Length).Append(0).Max();
        foreach (var rule in watch.Includes)
        {
            reply.Detail(TicketText.OneLine($"{rule.Pattern.PadRight(width)}  ({rule.Source})", 300));
        }

        foreach (var exclude in watch.Excludes)
        {
            reply.Detail(TicketText.OneLine($"not {exclude}  (removed)", 300));
        }

        if (files.Count > 0)
        {
            reply.Add(Tag.Ticket, "Files:");
            foreach (var file in files.Take(MaxFiles))
            {
                var state = file.State switch
                {
                    WatchedDocState.Modified => "  (modified)",
                    WatchedDocState.Untracked => "  (untracked)",
                    WatchedDocState.Deleted => "  (deleted)",
                    _ => "",
                };
                reply.Detail(TicketText.OneLine(file.Path + state, 300));
            }

            if (files.Count > MaxFiles)
            {
                reply.Detail($"… and {files.Count - MaxFiles} more (--json lists all)");
            }
        }

        reply.Set("patterns", () => new JsonArray([.. watch.Includes.Select(r => (JsonNode?)new JsonObject { ["pattern"] = r.Pattern, ["source"] = r.Source })]));
        reply.Set("excluded", () => new JsonArray([.. watch.Excludes.Select(e => (JsonNode?)e)]));
        reply.Set("files", () => new JsonArray([.. files.Select(f => (JsonNode?)f.Path)]));
        reply.Add(Tag.Action, $"{NextStep.Cli} ticket watch add <path-or-glob>");
        return reply;
    }
}
