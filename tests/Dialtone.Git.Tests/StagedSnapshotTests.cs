using Dialtone.Tests;

namespace Dialtone.Git.Tests;

/// <summary>The commit gate's view of the index, .dialtone/ excluded, against the general SnapshotTree.</summary>
public sealed class StagedSnapshotTests
{
    [Fact]
    public void Tree_IsTheStagedTreeWithoutBookkeeping()
    {
        using var repo = new TempRepo();
        repo.Write(".dialtone/tickets/feature.json", "{}\n");
        repo.Write("code.cs", "v1\n");
        repo.Git("add", "-A");
        repo.Write("code.cs", "v2, not staged\n");
        var git = GitRepository.Discover(repo.Path_);

        var tree = StagedSnapshot.Tree(git);

        Assert.Equal(SnapshotTree.Staged(git), tree);
        Assert.Equal(["README.md", "code.cs"], repo.Git("ls-tree", "--name-only", tree).Split('\n'));
        Assert.True(StagedSnapshot.TreeEquals(git, tree));
        Assert.False(StagedSnapshot.TreeEquals(git, repo.Git("rev-parse", "HEAD^{tree}")));
    }

    [Fact]
    public void Changes_AreAgainstHead_WithoutBookkeeping()
    {
        using var repo = new TempRepo();
        repo.Write(".dialtone/tickets/feature.json", "{}\n");
        repo.Write("added.txt", "a\n");
        repo.Write("README.md", "# changed\n");
        repo.Git("add", "-A");

        Assert.Equal([new TreeChange('M', "README.md"), new TreeChange('A', "added.txt")], StagedSnapshot.Changes(GitRepository.Discover(repo.Path_)));
    }

    [Fact]
    public void Changes_OnAnUnbornBranch_AreEverythingStaged()
    {
        using var repo = new TempRepo(commit: false);
        repo.Write("first.txt", "1\n");
        repo.Git("add", "-A");

        Assert.Equal([new TreeChange('A', "first.txt")], StagedSnapshot.Changes(GitRepository.Discover(repo.Path_)));
    }

    [Fact]
    public void WorkTree_EqualsSnapshotTree_AndLeavesTheIndexAlone()
    {
        using var repo = new TempRepo();
        repo.Write(".dialtone/tickets/feature.json", "{\"staged\":1}\n");
        repo.Git("add", "-A");
        repo.Write(".dialtone/tickets/feature.json", "{\"staged\":2}\n");
        repo.Write("untracked.txt", "u\n");
        repo.Write("README.md", "# edited\n");
        var git = GitRepository.Discover(repo.Path_);
        var status = repo.Git("status", "--porcelain");

        Assert.Equal(SnapshotTree.Compute(git), StagedSnapshot.WorkTree(git));
        Assert.Equal(status, repo.Git("status", "--porcelain"));
        Assert.Empty(Directory.GetFiles(Path.Combine(repo.Path_, ".git"), "dialtone-gate-*"));
    }
}
