using Dialtone.Tests;

namespace Dialtone.Git.Tests;

/// <summary>
/// The snapshot tree: the git tree of the working tree as it is, tracked changes and
/// untracked unignored files, .dialtone/ left out, computed without touching the real index.
/// </summary>
public sealed class SnapshotTreeTests
{
    private const string EmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    private static List<string> Paths(TempRepo repo, string tree) =>
        [.. repo.Git("ls-tree", "-r", "-z", "--name-only", tree).Split('\0', StringSplitOptions.RemoveEmptyEntries)];

    private static string Blob(TempRepo repo, string tree, string path) => repo.Git("rev-parse", $"{tree}:{path}");

    [Fact]
    public void CleanWorkTree_IsTheCommitsTree()
    {
        using var repo = new TempRepo();
        var git = GitRepository.Discover(repo.Path_);

        var tree = SnapshotTree.Compute(git);

        Assert.Equal(repo.Git("rev-parse", "HEAD^{tree}"), tree);
        Assert.Equal(tree, SnapshotTree.Compute(git));
        Assert.Equal(tree, SnapshotTree.OfCommit(git, "HEAD"));
    }

    [Fact]
    public void IncludesUnstagedEdits_UntrackedFiles_AndDeletions()
    {
        using var repo = new TempRepo();
        repo.Write("gone.txt", "soon deleted\n");
        repo.Commit("two files");
        repo.Write("README.md", "# edited, not staged\n");
        repo.Write("src/new file ü.txt", "untracked\n");
        File.Delete(Path.Combine(repo.Path_, "gone.txt"));

        var tree = SnapshotTree.Compute(GitRepository.Discover(repo.Path_));

        Assert.Equal(["README.md", "src/new file ü.txt"], Paths(repo, tree));
        Assert.Equal(repo.Git("hash-object", "README.md"), Blob(repo, tree, "README.md"));
    }

    [Fact]
    public void IgnoredFiles_AreLeftOut()
    {
        using var repo = new TempRepo();
        repo.Write(".gitignore", "*.log\nbin/\n");
        repo.Commit("ignore rules");
        repo.Write("build.log", "noise");
        repo.Write("bin/app.dll", "binary");
        repo.Write("kept.txt", "kept");

        var tree = SnapshotTree.Compute(GitRepository.Discover(repo.Path_));

        Assert.Equal([".gitignore", "README.md", "kept.txt"], Paths(repo, tree));
    }

    [Fact]
    public void Bookkeeping_IsExcluded_ButLookalikeNamesAreNot()
    {
        using var repo = new TempRepo();
        var git = GitRepository.Discover(repo.Path_);
        var before = SnapshotTree.Compute(git);
        repo.Write(".dialtone/tickets/demo.json", "{\"revision\": 1}");
        repo.Write(".dialtone/config.json", "{}");

        var withBookkeeping = SnapshotTree.Compute(git);
        repo.Write(".dialtone/tickets/demo.json", "{\"revision\": 2}");
        var afterRecordChange = SnapshotTree.Compute(git);

        Assert.Equal(before, withBookkeeping);
        Assert.Equal(before, afterRecordChange);

        repo.Write(".dialtone-notes.md", "not bookkeeping");
        repo.Write("docs/.dialtone/nested.json", "not the top-level directory");
        var withLookalikes = SnapshotTree.Compute(git);
        Assert.Equal([".dialtone-notes.md", "README.md", "docs/.dialtone/nested.json"], Paths(repo, withLookalikes));
    }

    [Fact]
    public void CommittedBookkeeping_IsExcludedToo()
    {
        using var repo = new TempRepo();
        repo.Write(".dialtone/tickets/demo.json", "{}");
        repo.Write("code.txt", "code");
        repo.Commit("work with its record");
        var git = GitRepository.Discover(repo.Path_);

        var tree = SnapshotTree.Compute(git);

        Assert.Equal(["README.md", "code.txt"], Paths(repo, tree));
        Assert.Equal(tree, SnapshotTree.OfCommit(git, "HEAD"));
        Assert.Equal(tree, SnapshotTree.Staged(git));
    }

    [Fact]
    public void TheRealIndex_IsNotTouched()
    {
        using var repo = new TempRepo();
        repo.Write("tracked.txt", "v1\n");
        repo.Commit("tracked");
        repo.Write("tracked.txt", "v2 staged\n");
        repo.Git("add", "tracked.txt");
        repo.Write("tracked.txt", "v3 only in the work tree\n");
        repo.Write("untracked.txt", "new\n");
        repo.Write(".dialtone/tickets/demo.json", "{}");
        var index = Path.Combine(repo.Path_, ".git", "index");
        var indexBytes = File.ReadAllBytes(index);
        var indexTime = File.GetLastWriteTimeUtc(index);
        var staged = repo.Git("diff", "--cached", "--name-status");

        var tree = SnapshotTree.Compute(GitRepository.Discover(repo.Path_));

        Assert.Equal(indexBytes, File.ReadAllBytes(index));
        Assert.Equal(indexTime, File.GetLastWriteTimeUtc(index));
        Assert.Equal(staged, repo.Git("diff", "--cached", "--name-status"));
        Assert.Equal("M\ttracked.txt", staged);
        Assert.Equal("README.md\ntracked.txt", repo.Git("ls-files"));
        Assert.Equal(repo.Git("hash-object", "tracked.txt"), Blob(repo, tree, "tracked.txt"));
        Assert.Empty(Directory.GetFiles(Path.Combine(repo.Path_, ".git"), "dialtone-snapshot-*"));
    }

