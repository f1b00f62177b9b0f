using System.CommandLine;
using Dialtone.Core.UseCases.Memory;

namespace Dialtone.Cli.Commands.Memory;

/// <summary>
/// `ticket import &lt;ticket&gt;[/&lt;subtask&gt;]…`: copies archived subtasks (description, conditions,
/// test command) into the current ticket as todo. All or nothing: a name the ticket already has
/// refuses the whole import.
/// </summary>
public static class ImportCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var references = new Argument<string[]>("reference")
        {
            Description = "An archived ticket (all its subtasks) or ticket/subtask; several allowed.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("import", "Copy archived subtasks into the current ticket.") { references };
        Handler.Set(command, globals, "ticket import", context => ImportUseCase.Run(context.Workspace, context.Value(references)));
        return command;
    }
}
