using System.CommandLine;
using Dialtone.Core.UseCases.Tickets;

namespace Dialtone.Cli.Commands.Tickets;

/// <summary>`ticket status`: the current ticket, its queue, and the next action.</summary>
public static class StatusCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("status", "Show the current ticket, its subtask queue and the next action.");
        Handler.Set(command, globals, "ticket status", context => StatusUseCase.Run(context.Workspace));
        return command;
    }
}
