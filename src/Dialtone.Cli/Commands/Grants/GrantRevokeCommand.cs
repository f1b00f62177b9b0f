using System.CommandLine;
using Dialtone.Core.UseCases.Grants;

namespace Dialtone.Cli.Commands.Grants;

/// <summary>
/// `ticket grant revoke &lt;id&gt;|--all`: end leases now. A command still running under the grant is
/// stopped, then the scope's revoke command runs.
/// </summary>
public static class GrantRevokeCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var id = new Argument<string?>("id") { Description = "The grant to revoke (#3 or 3).", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Revoke every active grant." };
        var command = new Command("revoke", "Revoke a grant now (or --all): stop its command, run the scope's revoke command.") { id, all };
        Handler.Set(command, globals, "ticket grant revoke", context => GrantRevokeUseCase.Run(context.Workspace, context.Value(id), context.Value(all)));
        return command;
    }
}
