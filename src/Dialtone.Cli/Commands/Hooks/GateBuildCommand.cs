using System.CommandLine;
using Dialtone.Core.UseCases.Hooks;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>`dialtone gate build [--ticket &lt;t&gt;]`: the build gate's verdict without building. Exit 0 pass, 1 when the build gate would fail.</summary>
public static class GateBuildCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var ticket = new Option<string?>("--ticket") { Description = "The ticket to check (as DialtoneTicket; default: the branch's)." };
        var command = new Command("build", "Would the build gate pass here? Exit 0 pass, 1 fail.") { ticket };
        Handler.Set(command, globals, "gate build", context => GateBuildUseCase.Run(context.Directory, context.Value(ticket)));
        return command;
    }
}
