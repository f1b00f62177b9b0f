using System.CommandLine;
using Dialtone.Core.UseCases.Hooks;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>`dialtone hooks uninstall`: removes the shims and puts back the hooks they chained.</summary>
public static class HooksUninstallCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("uninstall", "Remove the hook shims and restore the hooks they chained.");
        Handler.Set(command, globals, "hooks uninstall", context => HooksUninstallUseCase.Run(context.Workspace));
        return command;
    }
}
