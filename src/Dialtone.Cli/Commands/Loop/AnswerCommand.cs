using System.CommandLine;
using Dialtone.Core.UseCases.Loop;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>`ticket answer &lt;id&gt; "&lt;text&gt;" [--as &lt;user&gt;]`: the human's side of a question.</summary>
public static class AnswerCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var id = new Argument<string>("id") { Description = "The question's number (see `dialtone inbox`)." };
        var text = new Argument<string>("answer") { Description = "The answer." };
        var who = new Option<string?>("--as") { Description = "Who answers (default: git user.name).", HelpName = "user" };
        var command = new Command("answer", "Answer a question (the human's side).") { id, text, who };
        // Whether a person at a terminal gave the answer is the front end's to know; the use case records it.
        Handler.Set(command, globals, "ticket answer", context => AnswerUseCase.Run(
            context.Workspace, context.Value(id), context.Value(text), context.Value(who), fromTerminal: !Console.IsInputRedirected && !Console.IsOutputRedirected));
        return command;
    }
}
