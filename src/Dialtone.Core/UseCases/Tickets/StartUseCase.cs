using Dialtone.Core.Output;
using Dialtone.Core.Records;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Alerts;
using Dialtone.Core.UseCases.Memory;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Tickets;

/// <summary>`ticket start &lt;name&gt; [--from &lt;base&gt;] [--desc …]`: create or resume a ticket and switch to its branch.</summary>
public static class StartUseCase
{
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
        var switched = BranchSwitch.SwitchTo(workspace, existing, name, from);

        var reply = new Reply();
        using (var store = workspace.OpenStore())
        {
            // The branch may carry a record the store has not seen (fresh clone, someone else's branch).
            var ticket = workspace.FindTicket(store, name);
            var resumed = ticket is not null;
            if (ticket is null)
            {
                var baseBranch = from ?? (previousBranch == name ? null : previousBranch);
                ticket = new Ticket
                {
                    Name = name,
                    Description = description ?? "",
                    Branch = name,
                    BaseBranch = baseBranch,
                    BaseCommit = from is null ? (previousBranch == name ? null : head) : repository.ResolveCommit(from),
                    CreatedAt = workspace.Now(),
                };
                workspace.Save(store, ticket);
            }
            else if (description is not null && description != ticket.Description)
            {
                ticket.Description = description;
                workspace.Save(store, ticket);
            }

            // The gates know the branch is a ticket branch even when its record is moved aside (docs/hooks.md).
            EvidenceFiles.BranchMarker.Ensure(workspace.StorePaths.Directory, ticket.Branch, ticket.Name);

            reply.Add(Tag.Ticket, resumed
                ? $"Started: {name} (resumed; {ticket.DoneCount} of {ticket.Subtasks.Count} subtasks done)"
                : $"Started: {name}");
            foreach (var imported in workspace.Imported)
            {
                reply.Add(Tag.Ticket, $"Imported the committed record of '{imported}' into the store.");
            }

            reply.Add(Tag.Ticket, BranchSwitch.Describe(switched, name, ticket));
            if (!resumed && ticket.BaseBranch is null)
            {
                reply.Add(Tag.Warn, $"No base branch recorded (started on '{name}' itself); pass --from <base> next time so diffs against the base work.");
            }

            SchemaLine.Add(reply, workspace, store);

            // Design-doc alerts (docs/alerts.md): a new ticket takes its baselines, a resumed one hears what changed.
            PendingAlerts.AtStart(reply, workspace, store, ticket, resumed);
            if (!resumed)
            {
                // Memory (docs/memory.md): archived tickets like this one, their subtasks and tips.
                StartMemory.Add(reply, workspace, store, ticket);
            }

            reply.Add(Tag.Ticket, $"Record: {RecordFile.RelativePath(name)} (commit it with your work).");
            TicketText.Queue(reply, ticket);
            reply.Set("ticket", () => TicketJson.Full(ticket));
            reply.Set("resumed", () => resumed);
            reply.Set("branchAction", () => switched.ToString().ToLowerInvariant());
            reply.Add(Tag.Action, NextStep.For(ticket));
        }

        return reply;
    }
}
