using System.CommandLine;
using Dialtone.Core.UseCases.Alerts;

namespace Dialtone.Cli.Commands.Alerts;

/// <summary>`dialtone docs diff &lt;path&gt;`: every structural change of a watched doc since the current ticket acknowledged it.</summary>
public static class DocsDiffCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var path = new Argument<string>("path") { Description = "The doc, relative to the repository root (or to the current directory)." };
        var command = new Command("diff", "Show every structural change of a design doc since it was acknowledged.") { path };
        Handler.Set(command, globals, "docs diff", context => DocsDiffUseCase.Run(context.Workspace, context.Directory, context.Value(path)));
        return command;
    }
}
