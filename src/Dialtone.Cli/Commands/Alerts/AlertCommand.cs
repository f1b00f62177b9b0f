using System.CommandLine;
using Dialtone.Core.UseCases.Alerts;

namespace Dialtone.Cli.Commands.Alerts;

/// <summary>
/// `ticket alert "&lt;text&gt;" [--source ci] [--level error|warn|info] [--ticket &lt;t&gt;]`: an external
/// event shown at the next command of that ticket (or of every open ticket) until acknowledged.
/// </summary>
public static class AlertCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var text = new Argument<string>("text") { Description = "What happened, in one line." };
        var source = new Option<string?>("--source") { Description = "Who raises it (ci, monitoring, …). Default: external.", HelpName = "name" };
        var level = new Option<string?>("--level") { Description = "error, warn (default) or info.", HelpName = "level" };
        var ticket = new Option<string?>("--ticket") { Description = "The ticket it is for (default: every open ticket).", HelpName = "name" };
        var command = new Command("alert", "Raise an external alert (failing CI job, …) for a ticket or every open ticket.") { text, source, level, ticket };
        Handler.Set(command, globals, "ticket alert", context =>
            AlertUseCase.Run(context.Workspace, context.Value(text), context.Value(source), context.Value(level), context.Value(ticket)));
        return command;
    }
}
