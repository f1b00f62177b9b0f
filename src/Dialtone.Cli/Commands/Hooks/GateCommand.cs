using System.CommandLine;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>`dialtone gate …`: evaluate a gate and print its verdict. `commit` is the hooks' verdict, `build` the MSBuild task's.</summary>
public static class GateCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("gate", "Evaluate a gate and print the verdict (what hooks and the build run).");
        command.Subcommands.Add(GateCommitCommand.Build(globals));
        command.Subcommands.Add(GateBuildCommand.Build(globals));
        return command;
    }
}
