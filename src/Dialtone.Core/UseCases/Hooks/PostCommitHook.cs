using Dialtone.Core.EvidenceFiles;
using Dialtone.Core.Gates;
using Dialtone.Core.Output;
using Dialtone.Core.Records;
using Dialtone.Core.Storage;
using Dialtone.Core.Workflow;
using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>
/// The post-commit hook: `git commit --no-verify` skips pre-commit and commit-msg but not this, so a
/// commit on a ticket branch that the gate did not pass (no note from pre-commit for this `git
/// commit`, or a note for another tree) becomes `unverified-commit` evidence on the ticket. Merges
/// and bookkeeping commits need no note. The commit goes into the evidence inbox first — the shim
/// writes that line in sh, before any dialtone runs, so pointing DIALTONE_BIN elsewhere does not
/// lose it — and is then taken in here, into the store and the record (the record change is
/// bookkeeping for the next commit). A hook's exit code does not matter to git here, but it must
/// stay quiet and quick: it never fails, and waits for a busy store only briefly, leaving the line
/// to the next command.
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
        var repository = environment.Repository(directory);
        if (repository.Commit("HEAD") is not { } commit)
        {
            return new Reply();
        }

        if (environment.NoteFinding != NoteFinding.Recorded && !Unverified(repository, commit, environment))
        {
            return new Reply();
        }

        return TakeIn(directory, environment, commit);
    }

    /// <summary>
    /// What the shim decides in sh, for hook managers that call dialtone directly: true (and the
    /// commit is in the evidence inbox) when the gate did not pass this commit and it needs a note.
    /// </summary>
    private static bool Unverified(GitRepository repository, CommitFacts commit, HookEnvironment environment)
    {
        var explain = environment.Explain;
        if (GateNote.Take(repository.GitDir) is var (pid, tree) && pid == environment.GitPid && tree.Length > 0
            && !repository.DiffersOutside(tree, commit.Id, SnapshotTree.BookkeepingDirectory))
        {
            explain("the commit gate passed this commit");
            return false;
        }

        if (!repository.ChangesOutside(commit, SnapshotTree.BookkeepingDirectory))
        {
            explain($"{commit.ShortId} changes only .dialtone/ (bookkeeping): it needs no note");
            return false;
        }

        if (commit.IsMerge)
        {
            explain($"{commit.ShortId} is a merge: it needs no note");
            return false;
        }

        if (TicketBranch.BranchOf(repository) is not { } branch)
        {
            return false;
        }

        EvidenceInbox.Append(
            StorePaths.ForCommonDir(repository.CommonDir).Directory,
            new InboxLine(Clock.Now(environment.Time), EvidenceKinds.UnverifiedCommit, branch, "post-commit", commit.Id, commit.Subject));
        return true;
    }

    /// <summary>Resolving the current ticket takes the inbox in; the reply says what it recorded.</summary>
    private static Reply TakeIn(string directory, HookEnvironment environment, CommitFacts commit)
    {
        var reply = new Reply();
        var said = $"Commit {commit.ShortId} was made without passing the commit gate";
        try
        {
            var workspace = Workspace.Discover(directory, environment.Time);
            var wait = Store.LockTimeoutFromEnvironment();
            using var store = Store.Open(workspace.StorePaths, wait < LockWait ? wait : LockWait);
            var ticket = workspace.CurrentTicket(store);
            var detail = EvidenceInbox.UnverifiedCommitText(commit.ShortId, commit.Subject);
            if (ticket is not null && ticket.Evidence.Exists(e => e.Kind == EvidenceKinds.UnverifiedCommit && e.Detail == detail))
            {
                reply.Add(Tag.Warn, $"{said}: recorded on ticket '{ticket.Name}' as {EvidenceKinds.UnverifiedCommit} evidence ({RecordFile.RelativePath(ticket.Name)}); reviewers and dialtone verify see it.");
                return reply;
            }
        }
        catch (DialtoneError ex)
        {
            environment.Explain($"store not available ({ex.Message}): the commit stays in the evidence inbox");
        }

        reply.Add(Tag.Warn, $"{said}: the next dialtone command on this branch records it on the ticket.");
        return reply;
    }
}
