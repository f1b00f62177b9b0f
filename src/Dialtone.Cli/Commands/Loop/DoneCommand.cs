using System.CommandLine;
using Dialtone.Core.UseCases.Loop;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>`ticket done [--tip "…"]`: validate if needed, ask for a tip, store it and archive the ticket.</summary>
public static class DoneCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var tip = new Option<string?>("--tip") { Description = "One lesson for the next agent." };
        var command = new Command("done", "Validate (if needed), store a tip, and archive the ticket.") { tip };
        Handler.Set(command, globals, "ticket done", context => DoneUseCase.Run(context.Workspace, context.Value(tip)));
        return command;
    }
}
