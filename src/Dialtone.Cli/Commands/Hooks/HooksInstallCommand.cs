using System.CommandLine;
using Dialtone.Core.UseCases.Hooks;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>`dialtone hooks install [--bin &lt;path&gt;]`: the shims, chaining what was there, and the CLI they call back.</summary>
public static class HooksInstallCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var bin = BinOption();
        var command = new Command("install", "Install the hook shims (existing hooks are chained, never overwritten).") { bin };
        Handler.Set(command, globals, "hooks install", context => HooksInstallUseCase.Run(context.Workspace, context.Value(bin), Environment.ProcessPath));
        return command;
    }

    /// <summary>--bin, shared with init.</summary>
    public static Option<string?> BinOption() => new("--bin")
    {
        Description = "The dialtone the hooks run (default: the dialtone.sh or binary running now). Stored in git config dialtone.bin.",
        HelpName = "path",
    };
}
