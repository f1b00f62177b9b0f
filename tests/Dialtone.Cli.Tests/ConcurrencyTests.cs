using Dialtone.Core.Storage;
using Dialtone.Tests;

namespace Dialtone.Cli.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public void TwoWorktrees_ShareOneStore()
    {
        using var repo = new TempRepo();
        var second = repo.Sibling("second worktree");
        repo.Git("worktree", "add", "-q", second, "-b", "scratch");

        var start = Cli.Run(second, "ticket", "start", "in-worktree");
        var list = Cli.Run(repo.Path_, "--json", "ticket", "list");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("in-worktree", TempRepo.RunGit(second, "symbolic-ref", "--short", "HEAD"));
        Assert.True(File.Exists(Path.Combine(second, ".dialtone", "tickets", "in-worktree.json")));
        var names = list.Json.GetProperty("data").GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("name").GetString());
        Assert.Contains("in-worktree", names);
        Assert.False(Directory.Exists(Path.Combine(second, ".git", "dialtone")));
    }

    [Fact]
    public async Task LockedStore_Waits_ThenSucceeds()
    {
        using var repo = new TempRepo();
        Assert.Equal(0, Cli.Run(repo.Path_, "ticket", "start", "locked").ExitCode);
        var paths = StorePaths.ForCommonDir(Path.Combine(repo.Path_, ".git"));

        CliResult result;
        using (var held = Store.Open(paths))
        {
            var other = Task.Run(() => Cli.Run(repo.Path_, "ticket", "status"));

            // Give the CLI time to reach the lock: still running then means it is waiting, not done.
            Thread.Sleep(1500);
            Assert.False(other.IsCompleted, "the CLI must wait while another process holds the store");
            held.Dispose();
            result = await other;
        }

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void LockedStore_GivesUpAfterTheTimeout_ExitThree()
    {
        using var repo = new TempRepo();
        Assert.Equal(0, Cli.Run(repo.Path_, "ticket", "start", "stuck").ExitCode);
        var paths = StorePaths.ForCommonDir(Path.Combine(repo.Path_, ".git"));

        using var held = Store.Open(paths);
        var result = Cli.Run(repo.Path_, new Dictionary<string, string?> { ["DIALTONE_LOCK_TIMEOUT"] = "0.5" }, "ticket", "status");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("The Dialtone store is busy", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParallelCommands_AllLand()
    {
        using var repo = new TempRepo();
        Assert.Equal(0, Cli.Run(repo.Path_, "ticket", "start", "busy").ExitCode);

        var runs = Enumerable.Range(0, 6)
            .Select(i => Task.Run(() => Cli.Run(repo.Path_, "ticket", "add", $"side-{i}")))
            .ToArray();
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var list = Cli.Run(repo.Path_, "--json", "ticket", "list");
        Assert.Equal(7, list.Json.GetProperty("data").GetProperty("tickets").GetArrayLength());
    }
}
