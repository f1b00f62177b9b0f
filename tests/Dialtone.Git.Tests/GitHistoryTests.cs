using Dialtone.Tests;

namespace Dialtone.Git.Tests;

/// <summary>Commit questions on real repositories: a revision that names no commit is an answer, not an error.</summary>
public sealed class GitHistoryTests
{
    private const string Missing = "0123456789012345678901234567890123456789";

    [Fact]
    public void MergeBase_IsWhereBranchesForked_NullWithoutOne()
    {
        using var repo = new TempRepo();
        var fork = repo.Git("rev-parse", "HEAD");
        repo.Git("switch", "-q", "-c", "topic");
        repo.Write("topic.txt", "topic\n");
        repo.Commit("on topic");
        repo.Git("switch", "-q", "main");
        repo.Write("main.txt", "main\n");
        repo.Commit("on main");
        repo.Git("switch", "-q", "--orphan", "unrelated");
        repo.Write("other.txt", "other\n");
        repo.Commit("unrelated root");
        var git = GitRepository.Discover(repo.Path_);

        Assert.Equal(fork, git.MergeBase("main", "topic"));
        Assert.Null(git.MergeBase("main", "unrelated"));
        Assert.Null(git.MergeBase("main", "no-such-branch"));
        Assert.Null(git.MergeBase(Missing, "main"));
    }

    [Fact]
    public void IsAncestor_TrueFalse_AndFalseForUnknownCommits()
    {
        using var repo = new TempRepo();
        var first = repo.Git("rev-parse", "HEAD");
        repo.Write("b.txt", "b\n");
        repo.Commit("second");
        var git = GitRepository.Discover(repo.Path_);

        Assert.True(git.IsAncestor(first, "HEAD"));
        Assert.True(git.IsAncestor("HEAD", "HEAD"));
        Assert.False(git.IsAncestor("HEAD", first));
        Assert.False(git.IsAncestor(Missing, "HEAD"));
    }

    [Fact]
    public void UnbornHead_AnswersEmpty()
    {
        using var repo = new TempRepo(commit: false);
        repo.Write("new.txt", "new\n");
        var git = GitRepository.Discover(repo.Path_);

        Assert.Null(git.MergeBase("HEAD", "main"));
        Assert.Null(git.LastCommitTouching("HEAD", "new.txt"));
        Assert.Null(git.ChangedPathsSince("HEAD"));
        Assert.Empty(git.LogRaw("main", "HEAD", "new.txt"));
        Assert.Empty(git.TrailerValues("HEAD", "Dialtone-Ticket"));
    }

    [Fact]
    public void LastCommitTouching_NamesTheCommit_AuthorTimeAndSubject()
    {
        using var repo = new TempRepo();
        repo.Write("spec.md", "# spec\n");
        repo.Commit("add the spec");
        var commit = repo.Git("rev-parse", "HEAD");
        repo.Write("other.txt", "unrelated\n");
        repo.Commit("later, elsewhere");
        var git = GitRepository.Discover(repo.Path_);

        var found = git.LastCommitTouching("HEAD", "spec.md");

        Assert.NotNull(found);
        Assert.Equal(commit, found.Id);
        Assert.Equal("Test User", found.Author);
        Assert.Equal("add the spec", found.Subject);
        Assert.Equal(long.Parse(repo.Git("log", "-1", "--format=%ct", commit), System.Globalization.CultureInfo.InvariantCulture), found.Time.ToUnixTimeSeconds());
        Assert.Null(git.LastCommitTouching("HEAD", "never-existed.md"));
        Assert.Null(git.LastCommitTouching("no-such-branch", "spec.md"));
    }

    [Fact]
    public void DiffRaw_ListsBlobsOnBothSides_NullForAnUnknownCommit()
    {
        using var repo = new TempRepo();
        repo.Write("docs/a.md", "a1\n");
        repo.Write("docs/gone.md", "gone\n");
        repo.Commit("docs");
        var before = repo.Git("rev-parse", "HEAD");
        var oldA = repo.Git("rev-parse", "HEAD:docs/a.md");
        repo.Write("docs/a.md", "a2\n");
        repo.Write("docs/new.md", "new\n");
        repo.Write("src/code.cs", "code\n");
        File.Delete(Path.Combine(repo.Path_, "docs", "gone.md"));
        repo.Commit("change docs");
        var git = GitRepository.Discover(repo.Path_);

        var changes = git.DiffRaw(before, "HEAD", ["docs"]);

        Assert.NotNull(changes);
        Assert.Equal(
            [
                new RawChange("docs/a.md", oldA, repo.Git("rev-parse", "HEAD:docs/a.md"), 'M'),
                new RawChange("docs/gone.md", repo.Git("rev-parse", $"{before}:docs/gone.md"), null, 'D'),
                new RawChange("docs/new.md", null, repo.Git("rev-parse", "HEAD:docs/new.md"), 'A'),
            ],
            changes);
        Assert.Null(git.DiffRaw(Missing, "HEAD", ["docs"]));
    }

    [Fact]
    public void LogRaw_ListsEachCommitsVersion_NewestFirst()
    {
        using var repo = new TempRepo();
        repo.Write("spec.md", "v1\n");
        repo.Commit("v1");
        var start = repo.Git("rev-parse", "HEAD");
        repo.Write("spec.md", "v2\n");
        repo.Commit("v2");
        var v2 = repo.Git("rev-parse", "HEAD:spec.md");
        repo.Write("spec.md", "v3\n");
        repo.Write("other.md", "other\n");
        repo.Commit("v3");
        var v3 = repo.Git("rev-parse", "HEAD:spec.md");
        var git = GitRepository.Discover(repo.Path_);

        var changes = git.LogRaw(start, "HEAD", "spec.md");

        Assert.Equal([v3, v2], changes.Select(c => c.NewBlob));
        Assert.All(changes, c => Assert.Equal("spec.md", c.Path));
        Assert.Empty(git.LogRaw(Missing, "HEAD", "spec.md"));
    }

    [Fact]
    public void ChangedPathsSince_CoversCommittedAndUncommitted_NotUntracked()
    {
        using var repo = new TempRepo();
        var start = repo.Git("rev-parse", "HEAD");
        repo.Write("committed.txt", "c\n");
        repo.Commit("committed");
        repo.Write("README.md", "# edited\n");
        repo.Write("untracked.txt", "u\n");
        var git = GitRepository.Discover(repo.Path_);

        Assert.Equal(["README.md", "committed.txt"], git.ChangedPathsSince(start));
        Assert.Equal(["README.md"], git.ChangedPathsSince("HEAD"));
        Assert.Null(git.ChangedPathsSince("no-such-branch"));
    }

    [Fact]
    public void Trailers_AreAdded_AndReadBack()
    {
        using var repo = new TempRepo();
        var message = repo.Write("message.txt", "Do the thing\n\nWhy it matters.\n");
        var git = GitRepository.Discover(repo.Path_);

        git.AddTrailers(message, [new("Dialtone-Ticket", "feature"), new("Dialtone-Subtask", "step-one")]);
        git.AddTrailers(message, [new("Dialtone-Ticket", "feature")]);
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-F", message);

        Assert.Equal(["feature"], git.TrailerValues("HEAD", "Dialtone-Ticket"));
        Assert.Equal(["step-one"], git.TrailerValues("HEAD", "Dialtone-Subtask"));
        Assert.Empty(git.TrailerValues("HEAD~1", "Dialtone-Ticket"));
        Assert.Empty(git.TrailerValues("no-such-branch", "Dialtone-Ticket"));
    }
}
