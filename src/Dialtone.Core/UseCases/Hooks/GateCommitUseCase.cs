using System.Text.Json.Nodes;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>`dialtone gate commit`: the pre-commit verdict for what is staged now, without committing or staging anything.</summary>
public static class GateCommitUseCase
{
    public static Reply Run(Workspace workspace, Action<string> explain)
    {
        var reply = new Reply();
        if (CommitGateCheck.Run(workspace.Repository, reply, explain) is null)
        {
            var branch = workspace.CurrentBranch;
            reply.Add(Tag.Ticket, branch is null
                ? "HEAD is detached: no ticket branch, so commits are not gated."
                : $"Branch '{branch}' has no ticket record: commits are not gated here.");
            reply.Set("gate", () => new JsonObject { ["verdict"] = "no-ticket", ["passed"] = true, ["branch"] = branch });
        }

        return reply;
    }
}
