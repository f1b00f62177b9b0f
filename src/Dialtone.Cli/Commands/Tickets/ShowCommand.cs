using System.CommandLine;
using Dialtone.Core.UseCases.Tickets;

namespace Dialtone.Cli.Commands.Tickets;

/// <summary>`ticket show [&lt;name&gt;]`: one ticket in full (default: the current one).</summary>
public static class ShowCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var name = new Argument<string?>("name") { Description = "Ticket to show (default: the current ticket).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("show", "Show one ticket in full.") { name };
        Handler.Set(command, globals, "ticket show", context => ShowUseCase.Run(context.Workspace, context.Value(name)));
        return command;
    }
}
