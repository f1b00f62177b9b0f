using System.CommandLine;
using Dialtone.Core.UseCases.Loop;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>`dialtone inbox`: the human's view — open questions across all tickets.</summary>
public static class InboxCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("inbox", "List unanswered questions across all tickets (for the human).");
        Handler.Set(command, globals, "inbox", context => InboxUseCase.Run(context.Workspace));
        return command;
    }
}
