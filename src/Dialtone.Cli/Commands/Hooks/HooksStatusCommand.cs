using System.CommandLine;
using Dialtone.Core.UseCases.Hooks;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>`dialtone hooks status`: where hooks live, which shims are installed, what they chain, which CLI they call.</summary>
public static class HooksStatusCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("status", "Show which hook shims are installed, what they chain and which dialtone they run.");
        Handler.Set(command, globals, "hooks status", context => HooksStatusUseCase.Run(context.Workspace));
        return command;
    }
}
