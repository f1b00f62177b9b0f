using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Tickets;

/// <summary>The ticket of the checked-out branch, for commands that need one.</summary>
public static class CurrentTicket
{
    public static Ticket Require(Workspace workspace, Store store) =>
        workspace.CurrentTicket(store) ?? throw NoTicket(workspace);

    public static DialtoneError NoTicket(Workspace workspace) => DialtoneError.Usage(
        workspace.CurrentBranch is { } branch
            ? $"No ticket on branch '{branch}'."
            : "HEAD is detached, so there is no current ticket.",
        $"{NextStep.Cli} ticket start <ticket-name>");

    /// <summary>The named ticket, or the current one when no name is given.</summary>
    public static Ticket Resolve(Workspace workspace, Store store, string? name)
    {
        if (name is null)
        {
            return Require(workspace, store);
        }

        var valid = Names.Require(name, "ticket", $"{NextStep.Cli} ticket show fix-login-timeout");
        return workspace.FindTicket(store, valid)
            ?? throw DialtoneError.Usage($"There is no ticket '{valid}'.", $"{NextStep.Cli} ticket list --all");
    }
}
