using System.CommandLine;
using Dialtone.Core.UseCases.Hooks;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>`dialtone gate commit`: the pre-commit verdict for what is staged now, without committing or staging anything.</summary>
public static class GateCommitCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("commit", "Would a commit of what is staged pass the commit gate? Exit 0 pass, 1 blocked.");
        Handler.Set(command, globals, "gate commit", context => GateCommitUseCase.Run(context.Workspace, HookInput.Explainer("gate commit")));
        return command;
    }
}
