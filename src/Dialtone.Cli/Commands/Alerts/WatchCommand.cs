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
}
