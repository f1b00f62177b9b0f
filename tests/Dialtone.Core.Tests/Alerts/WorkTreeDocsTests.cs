using System.Text;
using Dialtone.Core.Alerts;
using Dialtone.Git;
using Dialtone.Tests;

namespace Dialtone.Core.Tests.Alerts;

/// <summary>Listing watched docs and their versions from one `git ls-files`, in a real repository.</summary>
public sealed class WorkTreeDocsTests
{
    [Fact]
    public void Lists_Clean_Modified_Untracked_AndDeletedDocs_WithGitsBlobIds()
    {
        using var repo = new TempRepo();
        repo.Write("docs/a.md", "# A\n");
        repo.Write("docs/b.md", "# B\n");
        repo.Write("api_spec.yaml", "a: 1\n");
        repo.Write("src/code.cs", "class C {}\n");
        repo.Write(".dialtone/tickets/spec-ticket.json", "{}\n");
        repo.Commit("docs");
        repo.Write("docs/a.md", "# A, edited\n");
        repo.Write("docs/new.md", "# New\n");
        File.Delete(Path.Combine(repo.Path_, "docs", "b.md"));
        var repository = GitRepository.Discover(repo.Path_);

        var docs = WorkTreeDocs.List(repository, WatchRules.Effective(null, []).Pathspecs());

        Assert.Equal(["api_spec.yaml", "docs/a.md", "docs/b.md", "docs/new.md"], docs.Select(d => d.Path));
        Assert.Equal(
            [WatchedDocState.Clean, WatchedDocState.Modified, WatchedDocState.Deleted, WatchedDocState.Untracked],
            docs.Select(d => d.State));
        Assert.Equal(repo.Git("rev-parse", "HEAD:api_spec.yaml"), docs[0].Blob);
        Assert.Equal(repo.Git("hash-object", "docs/a.md"), docs[1].Blob);
        Assert.Null(docs[2].Blob);
        Assert.Equal(repo.Git("hash-object", "docs/new.md"), docs[3].Blob);
    }

    [Fact]
    public void TouchedButUnchanged_IsStillClean()
    {
        using var repo = new TempRepo();
        repo.Write("docs/a.md", "# A\n");
        repo.Commit("docs");
        File.SetLastWriteTimeUtc(Path.Combine(repo.Path_, "docs", "a.md"), DateTime.UtcNow.AddMinutes(5));

        var doc = Assert.Single(WorkTreeDocs.List(GitRepository.Discover(repo.Path_), WatchRules.Effective(null, []).Pathspecs()));

        Assert.Equal(WatchedDocState.Clean, doc.State);
    }

    [Fact]
    public void BlobIds_MatchGit_ForSha1()
    {
        using var repo = new TempRepo();
        var content = "line one\r\nünïcödé\n";
        repo.Write("x.txt", content);

        Assert.Equal(repo.Git("hash-object", "x.txt"), GitBlob.Id(Encoding.UTF8.GetBytes(content)));
    }
}
