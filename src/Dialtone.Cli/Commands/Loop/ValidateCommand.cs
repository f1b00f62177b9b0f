using System.CommandLine;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Loop;
using Dialtone.Core.Workflow;
using Dialtone.Core;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>`ticket validate [&lt;name&gt;]`: the done gate's check, recorded in the store and the record.</summary>
public static class ValidateCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var name = new Argument<string?>("name") { Description = "Ticket (default: the current one).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("validate", "Check that the ticket is done: signed, unchanged, re-run, nothing open.") { name };
        Handler.Set(command, globals, "ticket validate", context => Run(context.Workspace, context.Value(name)));
        return command;
    }

    public static Reply Run(Workspace workspace, string? name)
    {
        var reply = new Reply();
        var outcome = Validator.Run(workspace, name, reply);
        reply.Set("passed", () => outcome.Passed);
        return outcome.Passed
            ? reply.Add(Tag.Action, $"{NextStep.Cli} ticket done --tip \"<one tip for the next agent>\"")
            : reply.Fail(ExitCodes.Blocked, outcome.Action);
    }
}
