using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Git;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// The subtask `ticket next` works on: the current one, after marking every signed subtask before
/// it done and showing the card of the one that follows.
/// </summary>
public static class NextSubtask
{
    /// <summary>
    /// The subtask whose test runs next, or null when the reply is already complete: every subtask
    /// is done (or there is none yet), or the current one lacks fields (blocked).
    /// </summary>
    public static Subtask? Find(Reply reply, Workspace workspace, Store store, Ticket ticket, DateTimeOffset now)
    {
        string? tree = null;
        while (true)
        {
            var current = ticket.CurrentSubtask();
            if (current is null)
            {
                reply.Add(Tag.Ticket, ticket.Subtasks.Count == 0
                    ? $"Ticket '{ticket.Name}' has no subtasks yet."
                    : $"All {ticket.Subtasks.Count} subtasks of '{ticket.Name}' are done.");
                reply.Set("ticket", () => TicketJson.Full(ticket));
                reply.Add(Tag.Action, NextStep.For(ticket));
                return null;
            }

            var missing = current.MissingFields();
            if (missing.Count > 0)
            {
                reply.Add(Tag.Block, $"Subtask '{current.Name}' is incomplete: missing {string.Join(", ", missing)}.");
                TicketText.Card(reply, current);
                reply.Fail(ExitCodes.Blocked, NextStep.FixFields(current.Name, missing));
                return null;
            }

            // A signature counts for the command it signed; an edited test needs a new run and SIGN.
            if (ticket.LastSignature(current.Name) is not { } signature || signature.Command != current.TestCommand)
            {
                return current;
            }

            current.Status = SubtaskStatus.Done;
            current.UpdatedAt = now;
            workspace.Save(store, ticket);
            reply.Add(Tag.Ticket, $"Subtask '{current.Name}' is signed (attestation #{signature.Seq}): marked done.");
            tree ??= SnapshotTree.Compute(workspace.Repository);
            if (signature.Tree != tree)
            {
                var changed = SnapshotTree.Diff(workspace.Repository, signature.Tree, tree).Select(c => c.Path).ToList();
                reply.Add(Tag.Warn, $"Files changed since '{current.Name}' was signed: {RunReport.Paths(changed)}. They are unsigned work until the next signature (commits and validation will ask for one).");
            }

            if (ticket.CurrentSubtask() is { } following)
            {
                reply.Add(Tag.Ticket, $"Next subtask: {following.Name}");
                if (following.MissingFields().Count == 0)
                {
                    TicketText.Card(reply, following);
                }
            }
        }
    }
}
