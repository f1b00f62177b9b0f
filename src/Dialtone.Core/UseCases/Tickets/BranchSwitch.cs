using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Git;

namespace Dialtone.Core.UseCases.Tickets;

/// <summary>How `ticket start` gets onto the ticket's branch: already there, switched, or created.</summary>
public static class BranchSwitch
{
    public enum SwitchKind
    {
        None,
        Switched,
        Created,
    }

    public static SwitchKind SwitchTo(Workspace workspace, Ticket? existing, string name, string? from)
    {
        var branch = existing?.Branch ?? name;
        if (workspace.CurrentBranch == branch)
        {
            return SwitchKind.None;
        }

        var repository = workspace.Repository;
        try
        {
            if (repository.BranchExists(branch))
            {
                repository.Switch(branch);
                workspace.BranchChanged();
                return SwitchKind.Switched;
            }

            // A side quest added earlier starts from where it was added; a new ticket from --from or HEAD.
            var startPoint = from ?? existing?.BaseCommit ?? existing?.BaseBranch;
            repository.CreateAndSwitch(branch, startPoint);
            workspace.BranchChanged();
            return SwitchKind.Created;
        }
        catch (GitCommandException ex)
        {
            throw DialtoneError.Blocked(
                $"git could not switch to branch '{branch}': {ex.Result.StdErr.Trim().ReplaceLineEndings(" ")}",
                $"git stash   (then rerun: {NextStep.Cli} ticket start {name})");
        }
    }

    /// <summary>The [TICKET] line that says what happened to the branch.</summary>
    public static string Describe(SwitchKind switched, string name, Ticket ticket) => switched switch
    {
        SwitchKind.Created => $"Branch '{name}' created from {Origin(ticket.BaseBranch, ticket.BaseCommit)}.",
        SwitchKind.Switched => $"Switched to branch '{name}'.",
        _ => $"Already on branch '{name}'.",
    };

    private static string Origin(string? branch, string? commit)
    {
        var shortCommit = commit is null ? "an unborn HEAD" : commit[..Math.Min(7, commit.Length)];
        return branch is null ? shortCommit : $"'{branch}' at {shortCommit}";
    }
}
