namespace Dialtone.Cli.Tests.Hooks;

/// <summary>The next gate as an agent meets it: real `git commit`s through the installed hooks.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CommitGateHookTests
{
    [Fact]
    public void BranchWithoutTicket_CommitsPass_WithoutStartingDialtone()
    {
        using var repo = new HookedRepo();
        var before = repo.Calls.Count;
        repo.Repo.Write("notes.txt", "plain work\n");
        repo.Git("add", "-A");

        var commit = repo.Git("commit", "-m", "plain work");

        HookedRepo.Expect(0, commit);
        Assert.Equal(before, repo.Calls.Count);
        Assert.DoesNotContain("Dialtone-", repo.Repo.Git("log", "-1", "--format=%B"), StringComparison.Ordinal);
    }

    [Fact]
    public void UnsignedWork_IsBlocked_NamingTheSubtaskAndTheFix()
    {
        using var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        var head = repo.Head;
        repo.Repo.Write("a.txt", "hello\n");
        repo.Git("add", "-A");

        var commit = repo.Git("commit", "-m", "sneak it in");

        HookedRepo.Expect(1, commit);
        Assert.Contains("[BLOCK] Commit blocked on ticket 'feature': subtask 'greet' is not signed", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("  A a.txt", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("[ticket] Then sign it: ./dialtone.sh ticket log \"SIGN: greet test-command is idempotent and PASS\"", commit.StdErr, StringComparison.Ordinal);
        Assert.EndsWith("[ACTION] ./dialtone.sh ticket next\n", commit.StdErr, StringComparison.Ordinal);
        Assert.Equal(head, repo.Head);
        Assert.Contains("hook pre-commit", repo.Calls);
    }

    [Fact]
    public void SignedWork_Passes_WithTrailers_AndTheRecordStagedAlong()
    {
        using var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Repo.Write("a.txt", "hello\n");
        repo.RunAndSign("greet");
        repo.Git("add", "a.txt");

        var commit = repo.Git("commit", "-m", "Greet the world");

        HookedRepo.Expect(0, commit);
        Assert.Contains("[PASS] Commit gate: the staged work is what 'greet' signed (attestation #1", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("[ticket] Staged .dialtone/tickets/feature.json with the commit.", commit.StdErr, StringComparison.Ordinal);
        var message = repo.Repo.Git("log", "-1", "--format=%B");
        Assert.Equal("Greet the world\n\nDialtone-Ticket: feature\nDialtone-Subtask: greet", message);
        Assert.Equal(["feature", "greet"], [repo.Repo.Git("log", "-1", "--format=%(trailers:key=Dialtone-Ticket,valueonly)"), repo.Repo.Git("log", "-1", "--format=%(trailers:key=Dialtone-Subtask,valueonly)")]);
        Assert.Contains(".dialtone/tickets/feature.json", repo.Repo.Git("show", "--name-only", "--format=", "HEAD"), StringComparison.Ordinal);
        Assert.Contains("\"attestations\"", repo.Repo.Git("show", "HEAD:.dialtone/tickets/feature.json"), StringComparison.Ordinal);
        Assert.Equal("", repo.Repo.Git("status", "--porcelain"));
    }

    [Fact]
    public void WorkChangedAfterSigning_IsBlocked_ListingThePaths()
    {
        using var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Repo.Write("a.txt", "hello\n");
        repo.RunAndSign("greet");
        repo.Repo.Write("a.txt", "hello, changed after signing\n");
        repo.Repo.Write("b.txt", "unsigned extra\n");
        repo.Git("add", "-A");

        var commit = repo.Git("commit", "-m", "more than was signed");

        HookedRepo.Expect(1, commit);
        Assert.Contains("[BLOCK] Commit blocked on ticket 'feature': the staged work differs from what 'greet' signed (attestation #1) in 2 paths.", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("  M a.txt", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("  A b.txt", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("[ACTION] ./dialtone.sh ticket subtask add", commit.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void SignedTreeStagedOnlyInPart_SaysStageAll()
    {
        using var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Repo.Write("a.txt", "hello\n");
        repo.Repo.Write("b.txt", "part of the signed tree too\n");
        repo.RunAndSign("greet");
        repo.Git("add", "a.txt");

        var commit = repo.Git("commit", "-m", "half of it");

        HookedRepo.Expect(1, commit);
        Assert.Contains("  D b.txt", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("[ticket] The working tree is exactly what was signed: stage all of it and commit again.", commit.StdErr, StringComparison.Ordinal);
        Assert.EndsWith("[ACTION] git add -A\n", commit.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void CommitAll_IsGatedOnGitsTemporaryIndex()
    {
        using var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Repo.Write("a.txt", "hello\n");
        repo.RunAndSign("greet");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "first"));
        repo.AddSubtask("polish", "a.txt");
        repo.Repo.Write("a.txt", "hello, polished\n");
        repo.RunAndSign("polish");

        var commit = repo.Git("commit", "-a", "-m", "polish via -a");

        HookedRepo.Expect(0, commit);
        Assert.Equal("polish", repo.Repo.Git("log", "-1", "--format=%(trailers:key=Dialtone-Subtask,valueonly)"));
        Assert.Equal("", repo.Repo.Git("status", "--porcelain"));
    }

    [Fact]
    public void Bookkeeping_PassesWithTheTicketTrailerOnly()
    {
        using var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Git("add", "-A");

        var commit = repo.Git("commit", "-m", "Plan the ticket");

        HookedRepo.Expect(0, commit);
        Assert.Contains("[PASS] Commit gate: nothing outside .dialtone/ changes (ticket bookkeeping).", commit.StdErr, StringComparison.Ordinal);
        Assert.Equal("Plan the ticket\n\nDialtone-Ticket: feature", repo.Repo.Git("log", "-1", "--format=%B"));
        Assert.Contains(".dialtone/tickets/feature.json", repo.Repo.Git("show", "--name-only", "--format=", "HEAD"), StringComparison.Ordinal);
    }

    [Fact]
    public void DeletingTheCommittedRecord_BlocksUntilItIsCheckedOutAgain()
    {
        using var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "Plan the ticket"));
        File.Delete(Path.Combine(repo.Path_, ".dialtone", "tickets", "feature.json"));
        repo.Repo.Write("a.txt", "hello\n");
        repo.Git("add", "-A");

        var commit = repo.Git("commit", "-m", "no record, no gate?");

        HookedRepo.Expect(1, commit);
        Assert.Contains("[BLOCK] Commit blocked: 'feature' is a ticket branch", commit.StdErr, StringComparison.Ordinal);
        Assert.EndsWith("[ACTION] git checkout HEAD -- .dialtone/tickets/feature.json\n", commit.StdErr, StringComparison.Ordinal);

        repo.Git("checkout", "HEAD", "--", ".dialtone/tickets/feature.json");
        var again = HookedRepo.Expect(1, repo.Git("commit", "-m", "record back"));
        Assert.Contains("subtask 'greet' is not signed", again.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeCommits_Pass_WithoutTrailers()
    {
        using var repo = new HookedRepo();
        repo.Repo.Git("branch", "upstream");
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "Plan the ticket"));
        repo.Git("switch", "-q", "upstream");
        repo.Repo.Write("theirs.txt", "someone else's work\n");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "their work"));
        repo.Repo.Write("more.txt", "more of their work\n");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "more of their work"));
        repo.Git("switch", "-q", "feature");

        // A merge git concludes itself runs no pre-commit; one the user concludes does (MERGE_HEAD).
        HookedRepo.Expect(0, repo.Git("merge", "--no-ff", "-m", "Merge upstream", "upstream~1"));
        HookedRepo.Expect(0, repo.Git("merge", "--no-ff", "--no-commit", "upstream"));
        var concluded = repo.Git("commit", "-m", "Merge more upstream");

        HookedRepo.Expect(0, concluded);
        Assert.Contains("[PASS] Commit gate: a merge commit passes", concluded.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Dialtone-", repo.Repo.Git("log", "-2", "--format=%B"), StringComparison.Ordinal);
        Assert.Equal("2", repo.Repo.Git("rev-list", "--merges", "--count", "HEAD"));
    }

    [Fact]
    public void DialtoneZero_SkipsLoudly()
    {
        using var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Repo.Write("a.txt", "hello\n");
        repo.Git("add", "-A");

        var commit = repo.Git(new Dictionary<string, string?> { ["DIALTONE"] = "0" }, "commit", "-m", "emergency");

        HookedRepo.Expect(0, commit);
        Assert.Contains("dialtone: DIALTONE=0, pre-commit checks skipped.", commit.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Dialtone-", repo.Repo.Git("log", "-1", "--format=%B"), StringComparison.Ordinal);
    }

    [Fact]
    public void DialtoneDebug_ExplainsEachDecision()
    {
        using var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Repo.Write("a.txt", "hello\n");
        repo.RunAndSign("greet");
        repo.Git("add", "-A");

        var commit = repo.Git(new Dictionary<string, string?> { ["DIALTONE_DEBUG"] = "1" }, "commit", "-m", "explained");

        HookedRepo.Expect(0, commit);
        Assert.Contains("dialtone pre-commit: ticket branch 'feature': running", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("dialtone pre-commit: branch 'feature' has the record .dialtone/tickets/feature.json in the work tree", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("dialtone pre-commit: attestation #1 'greet' at tree", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("dialtone prepare-commit-msg: adding trailers for ticket 'feature'", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("dialtone commit-msg: nothing to check on 'feature' yet", commit.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Amend_KeepsTheTrailersOnce()
    {
        using var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Repo.Write("a.txt", "hello\n");
        repo.RunAndSign("greet");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "Greet"));

        HookedRepo.Expect(0, repo.Git("commit", "--amend", "--no-edit"));

        Assert.Equal("Greet\n\nDialtone-Ticket: feature\nDialtone-Subtask: greet", repo.Repo.Git("log", "-1", "--format=%B"));
    }
}
