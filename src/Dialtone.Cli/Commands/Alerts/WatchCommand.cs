using System.CommandLine;

namespace Dialtone.Cli.Commands.Alerts;

/// <summary>`ticket watch add|rm|list`: which design docs raise alerts when they change.</summary>
public static class WatchCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("watch", "Choose the design docs whose changes raise alerts (defaults in .dialtone/config.json).");
        command.Subcommands.Add(WatchAddCommand.Build(globals));
        command.Subcommands.Add(WatchRmCommand.Build(globals));
        command.Subcommands.Add(WatchListCommand.Build(globals));
        return command;
    }

    /// <summary>
    /// A path or glob as the watch list keeps it: relative to the repository root, forward slashes.
    /// Globs are always taken from the root; a plain path, like git takes it, from where the command runs.
    /// </summary>
    public static string RepositoryRelative(Core.Workflow.Workspace workspace, string directory, string pattern)
    {
        var text = pattern.Trim();
        var isGlob = text.IndexOfAny(['*', '?', '{', '[']) >= 0;
        if (!isGlob && text.Length > 0)
        {
            var relative = Path.GetRelativePath(workspace.Repository.TopLevel, Path.GetFullPath(text, directory));
            if (relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                text = relative;
            }
        }

        return Core.Alerts.WatchRules.Normalize(text);
    }
}
