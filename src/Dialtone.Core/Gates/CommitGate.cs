using Dialtone.Core.Config;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Records;

namespace Dialtone.Core.Gates;

/// <summary>
/// The commit gate (docs/hooks.md): on a ticket branch a commit records only signed work. The staged
/// tree (.dialtone/ excluded) must be the snapshot tree of a signature that still counts; a commit
/// that changes nothing outside .dialtone/ is bookkeeping; a real merge brings others' work and
/// passes. Whatever else holds, a change to the policy in .dialtone/config.json is blocked: policy is
/// the human's, committed on the base branch. Decided from the ticket record and the facts alone,
/// never from the store.
/// </summary>
public static class CommitGate
{
    public const string StageAllAction = "git add -A";

    public const string RestoreConfigAction = "git restore --staged --worktree -- " + DialtoneConfig.RelativePath;

    private const string AddSubtask = NextStep.Cli + " ticket subtask add <subtask-name> --desc \"<goal>\" --condition \"<objective check>\" --test \"<idempotent command>\"";

    public static CommitVerdict Decide(Ticket ticket, ICommitFacts facts)
    {
        var reasons = new List<string>();
        var warnings = new List<string>();
        var merge = facts.Merge;
        if (merge.IsRealMerge)
        {
            reasons.Add($"MERGE_HEAD names {merge.Commits.Count} commit(s) that exist and that HEAD does not contain: a real merge");
            var mergePolicy = MergePolicyChanges(facts, merge);
            if (mergePolicy.Count > 0)
            {
                reasons.Add("the merge result changes policy in .dialtone/config.json compared with every parent: blocked");
                return PolicyBlocked(ticket, mergePolicy, warnings, reasons);
            }

            reasons.Add("a merge commit passes (its signatures are stale afterwards)");
            return new CommitVerdict { Kind = CommitVerdictKind.Merge, Ticket = ticket.Name, MergedCommits = merge.Commits, Reasons = reasons };
        }

        if (merge.Present)
        {
            reasons.Add($"MERGE_HEAD ignored: {merge.IgnoredBecause}");
            warnings.Add($"MERGE_HEAD was ignored: {merge.IgnoredBecause}. git would not record this commit as a merge of new work, so the commit gate judges it like any other commit.");
        }

        var policy = facts.StagedConfig is { } config ? PolicyDiff.Changes(config.Head, config.Staged) : [];
        if (policy.Count > 0)
        {
            reasons.Add($"the staged {DialtoneConfig.RelativePath} changes policy ({policy.Count} change(s)): blocked");
            return PolicyBlocked(ticket, policy, warnings, reasons);
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
            return Signed(ticket, last, last.Tree, warnings, reasons);
        }

        var fromHead = facts.StagedChanges;
        if (fromHead.Count == 0)
        {
            reasons.Add("nothing outside .dialtone/ differs from HEAD: bookkeeping passes");
            return new CommitVerdict { Kind = CommitVerdictKind.Bookkeeping, Ticket = ticket.Name, Warnings = warnings, Reasons = reasons };
        }

        var staged = facts.StagedTree;
        reasons.Add($"staged tree (.dialtone/ excluded): {staged}");
        if (counting.FindLast(a => a.Tree == staged) is { } match)
        {
            reasons.Add($"the staged tree is what attestation #{match.Seq} signed: pass");
            return Signed(ticket, match, staged, warnings, reasons);
        }

        reasons.Add($"{fromHead.Count} path(s) outside .dialtone/ differ from HEAD and no signature covers them: blocked");
        var unsigned = current is not null && !HasCountingSignature(ticket, current) ? current.Name : null;
        var changed = last is null ? fromHead : facts.ChangedSince(last.Tree);
        var onlyStaging = last is not null && facts.WorkTreeSnapshot == last.Tree;
        if (onlyStaging)
        {
            reasons.Add("the working tree is exactly the last signature's tree: only the staging differs");
        }

        var (action, hint) = onlyStaging
            ? (StageAllAction, "The working tree is exactly what was signed: stage all of it and commit again.")
            : Fix(ticket, current);
        return new CommitVerdict
        {
            Kind = CommitVerdictKind.Blocked,
            Ticket = ticket.Name,
            StagedTree = staged,
            LastSignature = last,
            Unsigned = unsigned,
            Changed = changed,
            OnlyStagingDiffers = onlyStaging,
            Action = action,
            Hint = hint,
            Warnings = warnings,
            Reasons = reasons,
        };
    }

