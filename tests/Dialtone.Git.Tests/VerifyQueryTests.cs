using System.Text;
using Dialtone.Tests;

namespace Dialtone.Git.Tests;

/// <summary>
/// The questions `dialtone verify` asks about a whole branch at once, on real repositories: every
/// commit of a range with its parents and tree, many objects through one cat-file, root trees
/// without `.dialtone/` hashed in process (SHA-1 and SHA-256), the work tree's status, and a
/// temporary worktree that runs no hook and leaves nothing behind.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class VerifyQueryTests
{
    [Fact]
    public void CommitsInRange_ListsSideBranchCommits_ParentsFirst_ThenTheBoundary()
    {
        using var repo = new TempRepo();
        var fork = repo.Git("rev-parse", "HEAD");
        repo.Git("switch", "-q", "-c", "topic");
        repo.Write("a.txt", "a\n");
        repo.Commit("on topic");
        var onTopic = repo.Git("rev-parse", "HEAD");
        repo.Git("switch", "-q", "-c", "side", fork);
        repo.Write("side.txt", "side\n");
        repo.Commit("on a side branch | with: odd subject");
        var onSide = repo.Git("rev-parse", "HEAD");
        repo.Git("switch", "-q", "topic");
        repo.Git("merge", "-q", "--no-ff", "-m", "merge side", "side");
        var merge = repo.Git("rev-parse", "HEAD");
        var git = GitRepository.Discover(repo.Path_);

        var commits = git.CommitsInRange(fork, "HEAD");

        var inRange = commits.Where(c => !c.Boundary).ToList();
        Assert.Equal(3, inRange.Count);
        Assert.Contains(inRange, c => c.Id == onSide && c.Subject == "on a side branch | with: odd subject" && c.Parents.SequenceEqual([fork]));
        Assert.Equal(merge, inRange[^1].Id);
        Assert.Equal([onTopic, onSide], inRange[^1].Parents);
        Assert.True(inRange[^1].IsMerge);
        Assert.Equal(repo.Git("rev-parse", "HEAD^{tree}"), inRange[^1].Tree);
        var boundary = Assert.Single(commits, c => c.Boundary);
        Assert.Equal(fork, boundary.Id);
        Assert.Equal(repo.Git("rev-parse", fork + "^{tree}"), boundary.Tree);
        Assert.Empty(git.CommitsInRange("HEAD", "HEAD"));
    }

    [Fact]
    public void ReadObjects_AnswersInOrder_NullForWhatIsMissing_BytesExact()
    {
        using var repo = new TempRepo();
        var binary = new byte[] { 0, 1, 2, 10, 13, 255, 10 };
        File.WriteAllBytes(Path.Combine(repo.Path_, "bin.dat"), binary);
        repo.Write("dir with space/x.txt", "x\n");
        repo.Commit("objects");
        var git = GitRepository.Discover(repo.Path_);

        var objects = git.ReadObjects(["HEAD:bin.dat", "HEAD:nope.txt", "HEAD^{tree}", "HEAD:dir with space/x.txt", "bad\nname", "HEAD:README.md"]);

        Assert.Equal(6, objects.Count);
        Assert.Equal(binary, objects[0]!.Content);
        Assert.Equal("blob", objects[0]!.Type);
        Assert.Null(objects[1]);
        Assert.Equal("tree", objects[2]!.Type);
        Assert.Equal(repo.Git("rev-parse", "HEAD^{tree}"), objects[2]!.Id);
        Assert.Equal("x\n", Encoding.UTF8.GetString(objects[3]!.Content));
        Assert.Null(objects[4]);
        Assert.Equal("# test repo\n", Encoding.UTF8.GetString(objects[5]!.Content));
        Assert.Empty(git.ReadObjects([]));
    }

    [Theory]
    [InlineData("sha1")]
    [InlineData("sha256")]
    public void TreesWithoutBookkeeping_AreWhatGitWritesWithoutDialtone(string format)
    {
        using var repo = new TempRepo(init: false);
        repo.Git("init", "-q", "-b", "main", "--object-format=" + format);
        repo.Git("config", "user.name", "Test User");
        repo.Git("config", "user.email", "test@example.com");

        // Names that sort right around ".dialtone", a file named like it in a subdirectory, and an executable.
        repo.Write(".dialtone/config.json", "{}\n");
        repo.Write(".dialtone/tickets/t.json", "{}\n");
        repo.Write(".dialtone-notes", "not bookkeeping\n");
        repo.Write(".dialtonf", "not bookkeeping\n");
        repo.Write(".d", "d\n");
        repo.Write("src/.dialtone", "a file, deeper down\n");
        repo.Write("run.sh", "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(repo.Path_, "run.sh"), (UnixFileMode)0b111_101_101);
        repo.Commit("with bookkeeping");
        var with = repo.Git("rev-parse", "HEAD^{tree}");
        repo.Git("rm", "-q", "-r", ".dialtone");
        repo.Commit("without bookkeeping");
        var without = repo.Git("rev-parse", "HEAD^{tree}");
        repo.Git("rm", "-q", "-r", ".");
        repo.Write(".dialtone/only.json", "{}\n");
        repo.Commit("nothing but bookkeeping");
        var only = repo.Git("rev-parse", "HEAD^{tree}");
        var git = GitRepository.Discover(repo.Path_);

        var trees = git.TreesWithoutBookkeeping([with, without, only, with]);

        Assert.Equal(format == "sha1" ? 40 : 64, with.Length);
        Assert.Equal(3, trees.Count);
        Assert.Equal(without, trees[with]);
        Assert.Equal(without, trees[without]);
        Assert.Equal(SnapshotTree.OfCommit(git, with), trees[with]);
        Assert.Equal(SnapshotTree.OfCommit(git, only), trees[only]);
        Assert.Equal(repo.Git("hash-object", "-t", "tree", "/dev/null"), trees[only]);
    }

    [Fact]
    public void TreeFilter_LeavesWhatItCannotParseToGit()
    {
        Assert.Null(TreeFilter.WithoutEntry(new GitObject("abc", "tree", []), ".dialtone"));
        Assert.Null(TreeFilter.WithoutEntry(new GitObject(new string('a', 40), "blob", []), ".dialtone"));
        Assert.Null(TreeFilter.WithoutEntry(new GitObject(new string('a', 40), "tree", "100644 x\0short"u8.ToArray()), ".dialtone"));
        Assert.Equal(new string('a', 40), TreeFilter.WithoutEntry(new GitObject(new string('a', 40), "tree", []), ".dialtone"));
    }

    [Fact]
    public void WorkTreeStatus_NamesEachChangedAndUntrackedFile_EmptyWhenClean()
    {
        using var repo = new TempRepo();
        repo.Write("gone.txt", "gone\n");
        repo.Write(".gitignore", "build/\n");
        repo.Commit("files");
        var git = GitRepository.Discover(repo.Path_);
        Assert.True(git.WorkTreeStatus().IsClean);
        Assert.Equal(repo.Git("rev-parse", "HEAD"), git.WorkTreeStatus().Head);

        repo.Write("README.md", "changed\n");
        File.Delete(Path.Combine(repo.Path_, "gone.txt"));
        repo.Write("new dir/one.txt", "1\n");
        repo.Write("new dir/two.txt", "2\n");
        repo.Write("build/out.bin", "ignored\n");
        repo.Write("staged.txt", "staged\n");
        repo.Git("add", "staged.txt");

        var status = git.WorkTreeStatus().Entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();

        Assert.Equal([" M README.md", " D gone.txt", "?? new dir/one.txt", "?? new dir/two.txt", "A  staged.txt"], status.Select(e => e.ToString()));
        Assert.Equal(2, status.Count(e => e.IsUntracked));
        using var unborn = new TempRepo(name: "unborn", commit: false);
        unborn.Write("x.txt", "x\n");
        var fresh = GitRepository.Discover(unborn.Path_).WorkTreeStatus();
        Assert.Null(fresh.Head);
        Assert.Equal(["?? x.txt"], fresh.Entries.Select(e => e.ToString()));
    }

    [Fact]
    public void DetachedWorktree_ChecksOutTheCommit_RunsNoHook_AndIsRemovedEvenWhenGone()
    {
        using var repo = new TempRepo();
        var old = repo.Git("rev-parse", "HEAD");
        repo.Write("later.txt", "later\n");
        repo.Commit("later");
        var marker = repo.Sibling("hook-ran");
        repo.Write(".git/hooks/post-checkout", $"#!/bin/sh\ntouch '{marker}'\n");
        File.SetUnixFileMode(Path.Combine(repo.Path_, ".git/hooks/post-checkout"), (UnixFileMode)0b111_101_101);
        var git = GitRepository.Discover(repo.Path_);
        var directory = repo.Sibling("old worktree");

        git.AddDetachedWorktree(directory, old);

        Assert.True(File.Exists(Path.Combine(directory, "README.md")));
        Assert.False(File.Exists(Path.Combine(directory, "later.txt")));
        Assert.Equal(old, TempRepo.RunGit(directory, "rev-parse", "HEAD"));
        Assert.False(File.Exists(marker));
        File.WriteAllText(Path.Combine(directory, "dirt.txt"), "left by a test\n");

        git.RemoveWorktree(directory);

        Assert.False(Directory.Exists(directory));
        Assert.DoesNotContain("old worktree", repo.Git("worktree", "list"), StringComparison.Ordinal);

        git.AddDetachedWorktree(directory, old);
        Directory.Delete(directory, recursive: true);
        git.RemoveWorktree(directory);
        Assert.Single(repo.Git("worktree", "list").Split('\n'));
    }

    [Fact]
    public void CommitsTouching_FindsAVersionAMergeThrewAway()
    {
        using var repo = new TempRepo();
        var fork = repo.Git("rev-parse", "HEAD");
        repo.Git("switch", "-q", "-c", "topic");
        repo.Write("record.json", "v1\n");
        repo.Commit("v1");
        repo.Git("switch", "-q", "-c", "side");
        repo.Write("record.json", "v2 with more\n");
        repo.Commit("v2 on a side branch");
        var side = repo.Git("rev-parse", "HEAD");
        repo.Git("switch", "-q", "topic");
        repo.Git("merge", "-q", "-s", "ours", "-m", "keep v1", "side");
        var git = GitRepository.Discover(repo.Path_);

        var touching = git.CommitsTouching(fork, "HEAD", "record.json", 10);

        Assert.Contains(side, touching);
        Assert.Single(git.CommitsTouching(fork, "HEAD", "record.json", 1));
    }

    [Fact]
    public void TrailerValuesInHistory_ReadsEveryCommitsTrailers()
    {
        using var repo = new TempRepo();
        repo.Write("a.txt", "a\n");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "work\n\nDialtone-Ticket: feature");
        repo.Write("b.txt", "b\n");
        repo.Commit("no trailer");
        var git = GitRepository.Discover(repo.Path_);

        Assert.Equal(["feature"], git.TrailerValuesInHistory("HEAD", "Dialtone-Ticket", 10));
        Assert.Empty(git.TrailerValuesInHistory("HEAD", "Dialtone-Ticket", 1));
        Assert.Empty(git.TrailerValuesInHistory("no-such-branch", "Dialtone-Ticket", 10));
    }

    [Fact]
    public void AutoMerge_GivesGitsOwnMergeTree_AndSaysWhenItConflicts()
    {
        using var repo = new TempRepo();
        repo.Git("switch", "-q", "-c", "one");
        repo.Write("one.txt", "one\n");
        repo.Commit("one");
        repo.Git("switch", "-q", "-c", "two", "main");
        repo.Write("two.txt", "two\n");
        repo.Commit("two");
        repo.Git("switch", "-q", "-c", "clash", "main");
        repo.Write("one.txt", "not one\n");
        repo.Commit("clash");
        repo.Git("switch", "-q", "one");
        repo.Git("merge", "-q", "--no-edit", "two");
        var git = GitRepository.Discover(repo.Path_);

        var clean = git.AutoMerge("one", "two");
        var conflict = git.AutoMerge("one", "clash");

        Assert.Equal(new AutoMerge(repo.Git("rev-parse", "HEAD^{tree}"), true), clean);
        Assert.False(conflict!.Clean);
    }

    [Fact]
    public void IsShallow_TrueOnlyForAShallowClone()
    {
        using var repo = new TempRepo();
        repo.Write("b.txt", "b\n");
        repo.Commit("second");
        using var full = repo.Clone("full");
        using var shallow = repo.Clone("shallow", "--depth", "1", "--no-local");

        Assert.False(GitRepository.Discover(full.Path_).IsShallow);
        Assert.True(GitRepository.Discover(shallow.Path_).IsShallow);
    }
}
