using System.CommandLine;
using Dialtone.Core.UseCases.Alerts;

namespace Dialtone.Cli.Commands.Alerts;

/// <summary>`ticket watch list`: the watched patterns, the exclusions, and the files they match.</summary>
public static class WatchListCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("list", "List the watched design-doc patterns and the files they match.");
        Handler.Set(command, globals, "ticket watch list", context => WatchListUseCase.Run(context.Workspace));
        return command;
    }
}
