using Dialtone.Git.Processes;
using Dialtone.Tests;

namespace Dialtone.Git.Tests;

public sealed class GitRunnerTests
{
    [Fact]
    public void ArgumentsAreNotInterpretedByAShell()
    {
        using var repo = new TempRepo();
        var runner = new GitRunner(repo.Path_);

        // A shell would expand these; git must receive them verbatim.
        var result = runner.Run("config", "dialtone.probe", "$(touch pwned) ; `id` 'quoted' \"dq\"");
        Assert.True(result.Success);
        Assert.Equal("$(touch pwned) ; `id` 'quoted' \"dq\"", runner.RunChecked("config", "--get", "dialtone.probe"));
        Assert.False(repo.Exists("pwned"));
    }

    [Fact]
    public void LargeOutputOnBothStreams_DoesNotDeadlock()
    {
        using var repo = new TempRepo();
        for (var i = 0; i < 400; i++)
        {
            repo.Write($"files/file-{i:D4}-{new string('x', 150)}.txt", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        repo.Commit("many files");
        var runner = new GitRunner(repo.Path_, timeout: TimeSpan.FromSeconds(30));

        var result = runner.Run("ls-files");
        Assert.True(result.Success);
        Assert.Equal(401, result.Output.Split('\n').Length);
    }

    [Fact]
    public void NonZeroExit_IsResultNotException_UnlessChecked()
    {
        using var repo = new TempRepo();
        var runner = new GitRunner(repo.Path_);

        var result = runner.Run("rev-parse", "--verify", "no-such-ref");
        Assert.False(result.Success);
        Assert.NotEmpty(result.StdErr);
        Assert.Throws<GitCommandException>(() => runner.RunChecked("rev-parse", "--verify", "no-such-ref"));
    }

    [Fact]
    public void GitMissing_IsItsOwnError()
    {
        using var repo = new TempRepo();
        var runner = new GitRunner(repo.Path_, executable: "/nonexistent/bin/git");

        var error = Assert.Throws<GitNotFoundException>(() => runner.Run("status"));
        Assert.Contains("git was not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeout_KillsAndThrows()
    {
        using var repo = new TempRepo();
        // An editor that never returns keeps git waiting: a real long-running git.
        repo.Git("config", "core.editor", "sleep 30 #");
        var runner = new GitRunner(repo.Path_, timeout: TimeSpan.FromMilliseconds(500));

        // Every process of the tree (git, its shell, the editor) inherits the marker, so the ones
        // still running afterwards can be found whichever of them had started by the timeout.
        var cookie = Guid.NewGuid().ToString("N");
        var marker = new Dictionary<string, string?> { [ProcessTree.CookieVariable] = cookie };
        var error = Assert.Throws<GitTimeoutException>(() => runner.Run(["commit", "--allow-empty"], stdin: null, environment: marker));

        Assert.Contains("git commit --allow-empty did not finish", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ProcessTree.Find(root: null, cookie), ProcessTree.IsAlive);
    }

    [Fact]
    public void ForeignRepository_IgnoresAmbientGitDir()
    {
        using var one = new TempRepo("one");
        using var two = new TempRepo("two");
        var previous = Environment.GetEnvironmentVariable("GIT_DIR");
        try
        {
            // As inside a hook of repository one, talking to repository two.
            Environment.SetEnvironmentVariable("GIT_DIR", Path.Combine(one.Path_, ".git"));
            var foreign = new GitRunner(two.Path_);
            var ambient = new GitRunner(two.Path_, ambient: GitEnvironment.Read(Environment.GetEnvironmentVariable));

            Assert.Equal(Path.Combine(two.Path_, ".git"), Path.GetFullPath(foreign.RunChecked("rev-parse", "--absolute-git-dir")));
            Assert.Equal(Path.Combine(one.Path_, ".git"), Path.GetFullPath(ambient.RunChecked("rev-parse", "--absolute-git-dir")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("GIT_DIR", previous);
        }
    }

    [Fact]
    public void Stdin_IsPassed()
    {
        using var repo = new TempRepo();
        var runner = new GitRunner(repo.Path_);

        var result = runner.Run(["hash-object", "--stdin"], stdin: "hello\n", environment: null);
        Assert.Equal("ce013625030ba8dba906f756967f9e9ca394464a", result.Output);
    }
}
