using System.CommandLine;
using Dialtone.Core.UseCases.Tickets;

namespace Dialtone.Cli.Commands.Tickets;

/// <summary>`ticket start &lt;name&gt; [--from &lt;base&gt;] [--desc …]`: create or resume a ticket and switch to its branch.</summary>
public static class StartCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Ticket name: lowercase letters, digits and dashes." };
        var from = new Option<string?>("--from") { Description = "Branch or commit to start from (default: the current branch).", HelpName = "base" };
        var description = new Option<string?>("--desc") { Description = "What the ticket is for." };
        var command = new Command("start", "Create or resume a ticket and switch to its branch.") { name, from, description };
        Handler.Set(command, globals, "ticket start", context =>
            StartUseCase.Run(context.Workspace, context.Value(name), context.Value(from), context.Value(description)));
        return command;
    }
}
