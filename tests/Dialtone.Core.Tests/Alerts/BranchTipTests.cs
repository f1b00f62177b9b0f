using Dialtone.Core.Alerts;
using Dialtone.Git;
using Dialtone.Tests;

namespace Dialtone.Core.Tests.Alerts;

/// <summary>Reading a base branch's tip from the ref files, and stepping aside whenever git would read it differently.</summary>
public sealed class BranchTipTests
{
    [Fact]
    public void LooseAndPackedRefs_GiveWhatGitGives()
    {
        using var repo = new TempRepo();
        repo.Git("branch", "base");
        var repository = GitRepository.Discover(repo.Path_);

        Assert.Equal(repo.Git("rev-parse", "base"), BranchTip.FromFiles(repository, "base"));
        repo.Git("pack-refs", "--all");
        Assert.False(File.Exists(Path.Combine(repo.Path_, ".git", "refs", "heads", "base")));
        Assert.Equal(repo.Git("rev-parse", "base"), BranchTip.FromFiles(repository, "base"));
    }

    [Fact]
    public void AmbiguousOrUnknownNames_AreLeftToGit_AndCommitIdsAreThemselves()
    {
        using var repo = new TempRepo();
        repo.Git("branch", "release");
        repo.Git("tag", "release");
        var repository = GitRepository.Discover(repo.Path_);

        Assert.Null(BranchTip.FromFiles(repository, "release"));
        Assert.Null(BranchTip.FromFiles(repository, "no-such-branch"));
        Assert.Null(BranchTip.FromFiles(repository, "../../HEAD"));
        Assert.Equal(repo.Git("rev-parse", "HEAD"), BranchTip.FromFiles(repository, repo.Git("rev-parse", "HEAD")));
    }
}
