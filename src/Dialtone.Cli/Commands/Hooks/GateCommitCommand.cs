using System.CommandLine;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>`dialtone gate commit`: the pre-commit verdict for what is staged now, without committing or staging anything.</summary>
public static class GateCommitCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("commit", "Would a commit of what is staged pass the commit gate? Exit 0 pass, 1 blocked.");
        Handler.Set(command, globals, "gate commit", context => Run(context.Workspace));
        return command;
    }

    public static Reply Run(Workspace workspace)
    {
        var reply = new Reply();
        var explain = HookEnvironment.Explainer("gate commit");
        if (CommitGateCheck.Run(workspace.Repository, reply, explain) is null)
        {
            var branch = workspace.CurrentBranch;
            reply.Add(Tag.Ticket, branch is null
                ? "HEAD is detached: no ticket branch, so commits are not gated."
                : $"Branch '{branch}' has no ticket record: commits are not gated here.");
            reply.Set("gate", () => new System.Text.Json.Nodes.JsonObject { ["verdict"] = "no-ticket", ["passed"] = true, ["branch"] = branch });
        }

        return reply;
    }
}
