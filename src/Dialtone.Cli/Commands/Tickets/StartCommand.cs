using System.CommandLine;
using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Alerts;
using Dialtone.Core.UseCases.Memory;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Core;
using Dialtone.Git;

namespace Dialtone.Cli.Commands.Tickets;

/// <summary>`ticket start &lt;name&gt; [--from &lt;base&gt;] [--desc …]`: create or resume a ticket and switch to its branch.</summary>
public static class StartCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Ticket name: lowercase letters, digits and dashes." };
        var from = new Option<string?>("--from") { Description = "Branch or commit to start from (default: the current branch).", HelpName = "base" };
        var description = new Option<string?>("--desc") { Description = "What the ticket is for." };
        var command = new Command("start", "Create or resume a ticket and switch to its branch.") { name, from, description };
        Handler.Set(command, globals, "ticket start", context =>
            Run(context.Workspace, context.Value(name), context.Value(from), context.Value(description)));
        return command;
    }

    public static Reply Run(Workspace workspace, string rawName, string? from, string? description)
    {
        var name = Names.Require(rawName, "ticket", $"{NextStep.Cli} ticket start fix-login-timeout");
        var repository = workspace.Repository;
        if (from is not null && repository.ResolveCommit(from) is null)
        {
            throw DialtoneError.Usage($"--from '{Names.Printable(from)}' is not a branch or commit of this repository.", "git branch --list");
        }

        // Look first, switch branches with the store closed (git hooks may call dialtone), then write.
        Ticket? existing;
        using (var store = workspace.OpenStore())
        {
            existing = workspace.FindTicket(store, name);
        }

        if (existing?.Status == TicketStatus.Done)
        {
            throw DialtoneError.Usage($"Ticket '{name}' is done and archived; a new ticket needs a new name.", $"{NextStep.Cli} ticket start {name}-2");
        }

        var previousBranch = workspace.CurrentBranch;
        var head = repository.Head;
        var switched = SwitchTo(workspace, existing, name, from);

        var reply = new Reply();
        using (var store = workspace.OpenStore())
        {
            // The branch may carry a record the store has not seen (fresh clone, someone else's branch).
            var ticket = workspace.FindTicket(store, name);
            var resumed = ticket is not null;
            if (ticket is null)
            {
                var now = workspace.Now();
                var baseBranch = from ?? (previousBranch == name ? null : previousBranch);
                ticket = new Ticket
                {
                    Name = name,
                    Description = description ?? "",
                    Branch = name,
                    BaseBranch = baseBranch,
                    BaseCommit = from is null ? (previousBranch == name ? null : head) : repository.ResolveCommit(from),
                    CreatedAt = now,
                };
                workspace.Save(store, ticket);
            }
            else if (description is not null && description != ticket.Description)
            {
                ticket.Description = description;
                workspace.Save(store, ticket);
            }

            reply.Add(Tag.Ticket, resumed
                ? $"Started: {name} (resumed; {ticket.DoneCount} of {ticket.Subtasks.Count} subtasks done)"
                : $"Started: {name}");
            foreach (var imported in workspace.Imported)
            {
                reply.Add(Tag.Ticket, $"Imported the committed record of '{imported}' into the store.");
            }

            reply.Add(Tag.Ticket, switched switch
            {
                SwitchKind.Created => $"Branch '{name}' created from {Describe(ticket.BaseBranch, ticket.BaseCommit)}.",
                SwitchKind.Switched => $"Switched to branch '{name}'.",
                _ => $"Already on branch '{name}'.",
            });
            if (!resumed && ticket.BaseBranch is null)
            {
                reply.Add(Tag.Warn, $"No base branch recorded (started on '{name}' itself); pass --from <base> next time so diffs against the base work.");
            }

            SchemaLine.Add(reply, workspace, store);

            // Design-doc alerts (DESIGN §6): a new ticket takes its baselines, a resumed one hears what changed.
            PendingAlerts.AtStart(reply, workspace, store, ticket, resumed);
            if (!resumed)
            {
                // Memory (issue 7): archived tickets like this one, their subtasks and tips.
                StartMemory.Add(reply, workspace, store, ticket);
            }

            reply.Add(Tag.Ticket, $"Record: {Dialtone.Core.Records.RecordFile.RelativePath(name)} (commit it with your work).");
            TicketText.Queue(reply, ticket);
            reply.Set("ticket", () => TicketJson.Full(ticket));
            reply.Set("resumed", () => resumed);
            reply.Set("branchAction", () => switched.ToString().ToLowerInvariant());
            reply.Add(Tag.Action, NextStep.For(ticket));
        }

        return reply;
    }

    private enum SwitchKind
    {
        None,
        Switched,
        Created,
    }

    private static SwitchKind SwitchTo(Workspace workspace, Ticket? existing, string name, string? from)
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

    private static string Describe(string? branch, string? commit)
    {
        var shortCommit = commit is null ? "an unborn HEAD" : commit[..Math.Min(7, commit.Length)];
        return branch is null ? shortCommit : $"'{branch}' at {shortCommit}";
    }
}
