using System.CommandLine;
using Dialtone.Core.UseCases.Subtasks;

namespace Dialtone.Cli.Commands.Subtasks;

/// <summary>`ticket subtask list`: the current ticket's subtasks with their statuses.</summary>
public static class SubtaskListCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("list", "List the current ticket's subtasks.");
        Handler.Set(command, globals, "ticket subtask list", context => SubtaskListUseCase.Run(context.Workspace));
        return command;
    }
}
