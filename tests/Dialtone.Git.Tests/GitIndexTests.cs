using Dialtone.Tests;

namespace Dialtone.Git.Tests;

public sealed class GitIndexTests
{
    [Fact]
    public void ListWorkTree_TellsCleanModifiedDeletedAndUntracked()
    {
        using var repo = new TempRepo();
        repo.Write("docs/clean.md", "clean\n");
        repo.Write("docs/edited.md", "v1\n");
        repo.Write("docs/deleted.md", "gone\n");
        repo.Write("src/outside.cs", "not listed\n");
        repo.Commit("docs");
        repo.Write("docs/edited.md", "v2\n");
        File.Delete(Path.Combine(repo.Path_, "docs", "deleted.md"));
        repo.Write("docs/new.md", "new\n");
        repo.Write(".gitignore", "*.tmp\n");
        repo.Write("docs/scratch.tmp", "ignored\n");
        var git = GitRepository.Discover(repo.Path_);

        var listing = git.ListWorkTree(["docs"]);

        Assert.Equal(40, listing.ObjectIdLength);
        var files = listing.Files.ToDictionary(f => f.Path);
        Assert.Equal(["docs/clean.md", "docs/deleted.md", "docs/edited.md", "docs/new.md"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new WorkTreeFile("docs/clean.md", repo.Git("rev-parse", "HEAD:docs/clean.md"), false, false, false), files["docs/clean.md"]);
        Assert.True(files["docs/edited.md"].Modified);
        Assert.True(files["docs/deleted.md"].Deleted);
        Assert.Equal(new WorkTreeFile("docs/new.md", null, false, false, true), files["docs/new.md"]);
    }

    [Fact]
    public void UntrackedFiles_LeaveOutIgnoredAndTracked()
    {
        using var repo = new TempRepo();
        repo.Write(".gitignore", "*.log\n");
        repo.Commit("ignore logs");
        repo.Write("new.txt", "n\n");
        repo.Write("dir/deep.txt", "d\n");
        repo.Write("noise.log", "l\n");

        Assert.Equal(["dir/deep.txt", "new.txt"], GitRepository.Discover(repo.Path_).UntrackedFiles().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TrackedAmong_TakesPathsLiterally()
    {
        using var repo = new TempRepo();
        repo.Write("a*.txt", "star\n");
        repo.Write("ab.txt", "ab\n");
        repo.Write(":(glob)x", "magic-looking name\n");
        repo.Commit("odd names");
        repo.Write("untracked.txt", "u\n");
        var git = GitRepository.Discover(repo.Path_);

        Assert.Equal(["a*.txt"], git.TrackedAmong(["a*.txt", "untracked.txt"]));
        Assert.Equal([":(glob)x"], git.TrackedAmong([":(glob)x"]));
        Assert.Empty(git.TrackedAmong([]));
    }

    [Fact]
    public void IndexEntry_AndAdd()
    {
        using var repo = new TempRepo();
        var git = GitRepository.Discover(repo.Path_);

        var readme = git.IndexEntry("README.md");
        Assert.Equal(new IndexEntry("100644", repo.Git("hash-object", "README.md"), 0, "README.md"), readme);
        Assert.Null(git.IndexEntry("new.json"));

        repo.Write("new.json", "{}\n");
        git.Add("new.json");

        Assert.Equal(repo.Git("hash-object", "new.json"), git.IndexEntry("new.json")?.ObjectId);
        Assert.Equal("A  new.json", repo.Git("status", "--porcelain"));
        Assert.Throws<GitCommandException>(() => git.Add("does-not-exist.json"));
    }

    [Fact]
    public void AmbientIndexFile_IsTheIndexQueriesRead()
    {
        using var repo = new TempRepo();
        repo.Write("staged.txt", "s\n");
        var other = Path.Combine(repo.Path_, ".git", "other.index");
        File.Copy(Path.Combine(repo.Path_, ".git", "index"), other);
        var ambient = GitEnvironment.Read(name => name == "GIT_INDEX_FILE" ? other : null);
        var hooked = GitRepository.Discover(repo.Path_, ambient);

        hooked.Add("staged.txt");

        Assert.Equal(other, ambient.IndexFile);
        Assert.NotNull(hooked.IndexEntry("staged.txt"));
        Assert.Null(GitRepository.Discover(repo.Path_).IndexEntry("staged.txt"));
    }
}
