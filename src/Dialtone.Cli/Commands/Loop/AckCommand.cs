using System.CommandLine;
using Dialtone.Core.UseCases.Loop;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>`ticket ack [&lt;id&gt;] ["&lt;note&gt;"] [--alert &lt;id&gt;]`: acknowledge delivered answers and alerts.</summary>
public static class AckCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var first = new Argument<string?>("id-or-note") { Description = "A question number (#3 or 3), or a note.", Arity = ArgumentArity.ZeroOrOne };
        var second = new Argument<string?>("note") { Description = "A note, after a question number.", Arity = ArgumentArity.ZeroOrOne };
        var alert = new Option<long?>("--alert") { Description = "Acknowledge one alert (a design-doc change or an external event) by its number.", HelpName = "id" };
        var command = new Command("ack", "Acknowledge answered questions and alerts (all, or one).") { first, second, alert };
        Handler.Set(command, globals, "ticket ack", context => AckUseCase.Run(context.Workspace, context.Value(first), context.Value(second), context.Value(alert)));
        return command;
    }
}
