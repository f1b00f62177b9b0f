using Dialtone.Tests;

namespace Dialtone.Git.Tests;

public sealed class GitConfigTests
{
    [Fact]
    public void LocalConfig_SetReadUnset()
    {
        using var repo = new TempRepo();
        var git = GitRepository.Discover(repo.Path_);

        git.SetLocalConfig("dialtone.bin", "/opt/dialtone/dialtone.sh");

        Assert.Equal("/opt/dialtone/dialtone.sh", git.ConfigValue("dialtone.bin"));
        Assert.True(git.UnsetLocalConfig("dialtone.bin"));
        Assert.Null(git.ConfigValue("dialtone.bin"));
        Assert.False(git.UnsetLocalConfig("dialtone.bin"));
    }

    [Fact]
    public void GitPath_FollowsHooksPath_AndLinkedWorktrees()
    {
        using var repo = new TempRepo();
        var worktree = repo.Sibling("linked tree");
        repo.Git("worktree", "add", "-q", "-b", "side", worktree);

        Assert.Equal(Path.Combine(repo.Path_, ".git", "hooks"), GitRepository.Discover(repo.Path_).GitPath("hooks"));
        Assert.Equal(Path.Combine(repo.Path_, ".git", "hooks"), GitRepository.Discover(worktree).GitPath("hooks"));

        repo.Git("config", "core.hooksPath", ".githooks");
        Assert.Equal(Path.Combine(repo.Path_, ".githooks"), GitRepository.Discover(repo.Path_).GitPath("hooks"));
    }

    [Fact]
    public void Version_IsGitsVersionLine()
    {
        using var repo = new TempRepo();

        Assert.StartsWith("git version ", GitInstallation.Version(repo.Path_), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', GitInstallation.Version(repo.Path_));
    }
}
