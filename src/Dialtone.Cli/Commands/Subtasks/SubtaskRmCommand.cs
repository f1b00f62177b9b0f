using System.CommandLine;
using Dialtone.Core.UseCases.Subtasks;

namespace Dialtone.Cli.Commands.Subtasks;

/// <summary>`ticket subtask rm &lt;name&gt;`: remove a subtask that is not done and nothing depends on.</summary>
public static class SubtaskRmCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "The subtask to remove." };
        var command = new Command("rm", "Remove a subtask (not a done one).") { name };
        Handler.Set(command, globals, "ticket subtask rm", context => SubtaskRmUseCase.Run(context.Workspace, context.Value(name)));
        return command;
    }
}
