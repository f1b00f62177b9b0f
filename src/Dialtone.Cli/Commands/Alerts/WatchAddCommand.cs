using System.CommandLine;
using Dialtone.Core.UseCases.Alerts;

namespace Dialtone.Cli.Commands.Alerts;

/// <summary>`ticket watch add &lt;path-or-glob&gt;…`: watch more design docs (for every ticket of the repository).</summary>
public static class WatchAddCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var patterns = new Argument<string[]>("path-or-glob") { Description = "Paths or globs (*, ?, **/, {a,b}) relative to the repository root.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("add", "Watch more design docs.") { patterns };
        Handler.Set(command, globals, "ticket watch add", context => WatchAddUseCase.Run(context.Workspace, context.Directory, context.Value(patterns)));
        return command;
    }
}
