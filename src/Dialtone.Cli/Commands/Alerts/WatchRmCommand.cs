using System.CommandLine;
using Dialtone.Core.UseCases.Alerts;

namespace Dialtone.Cli.Commands.Alerts;

/// <summary>`ticket watch rm &lt;path-or-glob&gt;…`: stop watching a pattern, or exclude single files a pattern matches.</summary>
public static class WatchRmCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var patterns = new Argument<string[]>("path-or-glob") { Description = "A watched pattern, or a file a pattern matches.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("rm", "Stop watching design docs (a pattern, or single files).") { patterns };
        Handler.Set(command, globals, "ticket watch rm", context => WatchRmUseCase.Run(context.Workspace, context.Directory, context.Value(patterns)));
        return command;
    }
}
