using System.CommandLine;
using Dialtone.Core.UseCases.Tickets;

namespace Dialtone.Cli.Commands.Tickets;

/// <summary>`ticket list [--all]`: open tickets (and done ones with --all), newest first.</summary>
public static class ListCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var all = new Option<bool>("--all") { Description = "Include done (archived) tickets." };
        var command = new Command("list", "List tickets.") { all };
        Handler.Set(command, globals, "ticket list", context => ListUseCase.Run(context.Workspace, context.Value(all)));
        return command;
    }
}
