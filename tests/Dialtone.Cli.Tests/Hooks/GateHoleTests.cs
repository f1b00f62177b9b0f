namespace Dialtone.Cli.Tests.Hooks;

/// <summary>
/// The ways an agent could get unsigned work past the commit gate without `--no-verify`, each tried
/// the way an agent would: a real repository, the installed hooks, the real CLI, `git commit`.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GateHoleTests
{
    private const string Record = ".dialtone/tickets/feature.json";

    [Fact]
    public void RecordMovedAside_BeforeItWasEverCommitted_IsBlocked_AndTicketStatusPutsItBack()
    {
        using var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        var head = repo.Head;
        repo.Repo.Write("a.txt", "unsigned work\n");
        File.Move(Path.Combine(repo.Path_, Record), repo.Repo.Sibling("feature.json"));
        repo.Git("add", "-A");

        var commit = repo.Git("commit", "-m", "x");

        HookedRepo.Expect(1, commit);
        Assert.Contains("[BLOCK] Commit blocked: 'feature' is a ticket branch (ticket start marked it in this repository's store directory), but its record .dialtone/tickets/feature.json is not in the work tree", commit.StdErr, StringComparison.Ordinal);
        Assert.EndsWith("[ACTION] ./dialtone.sh ticket status\n", commit.StdErr, StringComparison.Ordinal);
        Assert.Equal(head, repo.Head);

        // gate commit gives the same verdict without committing.
        var gate = HookedRepo.Expect(1, repo.Dialtone("--json", "gate", "commit")).Json.GetProperty("data").GetProperty("gate");
        Assert.Equal("missing-record", gate.GetProperty("verdict").GetString());
        Assert.Equal("marker", gate.GetProperty("knownBy").GetString());
        Assert.Equal("./dialtone.sh ticket status", gate.GetProperty("action").GetString());

        // The action does what it says: the record comes back from the store, and the gate judges the work again.
        HookedRepo.Expect(0, repo.Dialtone("ticket", "status"));
        Assert.True(repo.Repo.Exists(Record));
        repo.Git("add", "-A");
        var again = HookedRepo.Expect(1, repo.Git("commit", "-m", "x"));
        Assert.Contains("subtask 'greet' is not signed", again.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordMovedAside_InALinkedWorktreeWithSpaces_IsBlockedByTheSharedMarker()
    {
        using var repo = new HookedRepo();
        var worktree = repo.Repo.Sibling("second tree");
        repo.Repo.Git("worktree", "add", "-q", "-b", "scratch", worktree);
        HookedRepo.Expect(0, repo.DialtoneIn(worktree, "ticket", "start", "feature"));
        Assert.True(File.Exists(Path.Combine(repo.Path_, ".git", "dialtone", "branches", "feature")));
        File.Delete(Path.Combine(worktree, Record));
        File.WriteAllText(Path.Combine(worktree, "a.txt"), "unsigned work\n");
        repo.GitIn(worktree, null, "add", "-A");

        var commit = repo.GitIn(worktree, null, "commit", "-m", "x");

        HookedRepo.Expect(1, commit);
        Assert.Contains("[BLOCK] Commit blocked: 'feature' is a ticket branch (ticket start marked it", commit.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void FreshClone_WithTheRecordRemovedFromHistory_IsStillATicketBranch_ByItsTrailers()
    {
        using var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "Plan the ticket"));
        repo.Git("rm", "-q", "--cached", Record);
        HookedRepo.Expect(0, repo.Git("commit", "--no-verify", "-m", "Drop the record"));
        var removal = repo.Head;
        var clone = repo.Repo.Clone("clone", "-b", "feature");
        HookedRepo.Expect(0, repo.DialtoneIn(clone.Path_, "hooks", "install"));
        Assert.False(clone.Exists(Record));

        // A branch made from the ticket branch carries 'feature' trailers, but it is not 'feature'.
        clone.Git("switch", "-q", "-c", "feature-2");
        clone.Write("b.txt", "ordinary work\n");
        repo.GitIn(clone.Path_, null, "add", "-A");
        var calls = repo.Calls.Count;
        HookedRepo.Expect(0, repo.GitIn(clone.Path_, null, "commit", "-m", "ordinary"));
        Assert.Equal(calls, repo.Calls.Count);

        clone.Git("switch", "-q", "feature");
        clone.Write("a.txt", "unsigned work\n");
        repo.GitIn(clone.Path_, null, "add", "-A");
        var commit = repo.GitIn(clone.Path_, null, "commit", "-m", "no record, no store");

        HookedRepo.Expect(1, commit);
        Assert.Contains("[BLOCK] Commit blocked: 'feature' is a ticket branch (its commits carry 'Dialtone-Ticket' trailers naming it)", commit.StdErr, StringComparison.Ordinal);
        var action = $"git checkout {removal[..12]}~1 -- {Record}";
        Assert.EndsWith($"[ACTION] {action}\n", commit.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(clone.Path_, ".git", "dialtone")), "the gate never opens (or creates) the store");

        clone.Git(action.Split(' ')[1..]);
        Assert.True(clone.Exists(Record));
        var again = HookedRepo.Expect(1, repo.GitIn(clone.Path_, null, "commit", "-m", "record back"));
        Assert.Contains("subtask 'greet' is not signed", again.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("head")]
    [InlineData("ancestor")]
    [InlineData("missing")]
    [InlineData("garbage")]
    [InlineData("descendant")]
    public void FakeMergeHead_IsIgnored_WithAWarning_AndTheCommitIsJudgedLikeAnyOther(string fake)
    {
        using var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "Plan the ticket"));
        var head = repo.Head;
        var gitDir = Path.Combine(repo.Path_, ".git");
        if (fake == "descendant")
        {
            // A commit of its own on top of HEAD: git would record it as the only parent, with any tree.
            repo.Git("switch", "-q", "-c", "side");
            repo.Repo.Write("side.txt", "side\n");
            repo.Git("add", "-A");
            HookedRepo.Expect(0, repo.Git("commit", "-m", "side"));
            repo.Git("switch", "-q", "feature");
        }

        var name = fake switch
        {
            "head" => head,
            "descendant" => repo.Repo.Git("rev-parse", "side"),
            "ancestor" => repo.Repo.Git("rev-parse", "HEAD~1"),
            "missing" => "0123456789abcdef0123456789abcdef01234567",
            _ => "not a commit",
        };
        File.WriteAllText(Path.Combine(gitDir, "MERGE_HEAD"), name + "\n");

        if (fake == "ancestor")
        {
            // With MERGE_MODE no-ff git would even record the ancestor as a second parent: still no new work.
            File.WriteAllText(Path.Combine(gitDir, "MERGE_MODE"), "no-ff");
        }

        repo.Repo.Write("a.txt", "unsigned work\n");
        repo.Git("add", "-A");

        var gate = HookedRepo.Expect(1, repo.Dialtone("--json", "gate", "commit")).Json.GetProperty("data").GetProperty("gate");
        var commit = repo.Git("commit", "-m", "x");

        HookedRepo.Expect(1, commit);
        Assert.Contains("[WARN] MERGE_HEAD was ignored: ", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("[BLOCK] Commit blocked on ticket 'feature': subtask 'greet' is not signed", commit.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("[PASS]", commit.StdErr, StringComparison.Ordinal);
        Assert.Equal(head, repo.Head);
        Assert.Equal("blocked", gate.GetProperty("verdict").GetString());
        Assert.StartsWith("MERGE_HEAD was ignored", gate.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RealMerge_StillPasses_AsTwoParents()
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
        var theirs = repo.Head;
        repo.Git("switch", "-q", "feature");
        HookedRepo.Expect(0, repo.Git("merge", "--no-ff", "--no-commit", "upstream"));

        var commit = repo.Git("commit", "-m", "Merge upstream");

        HookedRepo.Expect(0, commit);
        Assert.Contains($"[PASS] Commit gate: a merge commit passes (it brings in {theirs[..7]})", commit.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("[WARN]", commit.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, repo.Repo.Git("log", "-1", "--format=%P").Split(' ').Length);
    }

    [Fact]
    public void PolicyInConfig_IsNotBookkeeping_OnATicketBranch()
    {
        using var repo = new HookedRepo();
        const string Policy = """
            {
              "test": { "timeoutSeconds": 600 },
              "alerts": { "watch": ["docs/**/*.md"] },
              "grants": { "sandbox": { "env": "SANDBOX_KEY", "mint": "tools/mint.sh", "maxDuration": "1h" } }
            }
            """;
        repo.Repo.Write(".dialtone/config.json", Policy);
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "The human's policy"));
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "Plan the ticket"));

        // A 24 h grant scope of its own, nothing watched, and all the time in the world.
        repo.Repo.Write(".dialtone/config.json", """
            {
              "test": { "timeoutSeconds": 86400 },
              "alerts": { "watch": [] },
              "grants": {
                "sandbox": { "env": "SANDBOX_KEY", "mint": "tools/mint.sh", "maxDuration": "1h" },
                "deploy": { "env": "DEPLOY_KEY", "mint": "tools/mint.sh", "maxDuration": "24h" }
              }
            }
            """);
        repo.Git("add", "-A");

        var gate = HookedRepo.Expect(1, repo.Dialtone("--json", "gate", "commit")).Json.GetProperty("data").GetProperty("gate");
        var commit = repo.Git("commit", "-m", "Tweak the config");

        HookedRepo.Expect(1, commit);
        Assert.Contains("[BLOCK] Commit blocked on ticket 'feature': the staged .dialtone/config.json changes policy: ", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("'test.timeoutSeconds' changed from 600 to 86400", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("'alerts.watch' no longer watches 'docs/**/*.md'", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("'grants.deploy' was added", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("[MESSAGE] Policy in .dialtone/config.json", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("on the base branch 'main'", commit.StdErr, StringComparison.Ordinal);
        Assert.EndsWith("[ACTION] git restore --staged --worktree -- .dialtone/config.json\n", commit.StdErr, StringComparison.Ordinal);
        Assert.Equal("policy", gate.GetProperty("verdict").GetString());
        Assert.Equal(3, gate.GetProperty("policyChanges").GetArrayLength());

        // git commit -a stages into a temporary index: the gate reads that one.
        repo.Git("reset", "-q");
        var all = HookedRepo.Expect(1, repo.Git("commit", "-a", "-m", "Tweak the config, all of it"));
        Assert.Contains("'grants.deploy' was added", all.StdErr, StringComparison.Ordinal);

        // The action runs as printed and leaves the human's policy in place.
        repo.Git("restore", "--staged", "--worktree", "--", ".dialtone/config.json");
        Assert.Equal(Policy, repo.Repo.Read(".dialtone/config.json"));

        // Watching more is never policy.
        repo.Repo.Write(".dialtone/config.json", Policy.Replace("[\"docs/**/*.md\"]", "[\"docs/**/*.md\", \"design/**/*.md\"]", StringComparison.Ordinal));
        repo.Git("add", "-A");
        var watchMore = HookedRepo.Expect(0, repo.Git("commit", "-m", "Watch the design folder"));
        Assert.Contains("[PASS] Commit gate: nothing outside .dialtone/ changes (ticket bookkeeping).", watchMore.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnstagingTheRecord_DoesNotCommitItsDeletion()
    {
        using var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "Plan the ticket"));
        repo.Git("rm", "-q", "--cached", Record);

        var commit = repo.Git("commit", "-m", "Drop the record from git");

        HookedRepo.Expect(0, commit);
        Assert.Contains("[ticket] Staged .dialtone/tickets/feature.json with the commit.", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("\"ticket\": \"feature\"", repo.Repo.Git("show", $"HEAD:{Record}"), StringComparison.Ordinal);
    }

    [Fact]
    public void WatchRm_OfAConfiguredPattern_StaysInTheStore_NothingToCommit()
    {
        using var repo = new HookedRepo();
        repo.Repo.Write(".dialtone/config.json", "{ \"alerts\": { \"watch\": [\"docs/**/*.md\"] } }\n");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "The human's policy"));
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "Plan the ticket"));

        HookedRepo.Expect(0, repo.Dialtone("ticket", "watch", "rm", "docs/**/*.md"));
        HookedRepo.Expect(0, repo.Dialtone("ticket", "watch", "add", "design/**/*.md"));

        Assert.Equal("", repo.Repo.Git("status", "--porcelain", "--", ".dialtone/config.json"));
        Assert.Equal("{ \"alerts\": { \"watch\": [\"docs/**/*.md\"] } }\n", repo.Repo.Git("show", "HEAD:.dialtone/config.json") + "\n");
    }
}