    [Fact]
    public void UnbornRepository_Works()
    {
        using var repo = new TempRepo(commit: false);
        var git = GitRepository.Discover(repo.Path_);

        Assert.Equal(EmptyTree, SnapshotTree.Compute(git));
        Assert.False(File.Exists(Path.Combine(repo.Path_, ".git", "index")), "computing must not create the real index");

        repo.Write("first.txt", "hello\n");
        var tree = SnapshotTree.Compute(git);

        Assert.Equal(["first.txt"], Paths(repo, tree));
        Assert.False(File.Exists(Path.Combine(repo.Path_, ".git", "index")));
    }

    [Fact]
    public void LinkedWorktree_UsesItsOwnWorkTree_AndLeavesBothIndexesAlone()
    {
        using var repo = new TempRepo();
        repo.Write("main-only.txt", "untracked in the main work tree\n");
        var other = repo.Sibling("linked worktree");
        repo.Git("worktree", "add", "-q", other, "-b", "side");
        File.WriteAllText(Path.Combine(other, "side.txt"), "untracked in the linked work tree\n");
        File.WriteAllText(Path.Combine(other, "README.md"), "# edited in the linked work tree\n");
        var git = GitRepository.Discover(other);
        Assert.True(git.IsLinkedWorktree);
        var mainIndex = File.ReadAllBytes(Path.Combine(repo.Path_, ".git", "index"));
        var linkedIndex = File.ReadAllBytes(Path.Combine(git.GitDir, "index"));

        var tree = SnapshotTree.Compute(git);

        Assert.Equal(["README.md", "side.txt"], Paths(repo, tree));
        Assert.Equal(mainIndex, File.ReadAllBytes(Path.Combine(repo.Path_, ".git", "index")));
        Assert.Equal(linkedIndex, File.ReadAllBytes(Path.Combine(git.GitDir, "index")));
        Assert.Equal("", TempRepo.RunGit(other, "diff", "--cached", "--name-only"));
    }

    [Fact]
    public void Discovered_FromASubdirectory_StillCoversTheWholeWorkTree()
    {
        using var repo = new TempRepo();
        repo.Write("deep/dir/file.txt", "x");
        repo.Commit("deep");
        repo.Write("top.txt", "outside the subdirectory");
        repo.Write("README.md", "edited outside the subdirectory\n");

        var tree = SnapshotTree.Compute(GitRepository.Discover(Path.Combine(repo.Path_, "deep", "dir")));

        Assert.Equal(["README.md", "deep/dir/file.txt", "top.txt"], Paths(repo, tree));
        Assert.Equal(repo.Git("hash-object", "README.md"), Blob(repo, tree, "README.md"));
    }

    [Fact]
    public void Diff_NamesAddedModifiedDeletedAndTypeChangedPaths()
    {
        using var repo = new TempRepo();
        repo.Write("modified.txt", "1\n");
        repo.Write("deleted.txt", "1\n");
        repo.Write("becomes-link.txt", "1\n");
        repo.Write("same.txt", "1\n");
        repo.Commit("files");
        var git = GitRepository.Discover(repo.Path_);
        var before = SnapshotTree.Compute(git);
        repo.Write("modified.txt", "2\n");
        File.Delete(Path.Combine(repo.Path_, "deleted.txt"));
        File.Delete(Path.Combine(repo.Path_, "becomes-link.txt"));
        File.CreateSymbolicLink(Path.Combine(repo.Path_, "becomes-link.txt"), "same.txt");
        repo.Write("dir with space/added ü.txt", "new\n");
        repo.Write(".dialtone/tickets/x.json", "{}");

        var after = SnapshotTree.Compute(git);
        var changes = SnapshotTree.Diff(git, before, after);

        Assert.Equal(
            ["T becomes-link.txt", "D deleted.txt", "A dir with space/added ü.txt", "M modified.txt"],
            changes.Select(c => c.ToString()));
        Assert.Empty(SnapshotTree.Diff(git, after, after));
        Assert.Equal(
            ["T becomes-link.txt", "A deleted.txt", "D dir with space/added ü.txt", "M modified.txt"],
            SnapshotTree.Diff(git, after, before).Select(c => c.ToString()));
    }

    [Fact]
    public void Staged_IsWhatACommitWouldRecord_WithoutBookkeeping()
    {
        using var repo = new TempRepo();
        repo.Write("staged.txt", "staged\n");
        repo.Write("unstaged.txt", "not staged\n");
        repo.Write(".dialtone/tickets/demo.json", "{}");
        repo.Git("add", "staged.txt", ".dialtone");
        var git = GitRepository.Discover(repo.Path_);

        var staged = SnapshotTree.Staged(git);

        Assert.Equal(["README.md", "staged.txt"], Paths(repo, staged));
        Assert.NotEqual(SnapshotTree.Compute(git), staged);
    }
}
