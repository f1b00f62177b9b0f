namespace Dialtone.Cli.Tests.Hooks;

/// <summary>
/// Commits that skip the gate cannot be stopped locally, but they leave evidence on the ticket:
/// `--no-verify` through post-commit, DIALTONE=0 and a missing CLI through the evidence inbox.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EvidenceHookTests
{
    private static readonly Dictionary<string, string?> Skip = new() { ["DIALTONE"] = "0" };

    [Fact]
    public void NoVerify_OnATicketBranch_IsRecordedAsUnverifiedCommit_InStoreAndRecord()
    {
        using var repo = Planned();
        repo.Repo.Write("a.txt", "unsigned work\n");
        repo.Git("add", "-A");

        var commit = repo.Git("commit", "--no-verify", "-m", "Skip the gate");

        HookedRepo.Expect(0, commit);
        var sha = repo.Head[..7];
        Assert.Contains($"[WARN] Commit {sha} was made without passing the commit gate: recorded on ticket 'feature'", commit.StdErr, StringComparison.Ordinal);
        (string, string)[] expected = [("unverified-commit", $"commit {sha} 'Skip the gate' was made without passing the commit gate")];
        Assert.Equal(expected, repo.RecordEvidence("feature"));
        Assert.Equal(expected, repo.StoreEvidence("feature"));

        // The record change is bookkeeping: the next commit carries it through the gate.
        repo.Git("add", "-A");
        var next = HookedRepo.Expect(0, repo.Git("commit", "-m", "Record the evidence"));
        Assert.Contains("[PASS] Commit gate: nothing outside .dialtone/ changes (ticket bookkeeping).", next.StdErr, StringComparison.Ordinal);
        Assert.Contains("unverified-commit", repo.Repo.Git("show", "HEAD:.dialtone/tickets/feature.json"), StringComparison.Ordinal);
        Assert.Single(repo.RecordEvidence("feature"));
    }

    [Fact]
    public void GatedCommits_LeaveNoEvidence_AndPostCommitStartsNoDialtone()
    {
        using var repo = Planned();
        repo.Repo.Write("a.txt", "hello\n");
        repo.RunAndSign("greet");
        repo.Git("add", "-A");
        var before = repo.Calls.Count;

        HookedRepo.Expect(0, repo.Git("commit", "-m", "Greet"));
        HookedRepo.Expect(0, repo.Git("commit", "--amend", "--no-edit"));

        Assert.Equal(["hook pre-commit", "hook pre-commit"], repo.Calls.Skip(before));
        Assert.Empty(repo.RecordEvidence("feature"));
        Assert.False(File.Exists(Path.Combine(repo.Path_, ".git", "dialtone-commit-gate")) && new FileInfo(Path.Combine(repo.Path_, ".git", "dialtone-commit-gate")).Length > 0);
    }

    [Fact]
    public void NoVerify_OfBookkeepingOrOfARealMerge_NeedsNoNote()
    {
        using var repo = new HookedRepo();
        repo.Repo.Git("branch", "upstream");
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "--no-verify", "-m", "Plan the ticket"));
        repo.Git("switch", "-q", "upstream");
        repo.Repo.Write("theirs.txt", "someone else's work\n");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "their work"));
        repo.Git("switch", "-q", "feature");
        HookedRepo.Expect(0, repo.Git("merge", "--no-ff", "--no-commit", "upstream"));

        var merge = repo.Git("commit", "--no-verify", "-m", "Merge upstream");

        HookedRepo.Expect(0, merge);
        Assert.DoesNotContain("[WARN]", merge.StdErr, StringComparison.Ordinal);
        Assert.Empty(repo.RecordEvidence("feature"));
        Assert.Null(repo.Inbox);
    }

    [Fact]
    public void AnotherHookManager_CallingPostCommit_WithANoteForAnotherTree_RecordsIt_AndAFakeBinLosesNothing()
    {
        using var repo = Planned();
        repo.Repo.Write("a.txt", "unsigned work\n");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git(Skip, "commit", "-q", "-m", "Made elsewhere"));
        HookedRepo.Expect(0, repo.Dialtone("ticket", "status"));
        var asGit = repo.Environment(new Dictionary<string, string?> { ["DIALTONE_GIT_PID"] = "4242" });
        var note = Path.Combine(repo.Path_, ".git", "dialtone-commit-gate");

        File.WriteAllText(note, $"4242\n{repo.Repo.Git("rev-parse", "HEAD^{tree}")}\n");
        HookedRepo.Expect(0, Cli.Run(repo.Path_, asGit, "hook", "post-commit"));
        var vouched = repo.RecordEvidence("feature").Count;
        File.WriteAllText(note, $"4242\n{repo.Repo.Git("rev-parse", "HEAD~1^{tree}")}\n");
        var other = HookedRepo.Expect(0, Cli.Run(repo.Path_, asGit, "hook", "post-commit"));

        Assert.Contains("[WARN] Commit", other.StdOut, StringComparison.Ordinal);
        var evidence = repo.RecordEvidence("feature");
        Assert.Equal(vouched + 1, evidence.Count);
        Assert.EndsWith("'Made elsewhere' was made without passing the commit gate", evidence[^1].Detail, StringComparison.Ordinal);
        Assert.Null(repo.Inbox);
    }

    [Fact]
    public void NoVerify_WithAFakeCli_StillLeavesTheCommitInTheInbox()
    {
        using var repo = Planned();
        var fake = repo.Repo.Sibling("fake-dialtone");
        File.WriteAllText(fake, "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(fake, (UnixFileMode)0b111_101_101);
        repo.Repo.Write("a.txt", "unsigned work\n");
        repo.Git("add", "-A");

        HookedRepo.Expect(0, repo.Git(new Dictionary<string, string?> { ["DIALTONE_BIN"] = fake }, "commit", "--no-verify", "-m", "Nobody checks"));

        Assert.Contains($"\tunverified-commit\tfeature\tpost-commit\t{repo.Head}\tNobody checks", repo.Inbox, StringComparison.Ordinal);
        HookedRepo.Expect(0, repo.Dialtone("ticket", "status"));
        Assert.Equal("unverified-commit", Assert.Single(repo.RecordEvidence("feature")).Kind);
    }

    [Fact]
    public void DialtoneZero_OnATicketBranch_LeavesALine_ThatTheNextCommandRecords()
    {
        using var repo = Planned();
        repo.Repo.Write("a.txt", "unsigned work\n");
        repo.Git("add", "-A");

        var commit = repo.Git(Skip, "commit", "-m", "Emergency fix");

        HookedRepo.Expect(0, commit);
        Assert.Contains("dialtone: DIALTONE=0, pre-commit checks skipped.", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("dialtone: 'feature' is a ticket branch: the skip is recorded on its ticket as gate-skipped evidence.", commit.StdErr, StringComparison.Ordinal);
        var sha = repo.Head;
        var lines = repo.Inbox!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\tgate-skipped\tfeature\tpre-commit\t[0-9a-f]{40}\t$", lines[0]);
        Assert.EndsWith($"\tgate-skipped\tfeature\tpost-commit\t{sha}\tEmergency fix", lines[1], StringComparison.Ordinal);
        Assert.Empty(repo.RecordEvidence("feature"));

        HookedRepo.Expect(0, repo.Dialtone("ticket", "status"));

        Assert.Null(repo.Inbox);
        (string, string)[] expected = [("gate-skipped", $"commit {sha[..7]} 'Emergency fix' was made with DIALTONE=0: no Dialtone hook checked it")];
        Assert.Equal(expected, repo.RecordEvidence("feature"));
        Assert.Equal(expected, repo.StoreEvidence("feature"));
    }

    [Fact]
    public void DialtoneZero_AwayFromTickets_LeavesNothing_ButABranchSwitchOntoOneDoes()
    {
        using var repo = Planned();
        repo.Git("switch", "-q", "main");
        repo.Repo.Write("plain.txt", "x\n");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git(Skip, "commit", "-m", "plain"));
        Assert.Null(repo.Inbox);

        HookedRepo.Expect(0, repo.Git(Skip, "switch", "-q", "feature"));

        Assert.Contains("\tgate-skipped\tfeature\tpost-checkout\t", repo.Inbox, StringComparison.Ordinal);
        HookedRepo.Expect(0, repo.Dialtone("ticket", "status"));
        Assert.Equal("gate-skipped", Assert.Single(repo.RecordEvidence("feature")).Kind);
        Assert.StartsWith("post-checkout ran with DIALTONE=0 on 'feature' at ", repo.RecordEvidence("feature")[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void NoVerify_WithoutACli_LeavesALine_ThatTheNextCommandRecords()
    {
        using var repo = Planned();
        var noCli = new Dictionary<string, string?> { ["DIALTONE_BIN"] = null, ["PATH"] = "/usr/bin:/bin" };
        repo.Repo.Write("a.txt", "unsigned work\n");
        repo.Git("add", "-A");

        var commit = repo.Git(noCli, "commit", "--no-verify", "-m", "No CLI, no gate");

        HookedRepo.Expect(0, commit);
        Assert.Contains("dialtone post-commit: no dialtone CLI found; this commit is recorded", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("\tunverified-commit\tfeature\tpost-commit\t", repo.Inbox, StringComparison.Ordinal);

        HookedRepo.Expect(0, repo.Dialtone("ticket", "status"));

        Assert.Equal([("unverified-commit", $"commit {repo.Head[..7]} 'No CLI, no gate' was made without passing the commit gate")], repo.RecordEvidence("feature"));
    }

    [Fact]
    public void PostCommit_IsInstalled_Chained_AndReported()
    {
        using var repo = new HookedRepo(install: false);
        var hook = Path.Combine(repo.Path_, ".git", "hooks", "post-commit");
        File.WriteAllText(hook, "#!/bin/sh\necho ran >> \"$(git rev-parse --git-common-dir)/their-post-commit.log\"\n");
        File.SetUnixFileMode(hook, (UnixFileMode)0b111_101_101);

        var install = HookedRepo.Expect(0, repo.Dialtone("hooks", "install"));
        Assert.Contains("  post-commit         installed; runs post-commit.dialtone-chained first", install.StdOut, StringComparison.Ordinal);
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "Plan the ticket"));
        Assert.Equal("ran\n", File.ReadAllText(Path.Combine(repo.Path_, ".git", "their-post-commit.log")));
        Assert.Contains("  post-commit         installed; runs", repo.Dialtone("hooks", "status").StdOut, StringComparison.Ordinal);

        HookedRepo.Expect(0, repo.Dialtone("hooks", "uninstall"));
        Assert.StartsWith("#!/bin/sh\necho ran", File.ReadAllText(hook), StringComparison.Ordinal);
    }

    /// <summary>A ticket branch with one subtask and its plan committed through the gate.</summary>
    private static HookedRepo Planned()
    {
        var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "Plan the ticket"));
        return repo;
    }
}
