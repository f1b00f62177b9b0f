using Dialtone.Tests;

namespace Dialtone.Git.Tests;

public sealed class GitRepositoryTests
{
    [Fact]
    public void Discover_FromSubdirectory_FindsTopLevelAndGitDirs()
    {
        using var repo = new TempRepo();
        repo.Write("src/deep/file.txt", "x");

        var found = GitRepository.Discover(Path.Combine(repo.Path_, "src", "deep"));

        Assert.Equal(Path.GetFullPath(repo.Path_), found.TopLevel);
        Assert.Equal(Path.Combine(found.TopLevel, ".git"), found.GitDir);
        Assert.Equal(found.GitDir, found.CommonDir);
        Assert.False(found.IsLinkedWorktree);
    }

    [Fact]
    public void NoGit_DirectoryOutsideAnyRepository_Throws()
    {
        using var plain = new TempRepo(init: false);

        Assert.Throws<NotARepositoryException>(() => GitRepository.Discover(plain.Path_));
    }

    [Fact]
    public void MissingDirectory_Throws()
    {
        Assert.Throws<NotARepositoryException>(() => GitRepository.Discover("/nonexistent/dialtone/path"));
    }

    [Fact]
    public void Branch_Head_AndDetachedHead()
    {
        using var repo = new TempRepo();
        var found = GitRepository.Discover(repo.Path_);
        var head = repo.Git("rev-parse", "HEAD");

        Assert.Equal("main", found.CurrentBranch);
        Assert.Equal(head, found.Head);
        Assert.False(found.IsDetached);

        repo.Git("checkout", "-q", "--detach", "HEAD");
        Assert.Null(found.CurrentBranch);
        Assert.True(found.IsDetached);
        Assert.Equal(head, found.Head);
    }

    [Fact]
    public void UnbornBranch_HasNoHeadButCanSwitch()
    {
        using var repo = new TempRepo(commit: false);
        var found = GitRepository.Discover(repo.Path_);

        Assert.Null(found.Head);
        Assert.Equal("main", found.CurrentBranch);

        found.CreateAndSwitch("feature", startPoint: null);
        Assert.Equal("feature", found.CurrentBranch);
    }

    [Fact]
    public void CreateSwitchAndBranchExists()
    {
        using var repo = new TempRepo();
        var found = GitRepository.Discover(repo.Path_);

        Assert.False(found.BranchExists("topic"));
        found.CreateAndSwitch("topic", "main");
        Assert.True(found.BranchExists("topic"));
        Assert.Equal("topic", found.CurrentBranch);

        found.Switch("main");
        Assert.Equal("main", found.CurrentBranch);

        found.CreateBranch("other", "main");
        Assert.True(found.BranchExists("other"));
        Assert.Equal("main", found.CurrentBranch);
    }

    [Fact]
    public void Switch_ToMissingBranch_ThrowsWithGitsReason()
    {
        using var repo = new TempRepo();
        var found = GitRepository.Discover(repo.Path_);

        var error = Assert.Throws<GitCommandException>(() => found.Switch("nope"));
        Assert.NotEqual(0, error.Result.ExitCode);
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkedWorktree_SharesCommonDir()
    {
        using var repo = new TempRepo();
        var other = repo.Sibling("other worktree");
        repo.Git("worktree", "add", "-q", "-b", "side", other);

        var main = GitRepository.Discover(repo.Path_);
        var linked = GitRepository.Discover(other);

        Assert.True(linked.IsLinkedWorktree);
        Assert.Equal(main.CommonDir, linked.CommonDir);
        Assert.NotEqual(main.GitDir, linked.GitDir);
        Assert.Equal("side", linked.CurrentBranch);
    }

    [Fact]
    public void ResolveCommit_UnknownRevision_IsNull()
    {
        using var repo = new TempRepo();
        var found = GitRepository.Discover(repo.Path_);

        Assert.Null(found.ResolveCommit("does-not-exist"));
        Assert.Null(found.ResolveCommit("--output=/tmp/x"));
        Assert.NotNull(found.ResolveCommit("main"));
    }

    [Fact]
    public void ConfigValue_ReadsAndMisses()
    {
        using var repo = new TempRepo();
        var found = GitRepository.Discover(repo.Path_);

        Assert.Equal("Test User", found.ConfigValue("user.name"));
        Assert.Null(found.ConfigValue("dialtone.no-such-key"));
    }
}
