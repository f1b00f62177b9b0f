using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Records;

namespace Dialtone.Core.Gates;

/// <summary>
/// The commit gate (docs/hooks.md): on a ticket branch a commit records only signed work. The staged
/// tree (.dialtone/ excluded) must be the snapshot tree of a signature that still counts; a commit
/// that changes nothing outside .dialtone/ is bookkeeping; a merge brings others' work and passes.
/// Decided from the ticket record and the facts alone, never from the store.
/// </summary>
public static class CommitGate
{
    public const string StageAllAction = "git add -A && git commit -m \"<message>\"";

    private const string AddSubtask = NextStep.Cli + " ticket subtask add <subtask-name> --desc \"<goal>\" --condition \"<objective check>\" --test \"<idempotent command>\"";

    public static CommitVerdict Decide(Ticket ticket, ICommitFacts facts)
    {
        var reasons = new List<string>();
        if (facts.IsMerge)
        {
            reasons.Add("MERGE_HEAD exists: a merge commit passes (its signatures are stale afterwards)");
            return new CommitVerdict { Kind = CommitVerdictKind.Merge, Ticket = ticket.Name, Reasons = reasons };
        }

        var current = ticket.CurrentSubtask();
        var counting = new List<Attestation>(ticket.Attestations.Count);
        foreach (var attestation in ticket.Attestations)
        {
            var counts = Counts(ticket, current, attestation, out var why);
            reasons.Add($"attestation #{attestation.Seq} '{attestation.Subtask}' at tree {attestation.Tree}: {why}");
            if (counts)
            {
                counting.Add(attestation);
            }
        }

        var last = counting.Count > 0 ? counting[^1] : null;

        // Usually the commit records the latest signature: one cheap question settles it.
        if (last is not null && facts.StagedEquals(last.Tree))
        {
            reasons.Add($"the staged work is exactly attestation #{last.Seq}'s tree: pass");
            return Signed(ticket, last, last.Tree, reasons);
        }

        var fromHead = facts.StagedChanges;
        if (fromHead.Count == 0)
        {
            reasons.Add("nothing outside .dialtone/ differs from HEAD: bookkeeping passes");
            return new CommitVerdict { Kind = CommitVerdictKind.Bookkeeping, Ticket = ticket.Name, Reasons = reasons };
        }

        var staged = facts.StagedTree;
        reasons.Add($"staged tree (.dialtone/ excluded): {staged}");
        if (counting.FindLast(a => a.Tree == staged) is { } match)
        {
            reasons.Add($"the staged tree is what attestation #{match.Seq} signed: pass");
            return Signed(ticket, match, staged, reasons);
        }

        reasons.Add($"{fromHead.Count} path(s) outside .dialtone/ differ from HEAD and no signature covers them: blocked");
        var unsigned = current is not null && !HasCountingSignature(ticket, current) ? current.Name : null;
        var changed = last is null ? fromHead : facts.ChangedSince(last.Tree);
        var onlyStaging = last is not null && facts.WorkTreeSnapshot == last.Tree;
        if (onlyStaging)
        {
            reasons.Add("the working tree is exactly the last signature's tree: only the staging differs");
        }

        return new CommitVerdict
        {
            Kind = CommitVerdictKind.Blocked,
            Ticket = ticket.Name,
            StagedTree = staged,
            LastSignature = last,
            Unsigned = unsigned,
            Changed = changed,
            OnlyStagingDiffers = onlyStaging,
            Action = onlyStaging ? StageAllAction : Fix(ticket, current),
            Reasons = reasons,
        };
    }

    private static CommitVerdict Signed(Ticket ticket, Attestation signature, string staged, List<string> reasons) =>
        new() { Kind = CommitVerdictKind.Signed, Ticket = ticket.Name, StagedTree = staged, Signature = signature, Reasons = reasons };

    /// <summary>
    /// A signature counts for the subtask it signs while that subtask is done or current and its
    /// test command is still the one that ran: editing the test makes the old signature moot.
    /// </summary>
    private static bool Counts(Ticket ticket, Subtask? current, Attestation attestation, out string why)
    {
        var subtask = ticket.FindSubtask(attestation.Subtask);
        if (subtask is null)
        {
            why = "its subtask no longer exists";
            return false;
        }

        if (subtask.Status != SubtaskStatus.Done && subtask != current)
        {
            why = "its subtask is neither done nor current";
            return false;
        }

        if (attestation.Command != subtask.TestCommand)
        {
            why = "the subtask's test command changed since it was signed";
            return false;
        }

        why = "counts";
        return true;
    }

    private static bool HasCountingSignature(Ticket ticket, Subtask subtask)
    {
        var current = ticket.CurrentSubtask();
        return ticket.Attestations.Exists(a => a.Subtask == subtask.Name && Counts(ticket, current, a, out _));
    }

    private static string Fix(Ticket ticket, Subtask? current)
    {
        if (ticket.Status == TicketStatus.Done || ticket.Subtasks.Count == 0)
        {
            return NextStep.For(ticket);
        }

        if (current is null)
        {
            // Every subtask is done: new work needs a subtask of its own to be signed under.
            return AddSubtask;
        }

        var missing = current.MissingFields();
        if (missing.Count > 0)
        {
            return NextStep.FixFields(current.Name, missing);
        }

        if (!HasCountingSignature(ticket, current))
        {
            return $"{NextStep.Cli} ticket next   (then {NextStep.Cli} ticket log \"SIGN: {current.Name} test-command is idempotent and PASS\")";
        }

        // The current subtask is signed and only waits to be marked done: the new work belongs to a later one.
        return ticket.Subtasks.Exists(s => s != current && s.Status != SubtaskStatus.Done)
            ? $"{NextStep.Cli} ticket next   (marks '{current.Name}' done and moves on; sign the next subtask before committing this work)"
            : $"{AddSubtask}   (this work goes beyond what '{current.Name}' signed)";
    }
}