    /// <summary>The verdict for a ticket branch whose record is not in the work tree: blocked until <paramref name="restore"/> puts it back.</summary>
    public static CommitVerdict MissingRecord(TicketBranch branch, string restore) => new()
    {
        Kind = CommitVerdictKind.MissingRecord,
        Ticket = branch.Branch,
        Source = branch.Source,
        Action = restore,
        Hint = restore.StartsWith("git ", StringComparison.Ordinal)
            ? "That puts the committed record back; then commit again (the gate stages the record with the commit)."
            : "That rewrites the record from this repository's store; then commit again (the gate stages the record with the commit).",
        Reasons = [$"the record {branch.RecordPath} is missing: blocked ({TicketBranch.Describe(branch.Source)})"],
    };

    private static CommitVerdict Signed(Ticket ticket, Attestation signature, string staged, List<string> warnings, List<string> reasons) =>
        new() { Kind = CommitVerdictKind.Signed, Ticket = ticket.Name, StagedTree = staged, Signature = signature, Warnings = warnings, Reasons = reasons };

    private static CommitVerdict PolicyBlocked(Ticket ticket, IReadOnlyList<string> changes, List<string> warnings, List<string> reasons)
    {
        var where = ticket.BaseBranch is { } baseBranch ? $"on the base branch '{baseBranch}'" : "on the base branch";
        return new CommitVerdict
        {
            Kind = CommitVerdictKind.Policy,
            Ticket = ticket.Name,
            PolicyChanges = changes,
            Message = $"Policy in {DialtoneConfig.RelativePath} (grant scopes, gate modes, timeouts, removed watch rules) is the human's: ask them to review and commit this change {where}. Adding watch patterns is always allowed.",
            Hint = "That takes the change out of this commit and resets the file in the work tree to HEAD's.",
            Action = RestoreConfigAction,
            Warnings = warnings,
            Reasons = reasons,
        };
    }

    /// <summary>
    /// A merge may bring a policy change that the base branch committed: the result changes policy
    /// only when it differs, in policy, from every parent.
    /// </summary>
    private static IReadOnlyList<string> MergePolicyChanges(ICommitFacts facts, MergeHead merge)
    {
        if (facts.StagedConfig is not { } config)
        {
            return [];
        }

        var fromHead = PolicyDiff.Changes(config.Head, config.Staged);
        if (fromHead.Count == 0 || merge.Commits.Any(commit => PolicyDiff.Changes(facts.ConfigAt(commit), config.Staged).Count == 0))
        {
            return [];
        }

        return fromHead;
    }

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

    /// <summary>The one command that fixes a block, and what follows it (for a [ticket] line), by where the ticket stands.</summary>
    private static (string Action, string? Hint) Fix(Ticket ticket, Subtask? current)
    {
        if (ticket.Status == TicketStatus.Done || ticket.Subtasks.Count == 0)
        {
            return (NextStep.For(ticket), null);
        }

        if (current is null)
        {
            // Every subtask is done: new work needs a subtask of its own to be signed under.
            return (AddSubtask, "Every subtask is done: this work needs a subtask of its own, signed before it is committed.");
        }

        var missing = current.MissingFields();
        if (missing.Count > 0)
        {
            return (NextStep.FixFields(current.Name, missing), null);
        }

        if (!HasCountingSignature(ticket, current))
        {
            return ($"{NextStep.Cli} ticket next", $"Then sign it: {NextStep.Cli} ticket log \"SIGN: {current.Name} test-command is idempotent and PASS\"");
        }

        // The current subtask is signed and only waits to be marked done: the new work belongs to a later one.
        return ticket.Subtasks.Exists(s => s != current && s.Status != SubtaskStatus.Done)
            ? ($"{NextStep.Cli} ticket next", $"That marks '{current.Name}' done and moves on; sign the next subtask before committing this work.")
            : (AddSubtask, $"This work goes beyond what '{current.Name}' signed.");
    }
}
