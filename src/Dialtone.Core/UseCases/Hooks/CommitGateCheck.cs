using Dialtone.Core.Gates;
using Dialtone.Core.Output;
using Dialtone.Git;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>The commit gate run once for a repository: find the ticket branch, decide, render. Shared by the hook and `gate commit`.</summary>
public static class CommitGateCheck
{
    /// <summary>The verdict rendered into <paramref name="reply"/>; null when the branch is not a ticket branch (nothing gated).</summary>
    public static (TicketBranch Branch, CommitVerdict Verdict)? Run(GitRepository repository, Reply reply, Action<string> explain)
    {
        var branch = TicketBranch.Find(repository, explain);
        if (branch is null)
        {
            return null;
        }

        var verdict = branch.Ticket is { } ticket
            ? CommitGate.Decide(ticket, new GitCommitFacts(repository))
            : CommitGate.MissingRecord(branch, branch.RestoreAction(repository));
        foreach (var reason in verdict.Reasons)
        {
            explain(reason);
        }

        CommitVerdictText.Render(reply, verdict);
        return (branch, verdict);
    }
}
