using System.CommandLine;
using Dialtone.Core;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Subtasks;

namespace Dialtone.Cli.Commands.Subtasks;

/// <summary>
/// `ticket subtask edit &lt;name&gt; [--desc …] [--condition …]… [--add-condition …]… [--test …] [--deps a,b]`.
/// --condition replaces all conditions; --add-condition appends; --deps "" clears.
/// </summary>
public static class SubtaskEditCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "The subtask to change." };
        var fields = new SubtaskOptions();
        var addCondition = new Option<string[]>("--add-condition") { Description = "Append a test condition (repeat for several)." };
        var command = new Command("edit", "Change a subtask's fields.") { name, addCondition };
        fields.AddTo(command);
        Handler.Set(command, globals, "ticket subtask edit", context => SubtaskEditUseCase.Run(
            context.Workspace,
            context.Value(name),
            context.Value(fields.Description),
            context.Parsed.GetResult(fields.Conditions) is null ? null : context.Value(fields.Conditions) ?? [],
            context.Value(addCondition) ?? [],
            context.Value(fields.Test),
            context.Value(fields.Dependencies)));
        return command;
    }

    /// <summary>Kept for callers in other areas; the lookup lives in Core.</summary>
    public static DialtoneError Unknown(Ticket ticket, string name) => SubtaskLookup.Unknown(ticket, name);
}
