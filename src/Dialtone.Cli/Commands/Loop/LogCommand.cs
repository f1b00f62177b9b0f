using System.CommandLine;
using Dialtone.Core.UseCases.Loop;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>`ticket log "&lt;text&gt;"`: a note, or `SIGN: &lt;subtask&gt; …`, `FAIL: &lt;subtask&gt; …`, `CHECK: …`.</summary>
public static class LogCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var text = new Argument<string>("text") { Description = "A note, or SIGN: <subtask> …, FAIL: <subtask> …, CHECK: …" };
        var command = new Command("log", "Append to the ticket log; SIGN: signs a passing run.") { text };
        Handler.Set(command, globals, "ticket log", context => LogUseCase.Run(context.Workspace, context.Value(text)));
        return command;
    }
}
