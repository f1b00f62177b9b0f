using System.CommandLine;
using Dialtone.Core.UseCases.Loop;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>`ticket next`: check the current subtask and run its test.</summary>
public static class NextCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("next", "Check the current subtask and run its test.");
        Handler.Set(command, globals, "ticket next", context => NextUseCase.Run(context.Workspace));
        return command;
    }
}
