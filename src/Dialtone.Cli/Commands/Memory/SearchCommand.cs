using System.CommandLine;
using Dialtone.Core.UseCases.Memory;

namespace Dialtone.Cli.Commands.Memory;

/// <summary>
/// `ticket search "&lt;query&gt;"`: the archive, ranked by the same relevance query `ticket start`
/// uses — but every match is listed, not only those above the start threshold.
/// </summary>
public static class SearchCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var text = new Argument<string>("query") { Description = "Words, names or file paths to look for in archived tickets." };
        var limit = new Option<int?>("--limit") { Description = "At most this many tickets (default 10)." };
        var command = new Command("search", "Search archived tickets, subtasks and tips.") { text, limit };
        Handler.Set(command, globals, "ticket search", context => SearchUseCase.Run(context.Workspace, context.Value(text), context.Value(limit) ?? 10));
        return command;
    }
}
