using System.CommandLine;
using Dialtone.Core.UseCases.Grants;

namespace Dialtone.Cli.Commands.Grants;

/// <summary>`ticket grant list [--all] [--ticket &lt;t&gt;]`: the audited leases — active ones and the recent past.</summary>
public static class GrantListCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var all = new Option<bool>("--all") { Description = $"Every lease, not just the last {GrantListUseCase.RecentCount}." };
        var ticket = new Option<string?>("--ticket") { Description = "Only the leases of this ticket.", HelpName = "ticket" };
        var command = new Command("list", "List credential leases: scope, variable, ticket, times, pid, command, state.") { all, ticket };
        Handler.Set(command, globals, "ticket grant list", context => GrantListUseCase.Run(context.Workspace, context.Value(all), context.Value(ticket)));
        return command;
    }
}
