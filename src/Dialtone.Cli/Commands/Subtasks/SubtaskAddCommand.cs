using System.CommandLine;
using Dialtone.Core.UseCases.Subtasks;

namespace Dialtone.Cli.Commands.Subtasks;

/// <summary>`ticket subtask add &lt;name&gt; --desc … [--condition …]… [--test …] [--deps a,b]`.</summary>
public static class SubtaskAddCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Subtask name: lowercase letters, digits and dashes." };
        var fields = new SubtaskOptions();
        var command = new Command("add", "Append a subtask to the current ticket.") { name };
        fields.AddTo(command);
        Handler.Set(command, globals, "ticket subtask add", context => SubtaskAddUseCase.Run(
            context.Workspace,
            context.Value(name),
            context.Value(fields.Description),
            context.Value(fields.Conditions) ?? [],
            context.Value(fields.Test),
            context.Value(fields.Dependencies)));
        return command;
    }
}
