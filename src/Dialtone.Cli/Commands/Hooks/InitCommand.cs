using System.CommandLine;
using Dialtone.Core.UseCases.Hooks;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>`dialtone init`: sets a repository up once (config, .gitignore entries, hooks, optionally the build gate); safe to rerun.</summary>
public static class InitCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var bin = HooksInstallCommand.BinOption();
        var buildGate = new Option<bool>("--build-gate") { Description = $"Also add the {BuildGateSetup.PackageId} package reference to {BuildGateSetup.FileName}." };
        var command = new Command("init", "Set up this repository: config, .gitignore entries and git hooks.") { bin, buildGate };
        Handler.Set(command, globals, "init", context => InitUseCase.Run(context.Workspace, context.Value(bin), context.Value(buildGate), Environment.ProcessPath));
        return command;
    }
}
