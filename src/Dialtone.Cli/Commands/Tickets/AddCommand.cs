using System.CommandLine;
using Dialtone.Core.UseCases.Tickets;

namespace Dialtone.Cli.Commands.Tickets;

/// <summary>
/// `ticket add &lt;name&gt; [--desc …]`: a side quest, linked to the current ticket, without leaving
/// the current branch. Its branch and record are created when it is started.
/// </summary>
public static class AddCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Ticket name: lowercase letters, digits and dashes." };
        var description = new Option<string?>("--desc") { Description = "What the side quest is for." };
        var command = new Command("add", "Create a side-quest ticket without switching branch.") { name, description };
        Handler.Set(command, globals, "ticket add", context => AddUseCase.Run(context.Workspace, context.Value(name), context.Value(description)));
        return command;
    }
}
