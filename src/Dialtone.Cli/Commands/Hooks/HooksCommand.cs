using System.CommandLine;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>`dialtone hooks install|uninstall|status`.</summary>
public static class HooksCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("hooks", "Install, remove or inspect Dialtone's git hooks.");
        command.Subcommands.Add(HooksInstallCommand.Build(globals));
        command.Subcommands.Add(HooksUninstallCommand.Build(globals));
        command.Subcommands.Add(HooksStatusCommand.Build(globals));
        return command;
    }
}
