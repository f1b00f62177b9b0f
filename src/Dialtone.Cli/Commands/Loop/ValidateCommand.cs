using System.CommandLine;
using Dialtone.Core.UseCases.Loop;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>`ticket validate [&lt;name&gt;]`: the done gate's check, recorded in the store and the record.</summary>
public static class ValidateCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var name = new Argument<string?>("name") { Description = "Ticket (default: the current one).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("validate", "Check that the ticket is done: signed, unchanged, re-run, nothing open.") { name };
        Handler.Set(command, globals, "ticket validate", context => ValidateUseCase.Run(context.Workspace, context.Value(name)));
        return command;
    }
}
