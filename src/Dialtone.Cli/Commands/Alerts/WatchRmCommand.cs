using System.CommandLine;
using System.Text.Json.Nodes;
using Dialtone.Core.Alerts;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.UseCases.Alerts;
using Dialtone.Core.Workflow;
using Dialtone.Core;

namespace Dialtone.Cli.Commands.Alerts;

/// <summary>
/// `ticket watch rm &lt;path-or-glob&gt;…`: stop watching. A pattern added with `watch add` is removed;
/// a configured or default pattern, or one file that a pattern matches, is excluded.
/// </summary>
public static class WatchRmCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var patterns = new Argument<string[]>("path-or-glob") { Description = "A watched pattern, or a file a pattern matches.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("rm", "Stop watching design docs (a pattern, or single files).") { patterns };
        Handler.Set(command, globals, "ticket watch rm", context => Run(context.Workspace, context.Directory, context.Value(patterns)));
        return command;
    }

    public static Reply Run(Workspace workspace, string directory, string[] patterns)
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
            var pattern = WatchCommand.RepositoryRelative(workspace, directory, raw);
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
                throw DialtoneError.Usage($"'{Core.Tickets.Names.Printable(pattern)}' is not watched: it is neither a watched pattern nor a file one matches.", $"{NextStep.Cli} ticket watch list");
            }

            removed.Add(pattern);
        }

        reply.Set("removed", () => new JsonArray([.. removed.Select(p => (JsonNode?)p)]));
        reply.Add(Tag.Action, $"{NextStep.Cli} ticket watch list");
        return reply;
    }
}
