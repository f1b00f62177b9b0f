using System.CommandLine;
using Dialtone.Core.UseCases.Memory;

namespace Dialtone.Cli.Commands.Memory;

/// <summary>
/// `dialtone stats [&lt;ticket&gt;]`: from the store, per-ticket cycle times and run outcomes, the
/// slowest tests, regressions, and test commands that passed and failed at the same tree.
/// </summary>
public static class StatsCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var ticket = new Argument<string?>("ticket") { Description = "One ticket (default: all).", Arity = ArgumentArity.ZeroOrOne };
        var top = new Option<int?>("--top") { Description = "Rows per section (default 10)." };
        var command = new Command("stats", "Cycle times, run outcomes, slow and flaky tests, from the store.") { ticket, top };
        Handler.Set(command, globals, "stats", context => StatsUseCase.Run(context.Workspace, context.Value(ticket), context.Value(top) ?? 10));
        return command;
    }
}
