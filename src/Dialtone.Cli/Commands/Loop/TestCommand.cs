using System.CommandLine;
using Dialtone.Core.UseCases.Loop;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>`ticket test [&lt;name&gt;]`: run every subtask test of the ticket, record the runs, change no statuses.</summary>
public static class TestCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var name = new Argument<string?>("name") { Description = "Ticket (default: the current one).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("test", "Run every subtask test of the ticket and record the runs.") { name };
        Handler.Set(command, globals, "ticket test", context => TestUseCase.Run(context.Workspace, context.Value(name)));
        return command;
    }
}
