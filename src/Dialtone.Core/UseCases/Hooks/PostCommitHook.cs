using Dialtone.Core.EvidenceFiles;
using Dialtone.Core.Gates;
using Dialtone.Core.Output;
using Dialtone.Core.Records;
using Dialtone.Core.Signing;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>
/// The post-commit hook: `git commit --no-verify` skips pre-commit and commit-msg but not this, so a
/// commit on a ticket branch that the gate did not pass (no note from pre-commit for this `git
/// commit`, or a note for another tree) becomes `unverified-commit` evidence on the ticket, in the
/// store and the record (the record change is bookkeeping for the next commit). Merges and
/// bookkeeping commits need no note. A hook's exit code does not matter to git here, but it must stay
/// quiet and quick: it never fails, waits for a busy store only briefly, and then leaves the line in
/// the evidence inbox for the next command.
/// </summary>
public static class PostCommitHook
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(1);

    public static Reply Run(string directory, HookEnvironment environment)
    {
        try
        {
            return Check(directory, environment);
        }
        // A commit is already made; nothing here may turn it into an error.
        catch (Exception ex)
        {
            environment.Notice($"dialtone post-commit: the commit was not checked ({TicketText.OneLine(ex.Message, 200)}); dialtone verify re-checks every commit in CI.");
            return new Reply();
        }
    }

    private static Reply Check(string directory, HookEnvironment environment)
    {
        var explain = environment.Explain;
        var repository = environment.Repository(directory);
        if (repository.Commit("HEAD") is not { } commit)
        {
            return new Reply();
        }

        var finding = environment.NoteFinding;
        if (finding == NoteFinding.Unknown)
        {
            // Called by another hook manager, not the shim: read pre-commit's note here.
            var note = GateNote.Take(repository.GitDir);
            if (note is var (pid, tree) && pid == environment.GitPid)
            {
                if (tree == commit.Tree)
                {
                    explain("the commit gate passed this commit");
                    return new Reply();
                }

                finding = NoteFinding.TreeDiffers;
            }
            else
            {
                finding = NoteFinding.None;
            }
        }

        if (commit.IsMerge)
        {
            explain($"{commit.ShortId} is a merge: it needs no note");
            return new Reply();
        }

        if (!repository.ChangesOutside(commit, SnapshotTree.BookkeepingDirectory))
        {
            explain($"{commit.ShortId} changes only .dialtone/ (bookkeeping): it needs no note");
            return new Reply();
        }

        if (TicketBranch.BranchOf(repository) is not { } branch)
        {
            return new Reply();
        }

        var detail = EvidenceInbox.UnverifiedCommitText(commit.ShortId, commit.Subject)
            + (finding == NoteFinding.TreeDiffers ? ": it records another tree than the one the gate passed" : "");
        explain($"{commit.ShortId} was not passed by the commit gate ({finding}): recording it");
        return Record(directory, repository, environment, branch, commit, detail);
    }

    private static Reply Record(string directory, GitRepository repository, HookEnvironment environment, string branch, CommitFacts commit, string detail)
    {
        var reply = new Reply();
        try
        {
            var workspace = Workspace.Discover(directory, environment.Time);
            var wait = Store.LockTimeoutFromEnvironment();
            using var store = Store.Open(workspace.StorePaths, wait < LockWait ? wait : LockWait);
            if (workspace.CurrentTicket(store) is { } ticket)
            {
                Chain.AddEvidence(ticket, EvidenceKinds.UnverifiedCommit, detail, workspace.Now());
                workspace.Save(store, ticket);
                reply.Add(Tag.Warn, $"Commit {commit.ShortId} was made without passing the commit gate: recorded on ticket '{ticket.Name}' as {EvidenceKinds.UnverifiedCommit} evidence ({RecordFile.RelativePath(ticket.Name)}); reviewers and dialtone verify see it.");
                return reply;
            }
        }
        catch (DialtoneError ex)
        {
            environment.Explain($"store not available ({ex.Message}): leaving the commit in the evidence inbox");
        }

        EvidenceInbox.Append(
            StorePaths.ForCommonDir(repository.CommonDir).Directory,
            new InboxLine(Clock.Now(environment.Time), EvidenceKinds.UnverifiedCommit, branch, "post-commit", commit.Id, commit.Subject));
        reply.Add(Tag.Warn, $"Commit {commit.ShortId} was made without passing the commit gate: the next dialtone command records it on the ticket of '{Names.Printable(branch)}'.");
        return reply;
    }
}
