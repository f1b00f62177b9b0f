using Dialtone.Tests;

namespace Dialtone.Git.Tests;

/// <summary>The hooks' questions about commits, MERGE_HEAD and the index, on real repositories.</summary>
public sealed class GitCommitsTests
{
    [Fact]
    public void Commit_GivesParentsTreeAndSubject_NullForNoCommit()
    {
        using var repo = new TempRepo();
        var first = repo.Git("rev-parse", "HEAD");
        repo.Write("b.txt", "b\n");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Second one", "-m", "Body");
        var git = GitRepository.Discover(repo.Path_);

        var commit = git.Commit("HEAD")!;

        Assert.Equal(repo.Git("rev-parse", "HEAD"), commit.Id);
        Assert.Equal([first], commit.Parents);
        Assert.Equal(repo.Git("rev-parse", "HEAD^{tree}"), commit.Tree);
        Assert.Equal("Second one", commit.Subject);
        Assert.False(commit.IsMerge);
        Assert.Empty(git.Commit(first)!.Parents);
        Assert.Null(git.Commit("no-such-branch"));
        using var unborn = new TempRepo(commit: false);
        Assert.Null(GitRepository.Discover(unborn.Path_).Commit("HEAD"));
    }

    [Fact]
    public void ChangesOutside_TellsBookkeepingFromWork_RootCommitsIncluded()
    {
        using var repo = new TempRepo();
        var git = GitRepository.Discover(repo.Path_);
        Assert.True(git.ChangesOutside(git.Commit("HEAD")!, ".dialtone"));

        repo.Write(".dialtone/tickets/x.json", "{}");
        repo.Commit("bookkeeping");
        Assert.False(git.ChangesOutside(git.Commit("HEAD")!, ".dialtone"));

        repo.Write("src.txt", "work\n");
        repo.Commit("work");
        Assert.True(git.ChangesOutside(git.Commit("HEAD")!, ".dialtone"));
    }

    [Fact]
    public void RecentTrailerValues_AreBounded_AndEmptyOnAnUnbornBranch()
    {
        using var repo = new TempRepo();
        repo.Git("commit", "-q", "--allow-empty", "-m", "a", "-m", "Dialtone-Ticket: one");
        repo.Git("commit", "-q", "--allow-empty", "-m", "b", "-m", "Dialtone-Ticket: two");
        repo.Git("commit", "-q", "--allow-empty", "-m", "c");
        var git = GitRepository.Discover(repo.Path_);

        Assert.Equal(["two", "one"], git.RecentTrailerValues("HEAD", "Dialtone-Ticket", 10));
        Assert.Equal(["two"], git.RecentTrailerValues("HEAD", "Dialtone-Ticket", 2));
        using var unborn = new TempRepo(commit: false);
        Assert.Empty(GitRepository.Discover(unborn.Path_).RecentTrailerValues("HEAD", "Dialtone-Ticket", 10));
    }

    [Fact]
    public void BlobsBytes_ReadsHeadIndexAndMissing_InOneGo()
    {
        using var repo = new TempRepo();
        repo.Write("c.json", "committed");
        repo.Commit("c");
        repo.Write("c.json", "staged");
        repo.Git("add", "c.json");
        var git = GitRepository.Discover(repo.Path_);

        var blobs = git.BlobsBytes(["HEAD:c.json", ":c.json", "HEAD:missing.json", "bad\nname", "HEAD:c.json"]);

        Assert.Equal(["committed", "staged", null, null, "committed"], blobs.Select(b => b is null ? null : System.Text.Encoding.UTF8.GetString(b)));
    }

    [Fact]
    public void MergeHeadNames_MergeMode_AndDiffersOutside()
    {
        using var repo = new TempRepo();
        var git = GitRepository.Discover(repo.Path_);
        Assert.Null(git.MergeHeadNames());

        File.WriteAllText(git.MergeHeadPath, "abc\n\n def \n");
        Assert.Equal(["abc", "def"], git.MergeHeadNames());
        Assert.False(git.MergeModeNoFastForward());
        File.WriteAllText(Path.Combine(git.GitDir, "MERGE_MODE"), "no-ff\n");
        Assert.False(git.MergeModeNoFastForward());
        File.WriteAllText(Path.Combine(git.GitDir, "MERGE_MODE"), "no-ff");
        Assert.True(git.MergeModeNoFastForward());
        File.Delete(git.MergeHeadPath);
        File.Delete(Path.Combine(git.GitDir, "MERGE_MODE"));

        var before = repo.Git("rev-parse", "HEAD^{tree}");
        repo.Write(".dialtone/x.json", "{}");
        repo.Commit("bookkeeping");
        Assert.False(git.DiffersOutside(before, "HEAD", ".dialtone"));
        repo.Write("work.txt", "work\n");
        repo.Commit("work");
        Assert.True(git.DiffersOutside(before, "HEAD", ".dialtone"));
        Assert.True(GitRepository.IsObjectId(repo.Git("rev-parse", "HEAD")));
        Assert.False(GitRepository.IsObjectId("HEAD~1"));
    }
}
