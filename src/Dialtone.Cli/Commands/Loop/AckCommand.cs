using System.CommandLine;
using Dialtone.Core.UseCases.Loop;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>
/// `ticket ack [&lt;id&gt;] ["&lt;text&gt;"] [--alert &lt;id&gt;]`: acknowledge delivered answers and alerts; the
/// text answers a question still waiting (relayed from the agent's chat), or is the acknowledgement's note.
/// </summary>
public static class AckCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var first = new Argument<string?>("id-or-text") { Description = "A question number (#3 or 3), or the text.", Arity = ArgumentArity.ZeroOrOne };
        var second = new Argument<string?>("text") { Description = "The human's answer relayed from your chat (when the question is still unanswered), else a note.", Arity = ArgumentArity.ZeroOrOne };
        var alert = new Option<long?>("--alert") { Description = "Acknowledge one alert (a design-doc change or an external event) by its number.", HelpName = "id" };
        var command = new Command("ack", "Acknowledge answered questions and alerts (all, or one).") { first, second, alert };
        Handler.Set(command, globals, "ticket ack", context => AckUseCase.Run(context.Workspace, context.Value(first), context.Value(second), context.Value(alert)));
        return command;
    }
}
