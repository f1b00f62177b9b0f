using System.CommandLine;
using Dialtone.Core.UseCases.Loop;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>`ticket ask "&lt;question&gt;" [--fyi]`: a question for the human; it blocks `next` unless --fyi.</summary>
public static class AskCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var question = new Argument<string>("question") { Description = "The question for the human." };
        var fyi = new Option<bool>("--fyi") { Description = "Information only: does not block `ticket next`." };
        var command = new Command("ask", "Ask the human a question (blocks `ticket next` until answered and acknowledged).") { question, fyi };
        Handler.Set(command, globals, "ticket ask", context => AskUseCase.Run(context.Workspace, context.Value(question), context.Value(fyi)));
        return command;
    }
}
