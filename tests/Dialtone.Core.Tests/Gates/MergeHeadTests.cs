using Dialtone.Core.Gates;
using Dialtone.Git;
using Dialtone.Tests;

namespace Dialtone.Core.Tests.Gates;

/// <summary>MERGE_HEAD makes a merge only when git will record new parents: every name a commit HEAD does not contain.</summary>
public sealed class MergeHeadTests
{
    [Fact]
    public void NoFile_IsNoMerge()
    {
        using var repo = new TempRepo();

        var merge = MergeHead.Read(GitRepository.Discover(repo.Path_));

        Assert.False(merge.Present);
        Assert.False(merge.IsRealMerge);
    }

    [Fact]
    public void ABranchTipHeadDoesNotContain_IsARealMerge_EvenInAnOctopus()
    {
        using var repo = new TempRepo();
        var theirs = Commit(repo, "topic", "t.txt");
        var others = Commit(repo, "other", "o.txt");
        repo.Git("switch", "-q", "main");
        repo.Write("main.txt", "main moved on\n");
        repo.Commit("main moved on");
        Write(repo, theirs, others);

        var merge = MergeHead.Read(GitRepository.Discover(repo.Path_));

        Assert.True(merge.IsRealMerge);
        Assert.Equal([theirs, others], merge.Commits);
    }

    [Theory]
    [InlineData("head", "itself")]
    [InlineData("ancestor", "which HEAD already contains")]
    [InlineData("missing", "is not a commit of this repository")]
    [InlineData("short", "is not a commit of this repository")]
    [InlineData("tree", "is not a commit of this repository")]
    [InlineData("empty", "it is empty")]
    [InlineData("octopus-with-head", "itself")]
    public void WhatGitWouldNotRecordAsNewParents_IsIgnored_AndSaysWhy(string kind, string why)
    {
        using var repo = new TempRepo();
        var first = repo.Git("rev-parse", "HEAD");
        var theirs = Commit(repo, "topic", "t.txt");
        repo.Git("switch", "-q", "main");
        repo.Write("b.txt", "b\n");
        repo.Commit("second");
        var head = repo.Git("rev-parse", "HEAD");
        var lines = kind switch
        {
            "head" => [head],
            "ancestor" => [first],
            "missing" => ["0123456789abcdef0123456789abcdef01234567"],
            "short" => [head[..12]],
            "tree" => [repo.Git("rev-parse", "HEAD^{tree}")],
            "empty" => [],
            _ => new[] { theirs, head },
        };
        Write(repo, lines);

        var merge = MergeHead.Read(GitRepository.Discover(repo.Path_));

        Assert.True(merge.Present);
        Assert.False(merge.IsRealMerge);
        Assert.Contains(why, merge.IgnoredBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void ADescendantOfHead_IsAMergeOnlyWithNoFastForward()
    {
        using var repo = new TempRepo();
        repo.Git("switch", "-q", "-c", "ahead");
        repo.Write("ahead.txt", "ahead\n");
        repo.Commit("ahead");
        var ahead = repo.Git("rev-parse", "HEAD");
        repo.Git("switch", "-q", "main");
        Write(repo, ahead);
        var git = GitRepository.Discover(repo.Path_);

        var reduced = MergeHead.Read(git);
        File.WriteAllText(Path.Combine(repo.Path_, ".git", "MERGE_MODE"), "no-ff");
        var noFastForward = MergeHead.Read(git);

        Assert.False(reduced.IsRealMerge);
        Assert.Contains("which already contains HEAD", reduced.IgnoredBecause, StringComparison.Ordinal);
        Assert.True(noFastForward.IsRealMerge);
    }

    [Fact]
    public void UnbornHead_HasNothingToMergeInto()
    {
        using var other = new TempRepo();
        using var repo = new TempRepo(commit: false);
        Write(repo, "0123456789abcdef0123456789abcdef01234567");

        var merge = MergeHead.Read(GitRepository.Discover(repo.Path_));

        Assert.False(merge.IsRealMerge);
        Assert.Contains("HEAD has no commit yet", merge.IgnoredBecause, StringComparison.Ordinal);
    }

    private static string Commit(TempRepo repo, string branch, string file)
    {
        repo.Git("switch", "-q", "-c", branch, "main");
        repo.Write(file, branch + "\n");
        repo.Commit(branch);
        return repo.Git("rev-parse", "HEAD");
    }

    private static void Write(TempRepo repo, params string[] lines) =>
        File.WriteAllText(Path.Combine(repo.Path_, ".git", "MERGE_HEAD"), string.Concat(lines.Select(l => l + "\n")));
}
