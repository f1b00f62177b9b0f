using Dialtone.Tests;

namespace Dialtone.Cli.Tests;

public sealed class StartTests
{
    [Fact]
    public void Start_CreatesBranchRecordAndSchemaLine()
    {
        using var repo = new TempRepo();
        var head = repo.Git("rev-parse", "HEAD");

        var result = Cli.Run(repo.Path_, "ticket", "start", "demo", "--desc", "Try Dialtone");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Lines.ToList();
        Assert.Equal("[ticket] Started: demo", lines[0]);
        Assert.Contains(lines, l => l == $"[ticket] Branch 'demo' created from 'main' at {head[..7]}.");
        Assert.Contains(lines, l => l.StartsWith($"[SCHEMA] Store schema v{Dialtone.Core.Storage.Migrations.Latest} at .git/dialtone/dialtone.duckdb: 1 open ticket, 0 done, 0 subtasks.", StringComparison.Ordinal));
        Assert.StartsWith("[ACTION] ./dialtone.sh ticket subtask add", lines[^1], StringComparison.Ordinal);
        Assert.Equal("demo", repo.Branch);
        Assert.True(repo.Exists(".dialtone/tickets/demo.json"));
        Assert.Contains("\"base\": {", repo.Read(".dialtone/tickets/demo.json"), StringComparison.Ordinal);
        Assert.Contains(head, repo.Read(".dialtone/tickets/demo.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void StartAgain_Resumes_AndSwitchesBackToTheBranch()
    {
        using var repo = new TempRepo();
        Cli.Run(repo.Path_, "ticket", "start", "demo");
        Cli.Run(repo.Path_, "ticket", "subtask", "add", "first", "--desc", "d", "--condition", "exits 0", "--test", "true");
        repo.Commit("record");
        repo.Git("switch", "-q", "main");

        var result = Cli.Run(repo.Path_, "ticket", "start", "demo");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[ticket] Started: demo (resumed; 0 of 1 subtasks done)", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("[ticket] Switched to branch 'demo'.", result.StdOut, StringComparison.Ordinal);
        Assert.Equal("demo", repo.Branch);
        Assert.EndsWith("[ACTION] ./dialtone.sh ticket next\n", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void StartFrom_RecordsTheGivenBase()
    {
        using var repo = new TempRepo();
        repo.Git("switch", "-q", "-c", "release");
        repo.Write("release.txt", "r");
        repo.Commit("release work");
        var releaseHead = repo.Git("rev-parse", "HEAD");
        repo.Git("switch", "-q", "main");

        var result = Cli.Run(repo.Path_, "--json", "ticket", "start", "hotfix", "--from", "release");

        Assert.True(result.ExitCode == 0, result.ToString());
        var ticket = result.Json.GetProperty("data").GetProperty("ticket");
        Assert.Equal("release", ticket.GetProperty("base").GetProperty("branch").GetString());
        Assert.Equal(releaseHead, ticket.GetProperty("base").GetProperty("commit").GetString());
        Assert.Equal(releaseHead, repo.Git("rev-parse", "HEAD"));
        Assert.True(repo.Exists("release.txt"));
    }

    [Theory]
    [InlineData("Demo")]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    [InlineData("trailing-")]
    [InlineData("dot.name")]
    [InlineData("../escape")]
    [InlineData("x\u00e9")]
    [InlineData("a-name-that-is-far-too-long-to-be-a-branch-of-any-sensible-length-x")]
    public void OddNames_ExitTwo_WithAValidExample(string name)
    {
        using var repo = new TempRepo();

        var result = Cli.Run(repo.Path_, "ticket", "start", name);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("[FAIL] Invalid ticket name", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("Example: ./dialtone.sh ticket start fix-login-timeout", result.StdOut, StringComparison.Ordinal);
        Assert.Equal("main", repo.Branch);
        Assert.DoesNotContain("   at ", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithUnknownFrom_ExitsTwo()
    {
        using var repo = new TempRepo();

        var result = Cli.Run(repo.Path_, "ticket", "start", "demo", "--from", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--from 'nope' is not a branch or commit", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_InEmptyRepository_Works()
    {
        using var repo = new TempRepo(commit: false);

        var result = Cli.Run(repo.Path_, "ticket", "start", "first");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("first", repo.Branch);
        Assert.Contains("an unborn HEAD", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_BlockedByLocalChanges_SaysHowToFix()
    {
        using var repo = new TempRepo();
        repo.Git("switch", "-q", "-c", "other");
        repo.Write("README.md", "changed on other\n");
        repo.Commit("other change");
        repo.Git("switch", "-q", "main");
        Cli.Run(repo.Path_, "ticket", "add", "later");
        repo.Git("switch", "-q", "other");
        repo.Git("branch", "later", "main");
        repo.Write("README.md", "uncommitted edit\n");

        var result = Cli.Run(repo.Path_, "ticket", "start", "later");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("[BLOCK] git could not switch to branch 'later'", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("[ACTION] git stash", result.StdOut, StringComparison.Ordinal);
        Assert.Equal("uncommitted edit\n", repo.Read("README.md"));
    }

    [Fact]
    public void Add_CreatesSideQuestWithoutSwitching_StartTakesItUp()
    {
        using var repo = new TempRepo();
        Cli.Run(repo.Path_, "ticket", "start", "main-work");

        var added = Cli.Run(repo.Path_, "ticket", "add", "side-quest", "--desc", "flaky test");

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Contains("[ticket] Added: side-quest (side quest of 'main-work')", added.StdOut, StringComparison.Ordinal);
        Assert.Equal("main-work", repo.Branch);
        Assert.False(repo.Exists(".dialtone/tickets/side-quest.json"));

        var duplicate = Cli.Run(repo.Path_, "ticket", "add", "side-quest");
        Assert.Equal(2, duplicate.ExitCode);

        var started = Cli.Run(repo.Path_, "--json", "ticket", "start", "side-quest");
        Assert.True(started.ExitCode == 0, started.ToString());
        Assert.Equal("side-quest", repo.Branch);
        var ticket = started.Json.GetProperty("data").GetProperty("ticket");
        Assert.Equal("main-work", ticket.GetProperty("parent").GetString());
        Assert.Equal("main-work", ticket.GetProperty("base").GetProperty("branch").GetString());
        Assert.True(repo.Exists(".dialtone/tickets/side-quest.json"));
    }
}
